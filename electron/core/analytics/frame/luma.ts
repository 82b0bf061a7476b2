/**
 * Luma readings of RGB frames (3 bytes per pixel, row by row) for the motion gate and the
 * background model. The per-pixel loops live here, next to `lumaAt`, on purpose: a call to a
 * function imported from another module goes through a module-namespace property under the
 * dev-time loaders (tsx, vitest) and costs several times the arithmetic itself, while a call
 * within the module is inlined.
 */

const BYTES_PER_PIXEL = 3

/**
 * Luma (BT.601) of the pixel starting at byte `offset`, 0 to 255, in integer arithmetic: the
 * weights are scaled by 256 and sum to 256, exact enough for thresholds of a few levels.
 */
export function lumaAt(data: Uint8Array, offset: number): number {
  return (77 * data[offset] + 150 * data[offset + 1] + 29 * data[offset + 2]) >> 8
}

/** Luma of the pixels at the given byte offsets, into `out` (same length as `offsets`). */
export function sampleLuma(data: Uint8Array, offsets: Uint32Array, out: Uint8Array): void {
  for (let i = 0; i < offsets.length; i++) out[i] = lumaAt(data, offsets[i])
}

/**
 * Sum of the luma of every pixel of each `cellSize` square cell, into `sums` (row-major cells,
 * ceil(width / cellSize) per row; the last row and column may be partial). One pass over the
 * frame in memory order.
 */
export function sumLumaByCell(data: Uint8Array, width: number, height: number, cellSize: number, sums: Uint32Array): void {
  const columns = Math.ceil(width / cellSize)
  sums.fill(0)
  let offset = 0
  for (let y = 0; y < height; y++) {
    const rowBase = ((y / cellSize) | 0) * columns
    for (let column = 0; column < columns; column++) {
      const end = Math.min(width, (column + 1) * cellSize)
      let sum = 0
      for (let x = column * cellSize; x < end; x++, offset += BYTES_PER_PIXEL) sum += lumaAt(data, offset)
      sums[rowBase + column] += sum
    }
  }
}
