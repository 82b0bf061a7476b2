import { describe, expect, it } from 'vitest'
import { decodeFastestDet } from '../../../electron/core/analytics/detection/decode-fastestdet'
import type { FramePlacement } from '../../../electron/core/analytics/detection/detection-types'

const LABELS = ['person', 'car']
const GRID = 2
const CELLS = GRID * GRID
/** Stretch of a 200×100 frame into a 20×20 input. */
const PLACEMENT: FramePlacement = { scaleX: 0.1, scaleY: 0.2, offsetX: 0, offsetY: 0, frameWidth: 200, frameHeight: 100 }

/** Channel-major [1, 7, 2, 2] with `values` (one per channel) at `cell`. */
function output(cell: number, values: number[]): Float32Array {
  const data = new Float32Array((5 + LABELS.length) * CELLS)
  values.forEach((value, channel) => {
    data[channel * CELLS + cell] = value
  })
  return data
}

const decode = (data: Float32Array) =>
  decodeFastestDet(
    {
      outputs: [{ dims: [1, 5 + LABELS.length, GRID, GRID], data }],
      inputWidth: 20,
      inputHeight: 20,
      placement: PLACEMENT,
      labels: LABELS,
      scoreThreshold: 0.5
    },
    { gridSize: GRID }
  )

describe('FastestDet decoding', () => {
  it('decodes cell (column 1, row 0): tanh offsets, sigmoid sizes, score obj^0.6 · cls^0.4', () => {
    // tanh(atanh 0.5) = 0.5, tanh 0 = 0; sigmoid 0 = 0.5, sigmoid ln 3 = 0.75; 0.64^0.6 · 0.64^0.4 = 0.64.
    const [box, ...others] = decode(output(1, [0.64, Math.atanh(0.5), 0, 0, Math.log(3), 0.36, 0.64]))
    expect(others).toHaveLength(0)
    // Centre (0.75, 0), size (0.5, 0.75) of the input → normalised (0.5, −0.375, 1, 0.375) → frame, clipped.
    expect(box.x1).toBeCloseTo(100, 4)
    expect(box.y1).toBe(0)
    expect(box.x2).toBeCloseTo(200, 4)
    expect(box.y2).toBeCloseTo(37.5, 4)
    expect(box).toMatchObject({ classId: 1, label: 'car' })
    expect(box.score).toBeCloseTo(0.64, 6)
  })

  it('ignores cells whose blended score is under the threshold', () => {
    // 0.2^0.6 · 1^0.4 ≈ 0.38 < 0.5
    expect(decode(output(3, [0.2, 0, 0, 0, 0, 1, 0]))).toEqual([])
  })
})
