import { describe, expect, it } from 'vitest'
import type { Detection } from '../../../electron/core/analytics/detection/detection-types'
import { intersectionOverUnion, nonMaximumSuppression } from '../../../electron/core/analytics/detection/nms'

const box = (x1: number, y1: number, x2: number, y2: number, score: number, classId = 0): Detection => ({
  x1,
  y1,
  x2,
  y2,
  score,
  classId,
  label: classId === 0 ? 'person' : 'car'
})

describe('intersection over union', () => {
  it('is 50 / 150 for two 10×10 squares overlapping by half', () => {
    expect(intersectionOverUnion(box(0, 0, 10, 10, 1), box(5, 0, 15, 10, 1))).toBeCloseTo(1 / 3, 10)
  })

  it('is 0 for boxes that only touch, and 1 for identical boxes', () => {
    expect(intersectionOverUnion(box(0, 0, 10, 10, 1), box(10, 0, 20, 10, 1))).toBe(0)
    expect(intersectionOverUnion(box(2, 2, 8, 8, 1), box(2, 2, 8, 8, 1))).toBe(1)
  })
})

describe('non-maximum suppression', () => {
  it('keeps the best of overlapping boxes of one class, highest score first', () => {
    const kept = nonMaximumSuppression([box(1, 0, 11, 10, 0.6), box(0, 0, 10, 10, 0.9), box(50, 50, 60, 60, 0.7)], 0.5)
    expect(kept.map((d) => d.score)).toEqual([0.9, 0.7])
  })

  it('never lets one class suppress another', () => {
    const kept = nonMaximumSuppression([box(0, 0, 10, 10, 0.9, 0), box(0, 0, 10, 10, 0.8, 2)], 0.5)
    expect(kept.map((d) => d.classId)).toEqual([0, 2])
  })

  it('suppresses only above the threshold (IoU exactly 1/3 survives a 1/3 threshold)', () => {
    const pair = [box(0, 0, 10, 10, 0.9), box(5, 0, 15, 10, 0.8)]
    expect(nonMaximumSuppression(pair, 1 / 3)).toHaveLength(2)
    expect(nonMaximumSuppression(pair, 0.3)).toHaveLength(1)
  })

  it('does not chain: a box removed by the winner cannot remove a third one', () => {
    // B overlaps A (IoU 0.6) and C (IoU 0.6), but A and C overlap less (IoU 1/3): A and C stay.
    const a = box(0, 0, 10, 10, 0.9)
    const b = box(2.5, 0, 12.5, 10, 0.8)
    const c = box(5, 0, 15, 10, 0.7)
    expect(intersectionOverUnion(a, b)).toBeCloseTo(0.6, 10)
    expect(nonMaximumSuppression([c, b, a], 0.5).map((d) => d.score)).toEqual([0.9, 0.7])
  })
})
