export type DensityLevel = 'normal' | 'elevated' | 'critical'

const LEVELS: readonly DensityLevel[] = ['normal', 'elevated', 'critical']

/**
 * The level a density calls for, given the current level: a threshold is crossed upwards at its
 * value but downwards only `hysteresis` (a fraction) below it, so a density hovering around a
 * threshold keeps its level.
 */
export function densityLevel(
  density: number,
  current: DensityLevel,
  thresholds: { low: number; high: number },
  hysteresis: number
): DensityLevel {
  const currentIndex = LEVELS.indexOf(current)
  let index = 0
  for (const [position, threshold] of [thresholds.low, thresholds.high].entries()) {
    const level = position + 1
    const boundary = currentIndex >= level ? threshold * (1 - hysteresis) : threshold
    if (density >= boundary) index = level
  }
  return LEVELS[index]
}
