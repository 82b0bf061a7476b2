import { describe, expect, it } from 'vitest'
import { densityLevel, type RuleFrame } from '../../../electron/core/analytics/rules'
import { runRule, square, track, FRAME_MS } from './synthetic-tracks'

// 400 × 200 px zone standing for 10 m² of ground: low = 0.5 p/m² (5 people), high = 1 p/m² (10 people).
const rule = {
  id: 'densite',
  name: 'Parvis',
  kind: 'crowd-density' as const,
  zone: { ...square('parvis', 0, 100, 400, 300), groundAreaM2: 10 },
  thresholds: { low: 0.5, high: 1 },
  hysteresis: 0.2,
  minHoldSeconds: 1
}

/** Frames whose person count inside the zone follows `counts`, one frame each. */
function crowd(counts: number[]): RuleFrame[] {
  return counts.map((count, i) => ({
    at: i * FRAME_MS,
    tracks: Array.from({ length: count }, (_, k) => track({ id: k + 1, x: 20 + k * 30, y: 200 }, i * FRAME_MS))
  }))
}

const hold = (count: number, frames: number): number[] => Array.from({ length: frames }, () => count)

describe('densityLevel', () => {
  const thresholds = { low: 0.5, high: 1 }
  it('rises at a threshold and falls only below the hysteresis band', () => {
    expect(densityLevel(0.5, 'normal', thresholds, 0.2)).toBe('elevated')
    expect(densityLevel(0.45, 'elevated', thresholds, 0.2)).toBe('elevated')
    expect(densityLevel(0.39, 'elevated', thresholds, 0.2)).toBe('normal')
    expect(densityLevel(1.2, 'normal', thresholds, 0.2)).toBe('critical')
    expect(densityLevel(0.85, 'critical', thresholds, 0.2)).toBe('critical')
    expect(densityLevel(0.7, 'critical', thresholds, 0.2)).toBe('elevated')
    expect(densityLevel(0.1, 'critical', thresholds, 0.2)).toBe('normal')
  })
})

describe('crowd density', () => {
  it('reports each level change once the new level has held', () => {
    const events = runRule(rule, crowd([...hold(2, 5), ...hold(6, 10), ...hold(11, 10), ...hold(2, 10)]))
    expect(events.map((e) => [e.details.level, e.details.previousLevel])).toEqual([
      ['elevated', 'normal'],
      ['critical', 'elevated'],
      ['normal', 'critical']
    ])
    expect(events[0]).toMatchObject({ kind: 'crowd-density', at: 10 * FRAME_MS, details: { persons: 6, personsPerM2: 0.6 } })
  })

  it('does not flap when the count hovers around a threshold', () => {
    // 5 people is exactly the low threshold; dropping to 4 (0.4 p/m², inside the band) must not leave the level.
    const counts = [...hold(5, 10), ...Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 4 : 5))]
    const events = runRule(rule, crowd(counts))
    expect(events.map((e) => e.details.level)).toEqual(['elevated'])
  })

  it('ignores a brief spike shorter than the hold time', () => {
    const events = runRule(rule, crowd([...hold(2, 5), ...hold(12, 3), ...hold(2, 10)]))
    expect(events).toHaveLength(0)
  })

  it('counts only people standing inside the zone', () => {
    const outside = Array.from({ length: 10 }, (_, i) => ({
      at: i * FRAME_MS,
      tracks: Array.from({ length: 12 }, (_, k) => track({ id: k + 1, x: 20 + k * 30, y: 350 }, i * FRAME_MS))
    }))
    expect(runRule(rule, outside)).toHaveLength(0)
  })
})
