/** An axis-aligned box in frame pixels (x to the right, y downwards). */
export interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}

/** One detector output, as the object detector hands it over (COCO class ids). */
export interface Detection extends Box {
  score: number
  classId: number
  label: string
}

/** Everything the tracker needs about one analysed frame. */
export interface DetectionFrame {
  /** Frame time in milliseconds; only differences matter. */
  at: number
  width: number
  height: number
  detections: readonly Detection[]
}

/** A filtered box centre at a given time, kept so rules can look at recent motion. */
export interface TrackPoint {
  x: number
  y: number
  at: number
}

/**
 * Classes the detector confuses with each other share a group, and a track never changes group:
 * seen from a mast, a car, a van and a small truck look alike, so they form one "vehicle" group.
 */
export type ClassGroup = 'person' | 'vehicle' | 'two-wheeler' | 'bag' | 'other'

/** What the tracker publishes about a confirmed track after each frame. */
export interface TrackSnapshot {
  id: number
  group: ClassGroup
  /** The class seen most often for this track, within its group. */
  classId: number
  label: string
  /** Motion-filtered box for this frame. */
  box: Box
  /** Score of the detection matched this frame. */
  score: number
  /** Velocity of the box centre, in pixels per second. */
  velocity: { x: number; y: number }
  history: readonly TrackPoint[]
  firstSeenAt: number
  lastSeenAt: number
}
