import { assertRgbFrame } from '../analytics/frame/rgb-frame'
import { applyHomography, squareToQuad } from './homography'
import type { PlateCorners, RgbFrame } from './lapi-types'

export interface RectifyOptions {
  /** Output size: the OCR's input (128×64 for CCT-XS). */
  width: number
  height: number
  /**
   * Extra context around the corners, as a fraction of the plate's width (marginX) and height
   * (marginY) on each side, taken along the plate's own axes so that it follows the perspective.
   * The OCR was trained on detector crops, which include a little border, not on exact corners.
   */
  marginX?: number
  marginY?: number
}

/**
 * Perspective-corrects the plate: each output pixel centre is mapped through the square → corners
 * homography and the frame is sampled there bilinearly (edge pixels repeated outside the frame).
 * The output is RGB, row by row — exactly the NHWC layout of the OCR input tensor.
 */
export function rectifyPlate(frame: RgbFrame, corners: PlateCorners, options: RectifyOptions): RgbFrame {
  assertRgbFrame(frame)
  const { width, height } = options
  const marginX = options.marginX ?? 0
  const marginY = options.marginY ?? 0
  const toFrame = squareToQuad(corners)
  const out = new Uint8Array(width * height * 3)
  const source = frame.data
  const maxX = frame.width - 1
  const maxY = frame.height - 1
  const rowStride = frame.width * 3
  for (let v = 0; v < height; v += 1) {
    const t = -marginY + ((v + 0.5) / height) * (1 + 2 * marginY)
    for (let u = 0; u < width; u += 1) {
      const s = -marginX + ((u + 0.5) / width) * (1 + 2 * marginX)
      const mapped = applyHomography(toFrame, { x: s, y: t })
      // Continuous coordinates → pixel-index space, where pixel i's centre is at i.
      const x = Math.min(Math.max(mapped.x - 0.5, 0), maxX)
      const y = Math.min(Math.max(mapped.y - 0.5, 0), maxY)
      const x0 = Math.floor(x)
      const y0 = Math.floor(y)
      const x1 = Math.min(x0 + 1, maxX)
      const y1 = Math.min(y0 + 1, maxY)
      const fx = x - x0
      const fy = y - y0
      const topLeft = y0 * rowStride + x0 * 3
      const topRight = y0 * rowStride + x1 * 3
      const bottomLeft = y1 * rowStride + x0 * 3
      const bottomRight = y1 * rowStride + x1 * 3
      const target = (v * width + u) * 3
      for (let c = 0; c < 3; c += 1) {
        const top = source[topLeft + c] * (1 - fx) + source[topRight + c] * fx
        const bottom = source[bottomLeft + c] * (1 - fx) + source[bottomRight + c] * fx
        out[target + c] = Math.round(top * (1 - fy) + bottom * fy)
      }
    }
  }
  return { width, height, data: out }
}
