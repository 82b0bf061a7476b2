import type { RgbFrame } from '../detection/detection-types'

export type { RgbFrame }

/** An analysis frame with its capture time in milliseconds; only differences between times matter. */
export interface TimedRgbFrame extends RgbFrame {
  at: number
}

export const BYTES_PER_PIXEL = 3

/**
 * Refuses a frame whose buffer cannot hold its declared size, so that the per-pixel loops that
 * follow can index without bounds checks of their own.
 */
export function assertRgbFrame(frame: RgbFrame): void {
  const { width, height, data } = frame
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`Invalid frame size ${width}×${height}`)
  }
  if (data.length < width * height * BYTES_PER_PIXEL) {
    throw new RangeError(`Frame data too short: ${data.length} bytes for ${width}×${height} RGB`)
  }
}
