import { describe, expect, it } from 'vitest'
import type { PlateCorners, Point } from '../../../electron/core/lapi/lapi-types'
import { repairPlateCorners } from '../../../electron/core/lapi/plate-quad'

const close = (actual: Point, expected: Point, digits = 6): void => {
  expect(actual.x).toBeCloseTo(expected.x, digits)
  expect(actual.y).toBeCloseTo(expected.y, digits)
}

function rotated(cx: number, cy: number, halfWidth: number, halfHeight: number, degrees: number): PlateCorners {
  const a = (degrees * Math.PI) / 180
  const at = (x: number, y: number): Point => ({ x: cx + x * Math.cos(a) - y * Math.sin(a), y: cy + x * Math.sin(a) + y * Math.cos(a) })
  return [at(-halfWidth, -halfHeight), at(halfWidth, -halfHeight), at(halfWidth, halfHeight), at(-halfWidth, halfHeight)]
}

describe('rebuilding LPD-YuNet’s plate corners', () => {
  it('leaves a rectangle, upright or rotated, as it is', () => {
    for (const degrees of [0, 8, -12]) {
      const plate = rotated(300, 200, 60, 13, degrees)
      repairPlateCorners(plate).forEach((corner, index) => close(corner, plate[index]))
    }
  })

  it('rebuilds TR and BL when the model collapses them towards the centre (zoom clip frame 30)', () => {
    // Model output on frame 30 of fastalpr_test_image_zoom.mp4; the plate spans about x 244–352, y 153–181.
    const model: PlateCorners = [
      { x: 243, y: 154 },
      { x: 278, y: 169 },
      { x: 352, y: 178 },
      { x: 313, y: 160 }
    ]
    const [tl, tr, br, bl] = repairPlateCorners(model)
    expect(tl).toEqual(model[0])
    expect(br).toEqual(model[2])
    expect(tr.x).toBeGreaterThan(345)
    expect(tr.y).toBeLessThan(157)
    expect(bl.x).toBeLessThan(250)
    expect(bl.y).toBeGreaterThan(176)
  })

  it('puts TR on the upper right whichever of c1, c3 the model placed there', () => {
    const plate = rotated(100, 50, 40, 10, 5)
    const centre = { x: 100, y: 50 }
    const shrink = (p: Point, f: number): Point => ({ x: centre.x + (p.x - centre.x) * f, y: centre.y + (p.y - centre.y) * f })
    const swapped: PlateCorners = [plate[0], shrink(plate[3], 0.3), plate[2], shrink(plate[1], 0.3)]
    repairPlateCorners(swapped).forEach((corner, index) => close(corner, plate[index], 4))
  })

  it('gives the second diagonal the first one’s length (equal diagonals of a rectangle or isosceles trapezoid)', () => {
    const model: PlateCorners = [
      { x: 0, y: 0 },
      { x: 48, y: 6 },
      { x: 100, y: 20 },
      { x: 52, y: 14 }
    ]
    const [tl, tr, br, bl] = repairPlateCorners(model)
    expect(Math.hypot(tr.x - bl.x, tr.y - bl.y)).toBeCloseTo(Math.hypot(br.x - tl.x, br.y - tl.y), 9)
  })

  it('falls back to the box of TL and BR when c1 and c3 give no direction', () => {
    const point = { x: 50, y: 10 }
    const model: PlateCorners = [{ x: 0, y: 0 }, point, { x: 100, y: 20 }, point]
    expect(repairPlateCorners(model)).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 20 },
      { x: 0, y: 20 }
    ])
  })
})
