import type { RawOutput } from '../analytics/detection/detection-types'
import { findOutputByShape } from '../analytics/detection/decoder-input'
import type { PixelBox, PlateCorners, PlateDetection, PlateSource, Point } from './lapi-types'
import type { YunetCornersDecoding } from './plate-detector-manifest'
import type { PlatePriors } from './plate-priors'
import { repairPlateCorners } from './plate-quad'

/** The part of the frame that was resized into the model input: the whole frame, or a vehicle crop. */
export interface RegionOfInterest {
  x: number
  y: number
  width: number
  height: number
}

export interface PlateDecoderInput {
  outputs: readonly RawOutput[]
  priors: PlatePriors
  decoding: YunetCornersDecoding
  region: RegionOfInterest
  frameWidth: number
  frameHeight: number
  scoreThreshold: number
  source: PlateSource
  /** Rebuild the unreliable corners (plate-quad.ts); default true. False gives the model's corners as they are. */
  repairCorners?: boolean
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max)

/** Axis-aligned hull of the corners, clipped to the frame. */
export function cornersBox(corners: PlateCorners, frameWidth: number, frameHeight: number): PixelBox {
  const xs = corners.map((corner) => corner.x)
  const ys = corners.map((corner) => corner.y)
  return {
    x1: clamp(Math.min(...xs), 0, frameWidth),
    y1: clamp(Math.min(...ys), 0, frameHeight),
    x2: clamp(Math.max(...xs), 0, frameWidth),
    y2: clamp(Math.max(...ys), 0, frameHeight)
  }
}

/**
 * LPD-YuNet outputs `loc` [N, 14], `conf` [N, 2] (softmax done, column 1 = plate) and `iou` [N, 1]
 * (raw, so clamped to 0..1). Score = sqrt(conf · iou), as in opencv_zoo's lpd_yunet.py. Corner k is
 * prior centre + loc offset · variance · prior size, in input fractions, then scaled to the region
 * that was resized (the input is a stretch, so each axis has its own scale). Corners are kept even
 * when they fall outside the frame (a plate cut by the edge); only the box is clipped.
 * The decoded corners are kept as `modelCorners`; `corners` are them rebuilt by repairPlateCorners.
 * Candidates come back before NMS.
 */
export function decodePlates(input: PlateDecoderInput): PlateDetection[] {
  const { priors, decoding, region } = input
  const loc = findOutputByShape(input.outputs, [priors.count, decoding.locColumns], 'loc').data
  const conf = findOutputByShape(input.outputs, [priors.count, 2], 'conf').data
  const iou = findOutputByShape(input.outputs, [priors.count, 1], 'iou').data
  const p = priors.values
  const repair = input.repairCorners ?? true
  const detections: PlateDetection[] = []
  for (let k = 0; k < priors.count; k += 1) {
    const plateProbability = conf[k * 2 + 1]
    // sqrt(a·b) ≤ sqrt(a) since b ≤ 1: skip without computing corners most of the 4385 priors.
    if (plateProbability < input.scoreThreshold * input.scoreThreshold) continue
    const score = Math.sqrt(plateProbability * clamp(iou[k], 0, 1))
    if (score < input.scoreThreshold) continue
    const cx = p[k * 4]
    const cy = p[k * 4 + 1]
    const width = p[k * 4 + 2]
    const height = p[k * 4 + 3]
    const row = k * decoding.locColumns
    const corner = (column: number): Point => ({
      x: region.x + (cx + loc[row + column] * decoding.variance * width) * region.width,
      y: region.y + (cy + loc[row + column + 1] * decoding.variance * height) * region.height
    })
    const [topLeft, topRight, bottomRight, bottomLeft] = decoding.cornerColumns
    const modelCorners: PlateCorners = [corner(topLeft), corner(topRight), corner(bottomRight), corner(bottomLeft)]
    const corners = repair ? repairPlateCorners(modelCorners) : modelCorners
    detections.push({ corners, modelCorners, box: cornersBox(corners, input.frameWidth, input.frameHeight), score, source: input.source })
  }
  return detections
}
