import type { FeatureMap } from './plate-detector-manifest'

/**
 * SSD-style priors of LPD-YuNet, as the opencv_zoo sample builds them: for each feature map, rows
 * first, then columns, then each min size. Stored flat, 4 numbers per prior, all as fractions of the
 * model input (cx, cy, width, height), because the regressed offsets are relative to them.
 */
export interface PlatePriors {
  count: number
  /** [cx, cy, w, h] × count. */
  values: Float32Array
}

export function buildPlatePriors(featureMaps: readonly FeatureMap[], inputWidth: number, inputHeight: number): PlatePriors {
  const count = featureMaps.reduce((sum, map) => sum + map.rows * map.columns * map.minSizes.length, 0)
  const values = new Float32Array(count * 4)
  let offset = 0
  for (const { rows, columns, step, minSizes } of featureMaps) {
    for (let row = 0; row < rows; row += 1) {
      for (let column = 0; column < columns; column += 1) {
        for (const minSize of minSizes) {
          values[offset] = ((column + 0.5) * step) / inputWidth
          values[offset + 1] = ((row + 0.5) * step) / inputHeight
          values[offset + 2] = minSize / inputWidth
          values[offset + 3] = minSize / inputHeight
          offset += 4
        }
      }
    }
  }
  return { count, values }
}
