import type { NormPoint, PrivacyMask } from '../../../shared/scene'
import { BYTES_PER_PIXEL } from './rgb-frame'

/**
 * The privacy masks of one camera, rasterised once for one frame size, then blanked on every frame
 * before anything else looks at it (detector, background model, stored snapshots).
 *
 * A pixel is covered when its centre lies inside a mask polygon scaled to the frame, by the
 * even-odd rule: the same test as `pointInPolygon` in the rules, so the rules' geometry and the
 * blanked pixels agree to the pixel. A pixel under several masks is
 * covered once (masks add up, they never cancel each other).
 *
 * Construction does the geometry; `apply` only replays precomputed byte ranges with `fill`, and a
 * run of covered pixels that wraps from one row to the next is a single range, so a full-width band
 * costs one call whatever its height.
 */
export class MaskRaster {
  readonly width: number
  readonly height: number
  private readonly coverage: Uint8Array
  /** Flat [startByte, endByte) pairs of covered runs in an RGB frame, in increasing order. */
  private readonly spans: Uint32Array
  private readonly covered: number

  constructor(masks: readonly PrivacyMask[], width: number, height: number) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
      throw new RangeError(`Invalid frame size ${width}×${height}`)
    }
    this.width = width
    this.height = height
    this.coverage = new Uint8Array(width * height)
    const longest = masks.reduce((most, mask) => Math.max(most, mask.polygon.length), 0)
    const crossings = new Float64Array(longest)
    for (const mask of masks) fillPolygon(this.coverage, mask.polygon, width, height, crossings)
    const { spans, covered } = coveredRuns(this.coverage)
    this.spans = spans
    this.covered = covered
  }

  get coveredPixels(): number {
    return this.covered
  }

  /** Whether the pixel at column `x`, row `y` is blanked; false outside the frame. */
  covers(x: number, y: number): boolean {
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= this.width || y >= this.height) return false
    return this.coverage[y * this.width + x] === 1
  }

  /** Blanks (sets to black) every covered pixel of an RGB frame of this raster's size, in place. */
  apply(data: Uint8Array): void {
    const expected = this.width * this.height * BYTES_PER_PIXEL
    // A frame of another size would be blanked in the wrong places: refuse rather than leak.
    if (data.length !== expected) {
      throw new RangeError(`Frame of ${data.length} bytes does not match the ${this.width}×${this.height} mask raster`)
    }
    const spans = this.spans
    for (let i = 0; i < spans.length; i += 2) data.fill(0, spans[i], spans[i + 1])
  }
}

/**
 * Scanline fill of one polygon into `coverage` (1 = covered). For each row, the polygon edges are
 * cut at the height of the pixel centres; between the 1st and 2nd crossing, the 3rd and 4th, and so
 * on, the pixels whose centre x + 0.5 is in [crossing, next crossing) are inside. An edge counts
 * when its ends lie strictly on either side of the centre line, with the same half-open comparison
 * as the rules' ray casting, so horizontal edges and shared vertices are never counted twice.
 */
function fillPolygon(coverage: Uint8Array, polygon: readonly NormPoint[], width: number, height: number, crossings: Float64Array): void {
  const count = polygon.length
  let minY = Infinity
  let maxY = -Infinity
  for (const point of polygon) {
    minY = Math.min(minY, point.y * height)
    maxY = Math.max(maxY, point.y * height)
  }
  const firstRow = Math.max(0, Math.floor(minY))
  const lastRow = Math.min(height - 1, Math.ceil(maxY))
  for (let row = firstRow; row <= lastRow; row++) {
    const centreY = row + 0.5
    let found = 0
    for (let i = 0, j = count - 1; i < count; j = i++) {
      const ax = polygon[i].x * width
      const ay = polygon[i].y * height
      const bx = polygon[j].x * width
      const by = polygon[j].y * height
      if (ay > centreY !== by > centreY) crossings[found++] = ((bx - ax) * (centreY - ay)) / (by - ay) + ax
    }
    const sorted = crossings.subarray(0, found).sort()
    const rowStart = row * width
    for (let k = 0; k + 1 < found; k += 2) {
      // x + 0.5 >= crossing  ⇔  x >= ceil(crossing − 0.5); the subtraction is exact in this range.
      const start = Math.max(0, Math.ceil(sorted[k] - 0.5))
      const end = Math.min(width, Math.ceil(sorted[k + 1] - 0.5))
      if (end > start) coverage.fill(1, rowStart + start, rowStart + end)
    }
  }
}

/** Runs of covered pixels over the whole bitmap read as one line, as byte ranges of an RGB frame. */
function coveredRuns(coverage: Uint8Array): { spans: Uint32Array; covered: number } {
  const runs: number[] = []
  let covered = 0
  let index = 0
  while (index < coverage.length) {
    const start = coverage.indexOf(1, index)
    if (start === -1) break
    let end = coverage.indexOf(0, start)
    if (end === -1) end = coverage.length
    runs.push(start * BYTES_PER_PIXEL, end * BYTES_PER_PIXEL)
    covered += end - start
    index = end
  }
  return { spans: Uint32Array.from(runs), covered }
}
