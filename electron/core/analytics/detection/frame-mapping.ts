import type { Detection, FramePlacement } from './detection-types'

/** A box in model-input pixels, before it is mapped back to the frame. */
export interface InputBox {
  x1: number
  y1: number
  x2: number
  y2: number
  score: number
  classId: number
}

const clamp = (value: number, max: number): number => Math.min(Math.max(value, 0), max)

/** Undoes the letterbox (offset, then scale) and clips to the frame, since padding is not part of the scene. */
export function toFrameDetection(box: InputBox, placement: FramePlacement, labels: readonly string[]): Detection {
  return {
    x1: clamp((box.x1 - placement.offsetX) / placement.scaleX, placement.frameWidth),
    y1: clamp((box.y1 - placement.offsetY) / placement.scaleY, placement.frameHeight),
    x2: clamp((box.x2 - placement.offsetX) / placement.scaleX, placement.frameWidth),
    y2: clamp((box.y2 - placement.offsetY) / placement.scaleY, placement.frameHeight),
    score: box.score,
    classId: box.classId,
    label: labels[box.classId] ?? `class ${box.classId}`
  }
}
