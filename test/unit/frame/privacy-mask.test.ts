import { describe, expect, it } from 'vitest'
import { MaskRaster } from '../../../electron/core/analytics/frame'
import { pointInPolygon } from '../../../electron/core/analytics/rules/geometry'
import type { NormPoint, PrivacyMask } from '../../../electron/shared/scene'
import { rectangleMask, solidFrame } from './synthetic-frames'

const mask = (id: string, points: Array<[number, number]>): PrivacyMask => ({ id, name: id, polygon: points.map(([x, y]) => ({ x, y })) })

/** The raster as rows of '#' (covered) and '.', for expectations that read like the picture. */
function picture(raster: MaskRaster): string[] {
  return Array.from({ length: raster.height }, (_, y) =>
    Array.from({ length: raster.width }, (_, x) => (raster.covers(x, y) ? '#' : '.')).join('')
  )
}

/** Applies the raster to a white frame and lists the blanked pixels, checking none is left half blanked. */
function blankedPixels(raster: MaskRaster): Array<[number, number]> {
  const { data } = solidFrame(raster.width, raster.height, [255, 255, 255])
  raster.apply(data)
  const blanked: Array<[number, number]> = []
  const partial: Array<[number, number]> = []
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      const offset = (y * raster.width + x) * 3
      const sum = data[offset] + data[offset + 1] + data[offset + 2]
      if (sum === 0) blanked.push([x, y])
      else if (sum !== 3 * 255) partial.push([x, y])
    }
  }
  expect(partial).toEqual([])
  return blanked
}

/** Counts the pixel centres inside the polygon by the rules' ray casting, checking the raster agrees on each. */
function referenceCount(polygon: readonly NormPoint[], width: number, height: number, raster: MaskRaster): number {
  const scaled = polygon.map((p) => ({ x: p.x * width, y: p.y * height }))
  let count = 0
  const disagreements: Array<[number, number]> = []
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = pointInPolygon({ x: x + 0.5, y: y + 0.5 }, scaled)
      if (raster.covers(x, y) !== inside) disagreements.push([x, y])
      if (inside) count++
    }
  }
  expect(disagreements).toEqual([])
  return count
}

describe('MaskRaster', () => {
  it('blanks exactly the pixels of a rectangle, all three bytes of each', () => {
    // On 40×20, x from 10 to 20 and y from 5 to 15 in pixels: 10 × 10 pixels.
    const raster = new MaskRaster([rectangleMask('porte', 0.25, 0.25, 0.5, 0.75)], 40, 20)
    expect(raster.coveredPixels).toBe(100)
    const expected: Array<[number, number]> = []
    for (let y = 5; y < 15; y++) for (let x = 10; x < 20; x++) expected.push([x, y])
    expect(blankedPixels(raster)).toEqual(expected)
  })

  it('fills a triangle by pixel centres', () => {
    // Pixel space (0,0), (8,0), (4,8): a row keeps the pixels whose centre lies between the two
    // slopes, so the last row (centres at y = 7.5, between x = 3.75 and 4.25) keeps none.
    const raster = new MaskRaster([mask('fenetre', [[0, 0], [1, 0], [0.5, 1]])], 8, 8)
    expect(picture(raster)).toEqual([
      '########',
      '.######.',
      '.######.',
      '..####..',
      '..####..',
      '...##...',
      '...##...',
      '........'
    ])
    expect(raster.coveredPixels).toBe(32)
    expect(referenceCount([{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0.5, y: 1 }], 8, 8, raster)).toBe(32)
    expect(blankedPixels(raster)).toHaveLength(32)
  })

  it('covers the union of overlapping masks (an overlap does not cancel out)', () => {
    const raster = new MaskRaster([rectangleMask('a', 0, 0, 0.5, 0.5), rectangleMask('b', 0.25, 0.25, 0.75, 0.75)], 8, 8)
    expect(picture(raster)).toEqual([
      '####....',
      '####....',
      '######..',
      '######..',
      '..####..',
      '..####..',
      '........',
      '........'
    ])
    expect(raster.coveredPixels).toBe(16 + 16 - 4)
  })

  it('leaves the frame untouched without masks', () => {
    const frame = solidFrame(16, 9, [10, 20, 30])
    const before = frame.data.slice()
    const raster = new MaskRaster([], 16, 9)
    raster.apply(frame.data)
    expect(raster.coveredPixels).toBe(0)
    expect(frame.data).toEqual(before)
    expect(raster.covers(0, 0)).toBe(false)
  })

  it('reaches the frame edges and corners without writing past them', () => {
    const whole = new MaskRaster([rectangleMask('tout', 0, 0, 1, 1)], 16, 9)
    expect(whole.coveredPixels).toBe(16 * 9)
    const frame = solidFrame(16, 9, [255, 255, 255])
    whole.apply(frame.data)
    expect(frame.data.every((byte) => byte === 0)).toBe(true)

    const corner = new MaskRaster([mask('coin', [[0.5, 0.5], [1, 0.5], [1, 1], [0.5, 1]])], 8, 4)
    expect(picture(corner)).toEqual(['........', '........', '....####', '....####'])
    expect(blankedPixels(corner)).toContainEqual([7, 3])
  })

  it('follows the concave outline of a U and of a star', () => {
    const u = new MaskRaster([mask('u', [[0, 0], [0.25, 0], [0.25, 0.75], [0.75, 0.75], [0.75, 0], [1, 0], [1, 1], [0, 1]])], 8, 8)
    expect(picture(u)).toEqual(['##....##', '##....##', '##....##', '##....##', '##....##', '##....##', '########', '########'])

    // A five-pointed star drawn in one stroke crosses itself: even-odd leaves its centre uncovered.
    const star = mask('etoile', [[0.5, 0.02], [0.79, 0.95], [0.03, 0.37], [0.97, 0.37], [0.21, 0.95]])
    const raster = new MaskRaster([star], 64, 36)
    expect(raster.covers(32, 20)).toBe(false)
    expect(raster.coveredPixels).toBe(referenceCount(star.polygon, 64, 36, raster))
    expect(blankedPixels(raster)).toHaveLength(raster.coveredPixels)
  })

  it('refuses a frame of another size rather than blank the wrong pixels', () => {
    const raster = new MaskRaster([rectangleMask('porte', 0, 0, 0.5, 0.5)], 8, 8)
    expect(() => raster.apply(new Uint8Array(16 * 8 * 3))).toThrow(RangeError)
    expect(() => new MaskRaster([], 0, 8)).toThrow(RangeError)
  })

  it('answers false outside the frame', () => {
    const raster = new MaskRaster([rectangleMask('tout', 0, 0, 1, 1)], 8, 8)
    expect([raster.covers(-1, 0), raster.covers(8, 0), raster.covers(0, 8), raster.covers(0.5, 0)]).toEqual([false, false, false, false])
  })
})
