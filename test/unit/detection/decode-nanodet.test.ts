import { describe, expect, it } from 'vitest'
import { decodeNanoDet, expectedBinDistance } from '../../../electron/core/analytics/detection/decode-nanodet'
import type { FramePlacement, RawOutput } from '../../../electron/core/analytics/detection/detection-types'

const LABELS = ['person', 'car']
const BINS = 4
/** Input 32×32 at stride 8 → 4×4 cells; scale 0.5 and a 2-pixel offset make the mapping visible. */
const PLACEMENT: FramePlacement = { scaleX: 0.5, scaleY: 0.5, offsetX: 2, offsetY: 2, frameWidth: 100, frameHeight: 100 }

/** Logits whose softmax over 4 bins is proportional to `weights`. */
const logitsFor = (weights: number[]): number[] => weights.map((w) => (w === 0 ? -100 : Math.log(w)))

function level(cells: number, scoreRows: Record<number, number[]>, sideRows: Record<number, number[][]>): RawOutput[] {
  const scores = new Float32Array(cells * LABELS.length)
  const distributions = new Float32Array(cells * 4 * BINS)
  for (const [cell, row] of Object.entries(scoreRows)) scores.set(row, Number(cell) * LABELS.length)
  for (const [cell, sides] of Object.entries(sideRows)) distributions.set(sides.flat(), Number(cell) * 4 * BINS)
  return [
    { dims: [1, cells, LABELS.length], data: scores },
    { dims: [1, cells, 4 * BINS], data: distributions }
  ]
}

const decode = (outputs: RawOutput[], strides = [8]) =>
  decodeNanoDet(
    { outputs, inputWidth: 32, inputHeight: 32, placement: PLACEMENT, labels: LABELS, scoreThreshold: 0.35 },
    { strides, binsPerSide: BINS }
  )

describe('NanoDet-Plus decoding', () => {
  it('takes the expected bin under the softmax of each side', () => {
    expect(expectedBinDistance(new Float32Array([0, 0, 0, 0]), 0, 4)).toBeCloseTo(1.5, 6) // (0+1+2+3)/4
    expect(expectedBinDistance(new Float32Array(logitsFor([1, 1, 2, 4])), 0, 4)).toBeCloseTo(17 / 8, 6)
    // Large logits must not overflow exp().
    expect(expectedBinDistance(new Float32Array([1000, 1000, 0, 0]), 0, 4)).toBeCloseTo(0.5, 6)
  })

  it('decodes one cell into a frame box: centre (19.5, 19.5), sides 12/17/8/0 at stride 8', () => {
    // Cell 10 = column 2, row 2 → centre 2·8 + 3.5 = 19.5.
    const sides = [[0, 0, 0, 0], logitsFor([1, 1, 2, 4]), logitsFor([0, 1, 0, 0]), logitsFor([1, 0, 0, 0])]
    const [box, ...others] = decode(level(16, { 10: [0.9, 0.2] }, { 10: sides }))
    expect(others).toHaveLength(0)
    // Input box (7.5, 2.5, 27.5, 19.5) → frame: (v − 2) / 0.5.
    expect(box.x1).toBeCloseTo(11, 5)
    expect(box.y1).toBeCloseTo(1, 5)
    expect(box.x2).toBeCloseTo(51, 5)
    expect(box.y2).toBeCloseTo(35, 5)
    expect(box).toMatchObject({ classId: 0, label: 'person' })
    expect(box.score).toBeCloseTo(0.9, 6)
  })

  it('keeps the best class, skips cells under the threshold, and walks every stride level', () => {
    const oneBin = [0, 1, 2, 3].map(() => logitsFor([0, 1, 0, 0]))
    const fine = level(16, { 0: [0.2, 0.3] }, { 0: oneBin }) // below 0.35 → ignored
    const coarse = level(4, { 3: [0.5, 0.8] }, { 3: oneBin }) // stride 16, cell 3 → centre 23.5, sides 16
    const detections = decode([coarse[1], fine[0], coarse[0], fine[1]], [8, 16])
    expect(detections).toHaveLength(1)
    expect(detections[0]).toMatchObject({ classId: 1, label: 'car' })
    expect(detections[0].x1).toBeCloseTo((7.5 - 2) / 0.5, 5)
    expect(detections[0].x2).toBeCloseTo((39.5 - 2) / 0.5, 5)
  })

  it('names the output it cannot find', () => {
    expect(() => decode(level(16, {}, {}).slice(0, 1))).toThrow(/box distributions \(stride 8\).*\[1,16,16\]/)
  })
})
