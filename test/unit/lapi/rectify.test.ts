import { describe, expect, it } from 'vitest'
import { applyHomography, invertHomography, squareToQuad } from '../../../electron/core/lapi/homography'
import type { PlateCorners, Point, RgbFrame } from '../../../electron/core/lapi/lapi-types'
import { rectifyPlate } from '../../../electron/core/lapi/rectify'

const QUAD: PlateCorners = [
  { x: 40, y: 30 },
  { x: 210, y: 52 },
  { x: 200, y: 110 },
  { x: 48, y: 84 }
]

const close = (actual: Point, expected: Point, digits = 9): void => {
  expect(actual.x).toBeCloseTo(expected.x, digits)
  expect(actual.y).toBeCloseTo(expected.y, digits)
}

describe('square → quadrilateral homography', () => {
  it('sends the unit square’s corners to TL, TR, BR, BL', () => {
    const h = squareToQuad(QUAD)
    close(applyHomography(h, { x: 0, y: 0 }), QUAD[0])
    close(applyHomography(h, { x: 1, y: 0 }), QUAD[1])
    close(applyHomography(h, { x: 1, y: 1 }), QUAD[2])
    close(applyHomography(h, { x: 0, y: 1 }), QUAD[3])
  })

  it('sends the square’s centre to where the quadrilateral’s diagonals cross (a projective invariant)', () => {
    const [a, b, c, d] = QUAD
    // Intersection of AC and BD.
    const denominator = (a.x - c.x) * (b.y - d.y) - (a.y - c.y) * (b.x - d.x)
    const t = ((a.x - b.x) * (b.y - d.y) - (a.y - b.y) * (b.x - d.x)) / denominator
    const crossing = { x: a.x + t * (c.x - a.x), y: a.y + t * (c.y - a.y) }
    close(applyHomography(squareToQuad(QUAD), { x: 0.5, y: 0.5 }), crossing, 6)
  })

  it('keeps straight lines straight: points of a square edge land on the quadrilateral edge', () => {
    const h = squareToQuad(QUAD)
    for (const s of [0.1, 0.37, 0.8]) {
      const p = applyHomography(h, { x: s, y: 0 })
      const cross = (QUAD[1].x - QUAD[0].x) * (p.y - QUAD[0].y) - (QUAD[1].y - QUAD[0].y) * (p.x - QUAD[0].x)
      expect(Math.abs(cross)).toBeLessThan(1e-6)
    }
  })

  it('is affine for a parallelogram and exactly invertible', () => {
    const parallelogram: PlateCorners = [
      { x: 10, y: 10 },
      { x: 110, y: 30 },
      { x: 120, y: 60 },
      { x: 20, y: 40 }
    ]
    const h = squareToQuad(parallelogram)
    expect(h[6]).toBe(0)
    expect(h[7]).toBe(0)
    const inverse = invertHomography(squareToQuad(QUAD))
    for (const p of [
      { x: 0.2, y: 0.9 },
      { x: 0.75, y: 0.1 }
    ]) {
      close(applyHomography(inverse, applyHomography(squareToQuad(QUAD), p)), p)
    }
  })

  it('refuses a degenerate quadrilateral', () => {
    const flat: PlateCorners = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 20, y: 0 },
      { x: 5, y: 0 }
    ]
    expect(() => squareToQuad(flat)).toThrow(/Degenerate/)
  })
})

/** A frame whose pixels are a function of position in the plate's own coordinates (u, v in 0..1). */
function paintThroughQuad(width: number, height: number, quad: PlateCorners, paint: (u: number, v: number) => number): RgbFrame {
  const toPlate = invertHomography(squareToQuad(quad))
  const data = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const { x: u, y: v } = applyHomography(toPlate, { x: x + 0.5, y: y + 0.5 })
      const value = u >= 0 && u <= 1 && v >= 0 && v <= 1 ? paint(u, v) : 0
      data.fill(value, (y * width + x) * 3, (y * width + x) * 3 + 3)
    }
  }
  return { width, height, data }
}

describe('plate rectification', () => {
  it('undoes a perspective: a gradient painted along the plate comes back as columns of one value', () => {
    const frame = paintThroughQuad(260, 140, QUAD, (u) => Math.round(40 + 180 * u))
    const plate = rectifyPlate(frame, QUAD, { width: 128, height: 64 })
    expect(plate.width).toBe(128)
    expect(plate.height).toBe(64)
    expect(plate.data).toHaveLength(128 * 64 * 3)
    let worst = 0
    for (let v = 2; v < 62; v += 1) {
      for (let u = 2; u < 126; u += 1) {
        const expected = 40 + 180 * ((u + 0.5) / 128)
        worst = Math.max(worst, Math.abs(plate.data[(v * 128 + u) * 3] - expected))
      }
    }
    // Bilinear sampling of a 170-pixel-wide plate at 128 columns: within a couple of grey levels.
    expect(worst).toBeLessThan(4)
  })

  it('puts a feature painted at plate position (¼, ½) at output pixel (32, 32)', () => {
    const frame = paintThroughQuad(260, 140, QUAD, (u, v) => (Math.abs(u - 0.25) < 0.04 && Math.abs(v - 0.5) < 0.08 ? 255 : 60))
    const plate = rectifyPlate(frame, QUAD, { width: 128, height: 64 })
    let sumX = 0
    let sumY = 0
    let count = 0
    for (let v = 0; v < 64; v += 1) {
      for (let u = 0; u < 128; u += 1) {
        if (plate.data[(v * 128 + u) * 3] > 160) {
          sumX += u + 0.5
          sumY += v + 0.5
          count += 1
        }
      }
    }
    expect(count).toBeGreaterThan(20)
    expect(sumX / count).toBeCloseTo(32, 0)
    expect(sumY / count).toBeCloseTo(32, 0)
  })

  it('adds the margin along the plate’s own axes: the plate shrinks into the middle of the output', () => {
    const frame = paintThroughQuad(260, 140, QUAD, () => 255)
    const plate = rectifyPlate(frame, QUAD, { width: 128, height: 64, marginX: 0.25, marginY: 0.25 })
    const at = (u: number, v: number): number => plate.data[(v * 128 + u) * 3]
    // Plate spans s ∈ [0, 1] of [−0.25, 1.25]: output columns 21..107, rows 11..53.
    expect(at(64, 32)).toBe(255)
    expect(at(5, 32)).toBe(0)
    expect(at(122, 32)).toBe(0)
    expect(at(64, 3)).toBe(0)
    expect(at(64, 60)).toBe(0)
  })

  it('repeats the edge pixels for corners outside the frame instead of reading out of bounds', () => {
    const frame: RgbFrame = { width: 4, height: 4, data: new Uint8Array(48).fill(77) }
    const outside: PlateCorners = [
      { x: -10, y: -5 },
      { x: 14, y: -5 },
      { x: 14, y: 9 },
      { x: -10, y: 9 }
    ]
    const plate = rectifyPlate(frame, outside, { width: 16, height: 8 })
    expect(plate.data.every((value) => value === 77)).toBe(true)
  })

  it('keeps the channels apart (RGB in, RGB out)', () => {
    const data = new Uint8Array(10 * 10 * 3)
    for (let i = 0; i < 100; i += 1) data.set([200, 100, 10], i * 3)
    const square: PlateCorners = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 0, y: 10 }
    ]
    const plate = rectifyPlate({ width: 10, height: 10, data }, square, { width: 5, height: 5 })
    expect(Array.from(plate.data.subarray(0, 6))).toEqual([200, 100, 10, 200, 100, 10])
  })
})
