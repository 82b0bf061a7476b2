import type { PrivacyMask } from '../../../electron/shared/scene'
import type { TimedRgbFrame } from '../../../electron/core/analytics/frame'

export type Rgb = readonly [number, number, number]

/** A grey whose luma is exactly `level` (equal channels). */
export const grey = (level: number): Rgb => [level, level, level]

export function solidFrame(width: number, height: number, colour: Rgb, at = 0): TimedRgbFrame {
  const data = new Uint8Array(width * height * 3)
  const [red, green, blue] = colour
  for (let i = 0; i < data.length; i += 3) {
    data[i] = red
    data[i + 1] = green
    data[i + 2] = blue
  }
  return { width, height, data, at }
}

/** Paints the pixels [x1, x2) × [y1, y2) in place and returns the frame. */
export function paint(frame: TimedRgbFrame, x1: number, y1: number, x2: number, y2: number, colour: Rgb): TimedRgbFrame {
  for (let y = y1; y < y2; y++) for (let x = x1; x < x2; x++) frame.data.set(colour, (y * frame.width + x) * 3)
  return frame
}

/** A copy of the frame at another time, so that a scene can be reused frame after frame. */
export function at(frame: TimedRgbFrame, time: number): TimedRgbFrame {
  return { width: frame.width, height: frame.height, data: frame.data.slice(), at: time }
}

/** A privacy mask over the normalised rectangle [x1, x2] × [y1, y2]. */
export function rectangleMask(id: string, x1: number, y1: number, x2: number, y2: number): PrivacyMask {
  return { id, name: id, polygon: [{ x: x1, y: y1 }, { x: x2, y: y1 }, { x: x2, y: y2 }, { x: x1, y: y2 }] }
}
