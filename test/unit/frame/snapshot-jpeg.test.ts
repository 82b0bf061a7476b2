import { describe, expect, it } from 'vitest'
import { decodeJpeg, encodeJpeg, MaskRaster, type RgbFrame } from '../../../electron/core/analytics/frame'
import { rectangleMask } from './synthetic-frames'

/** A smooth street-like picture: horizontal and vertical gradients in each channel. */
function gradientFrame(width: number, height: number): RgbFrame {
  const data = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 3
      data[offset] = (x * 255) / width
      data[offset + 1] = (y * 255) / height
      data[offset + 2] = 128
    }
  }
  return { width, height, data }
}

describe('snapshot JPEG', () => {
  it('round-trips size and colours of a frame whose size is not a multiple of 8', () => {
    const frame = gradientFrame(100, 61)
    const jpeg = encodeJpeg(frame)
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    const decoded = decodeJpeg(jpeg)
    expect([decoded.width, decoded.height, decoded.data.length]).toEqual([100, 61, 100 * 61 * 3])
    let error = 0
    for (let i = 0; i < frame.data.length; i++) error += Math.abs(decoded.data[i] - frame.data[i])
    expect(error / frame.data.length).toBeLessThan(3)
  })

  it('keeps a masked region black', () => {
    const frame = gradientFrame(640, 360)
    // x 160 to 320, y 90 to 180: blanked before encoding, as every stored image is.
    new MaskRaster([rectangleMask('balcon', 0.25, 0.25, 0.5, 0.5)], 640, 360).apply(frame.data)
    const decoded = decodeJpeg(encodeJpeg(frame, 80))
    let brightest = 0
    // The 8 × 8 blocks wholly inside the mask; the blocks it only crosses mix in their unmasked part.
    for (let y = 96; y < 176; y++) {
      for (let x = 160; x < 320; x++) brightest = Math.max(brightest, ...decoded.data.subarray((y * 640 + x) * 3, (y * 640 + x) * 3 + 3))
    }
    expect(brightest).toBeLessThan(10)
  })

  it('refuses a corrupt or truncated buffer with a clear error', () => {
    const jpeg = encodeJpeg(gradientFrame(64, 48))
    for (const corrupt of [Buffer.alloc(0), Buffer.from('not a picture'), jpeg.subarray(0, jpeg.length / 2)]) {
      expect(() => decodeJpeg(corrupt)).toThrow(/^Not a decodable JPEG image: /)
    }
  })

  it('refuses a quality out of range and a frame shorter than its size', () => {
    const frame = gradientFrame(16, 16)
    expect(() => encodeJpeg(frame, 0)).toThrow(RangeError)
    expect(() => encodeJpeg(frame, 101)).toThrow(RangeError)
    expect(() => encodeJpeg({ width: 16, height: 16, data: new Uint8Array(10) })).toThrow(RangeError)
  })
})
