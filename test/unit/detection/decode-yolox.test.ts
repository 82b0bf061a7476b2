import { describe, expect, it } from 'vitest'
import { decodeYolox } from '../../../electron/core/analytics/detection/decode-yolox'
import type { FramePlacement } from '../../../electron/core/analytics/detection/detection-types'

const LABELS = ['person', 'car']
const ROW = 5 + LABELS.length
/** Input 32×32, strides 8/16/32 → 16 + 4 + 1 = 21 rows. */
const ANCHORS = 21
const PLACEMENT: FramePlacement = { scaleX: 0.5, scaleY: 0.5, offsetX: 0, offsetY: 0, frameWidth: 100, frameHeight: 100 }

function predictions(rows: Record<number, number[]>): Float32Array {
  const data = new Float32Array(ANCHORS * ROW)
  for (const [anchor, row] of Object.entries(rows)) data.set(row, Number(anchor) * ROW)
  return data
}

const decode = (data: Float32Array) =>
  decodeYolox(
    { outputs: [{ dims: [1, ANCHORS, ROW], data }], inputWidth: 32, inputHeight: 32, placement: PLACEMENT, labels: LABELS, scoreThreshold: 0.3 },
    { strides: [8, 16, 32] }
  )

describe('YOLOX decoding', () => {
  it('decodes a stride-16 cell: centre ((0.5+1)·16, (0.25+1)·16), size (2·16, 1·16), score obj × cls', () => {
    // Row 16 + 3 = second level, column 1, row 1.
    const [box, ...others] = decode(predictions({ 19: [0.5, 0.25, Math.log(2), 0, 0.8, 0.5, 0.9] }))
    expect(others).toHaveLength(0)
    // Input box (8, 12, 40, 28) → frame ÷ 0.5.
    expect(box.x1).toBeCloseTo(16, 4)
    expect(box.y1).toBeCloseTo(24, 4)
    expect(box.x2).toBeCloseTo(80, 4)
    expect(box.y2).toBeCloseTo(56, 4)
    expect(box).toMatchObject({ classId: 1, label: 'car' })
    expect(box.score).toBeCloseTo(0.72, 6)
  })

  it('drops a confident object whose best class makes the product fall under the threshold', () => {
    expect(decode(predictions({ 0: [0, 0, 0, 0, 0.9, 0.2, 0.1] }))).toEqual([])
  })

  it('uses the last level (stride 32) for the last row', () => {
    const [box] = decode(predictions({ 20: [0.5, 0.5, 0, 0, 1, 1, 0] }))
    // Centre (16, 16), size 32 → input (0, 0, 32, 32) → frame (0, 0, 64, 64).
    expect([box.x1, box.y1, box.x2, box.y2].map((v) => Math.round(v * 1000) / 1000)).toEqual([0, 0, 64, 64])
  })
})
