import jpeg from 'jpeg-js'
import { assertRgbFrame, BYTES_PER_PIXEL, type RgbFrame } from './rgb-frame'

const RGBA_BYTES = 4

/**
 * Encodes an RGB analysis frame (already masked) as a baseline JPEG for event snapshots.
 * jpeg-js is pure JavaScript, so this costs tens of milliseconds on a 640×360 frame: call it per
 * event, never per frame.
 */
export function encodeJpeg(frame: RgbFrame, quality = 80): Buffer {
  assertRgbFrame(frame)
  // jpeg-js silently replaces 0 by its default and clamps the rest; an explicit error is clearer.
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) throw new RangeError(`JPEG quality must be an integer in [1, 100], got ${quality}`)
  const { width, height, data } = frame
  const pixels = width * height
  // The encoder only takes RGBA; it never reads the fourth byte, so alpha is left at 0.
  const rgba = new Uint8Array(pixels * RGBA_BYTES)
  for (let pixel = 0, from = 0, to = 0; pixel < pixels; pixel++, from += BYTES_PER_PIXEL, to += RGBA_BYTES) {
    rgba[to] = data[from]
    rgba[to + 1] = data[from + 1]
    rgba[to + 2] = data[from + 2]
  }
  return jpeg.encode({ width, height, data: rgba }, quality).data
}

/** Decodes a JPEG to RGB, 3 bytes per pixel, row by row; throws an Error naming the cause when it cannot. */
export function decodeJpeg(buffer: Buffer): RgbFrame {
  let image: { width: number; height: number; data: Uint8Array }
  try {
    // Strict decoding: a truncated or damaged file is refused rather than returned half grey.
    image = jpeg.decode(buffer, { useTArray: true, formatAsRGBA: false, tolerantDecoding: false })
  } catch (cause) {
    throw new Error(`Not a decodable JPEG image: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
  const { width, height, data } = image
  if (!(width > 0 && height > 0) || data.length !== width * height * BYTES_PER_PIXEL) {
    throw new Error('Not a decodable JPEG image: no picture in the data')
  }
  return { width, height, data }
}
