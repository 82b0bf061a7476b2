import type { RgbFrame } from '../analytics/detection/detection-types'

export type { RgbFrame }

/** A point in frame pixels; the frame spans [0, width] × [0, height], pixel (i, j) has its centre at (i + 0.5, j + 0.5). */
export interface Point {
  x: number
  y: number
}

/**
 * The four corners of a plate, in the order the rectifier expects them and LPD-YuNet's outputs are
 * read in: top-left, top-right, bottom-right, bottom-left, as seen in the image (clockwise on screen).
 */
export type PlateCorners = readonly [Point, Point, Point, Point]

/** An axis-aligned box in frame pixels (x2/y2 exclusive, like the object detector's boxes). */
export interface PixelBox {
  x1: number
  y1: number
  x2: number
  y2: number
}

/** Where a plate candidate was found: on the whole frame, or on the crop of one vehicle the caller gave. */
export type PlateSource = { kind: 'frame' } | { kind: 'vehicle'; vehicleIndex: number }

/** One licence plate found in a frame, before reading it. */
export interface PlateDetection {
  /** Corners to rectify with: the model's, rebuilt where it is unreliable (see plate-quad.ts). */
  corners: PlateCorners
  /** The four corners exactly as decoded from the model output. */
  modelCorners: PlateCorners
  /** Bounding box of `corners`, clipped to the frame; what NMS compares. */
  box: PixelBox
  /** sqrt(plate probability × predicted IoU), as the model's authors score it. */
  score: number
  source: PlateSource
}
