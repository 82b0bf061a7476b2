import type { RgbFrame } from '../analytics/detection/detection-types'
import type { RegionOfInterest } from './decode-plates'
import type { PixelBox } from './lapi-types'

/**
 * A box of the frame widened by `margin` (fraction of its width and height on each side), snapped
 * outwards to whole pixels and clipped to the frame; null when nothing of it is inside the frame.
 * The margin is there because an object detector's vehicle box often ends at the bumper and cuts
 * the lower edge of the plate.
 */
export function expandedRegion(box: PixelBox, margin: number, frameWidth: number, frameHeight: number): RegionOfInterest | null {
  const padX = (box.x2 - box.x1) * margin
  const padY = (box.y2 - box.y1) * margin
  const x1 = Math.max(0, Math.floor(box.x1 - padX))
  const y1 = Math.max(0, Math.floor(box.y1 - padY))
  const x2 = Math.min(frameWidth, Math.ceil(box.x2 + padX))
  const y2 = Math.min(frameHeight, Math.ceil(box.y2 + padY))
  if (x2 <= x1 || y2 <= y1) return null
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 }
}

/** Copies a whole-pixel region of the frame into a frame of its own (rows are contiguous, so one copy per row). */
export function cropFrame(frame: RgbFrame, region: RegionOfInterest): RgbFrame {
  const data = new Uint8Array(region.width * region.height * 3)
  const rowBytes = region.width * 3
  for (let row = 0; row < region.height; row += 1) {
    const start = ((region.y + row) * frame.width + region.x) * 3
    data.set(frame.data.subarray(start, start + rowBytes), row * rowBytes)
  }
  return { width: region.width, height: region.height, data }
}
