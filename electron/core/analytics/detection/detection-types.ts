/** A decoded frame as the analysis feed delivers it: RGB, 3 bytes per pixel, row by row. */
export interface RgbFrame {
  width: number
  height: number
  data: Uint8Array
}

/** One object found in a frame, in that frame's pixels (x2/y2 exclusive edges, like a canvas rect). */
export interface Detection {
  x1: number
  y1: number
  x2: number
  y2: number
  score: number
  classId: number
  label: string
}

/** A raw model output as decoders need it: shape plus flat row-major values. */
export interface RawOutput {
  dims: readonly number[]
  data: Float32Array
}

/**
 * Where the frame landed inside the model input: input = frame · scale + offset, per axis.
 * The decoders invert this to report boxes in frame pixels.
 */
export interface FramePlacement {
  scaleX: number
  scaleY: number
  offsetX: number
  offsetY: number
  frameWidth: number
  frameHeight: number
}

/** Where one detection's time went, in milliseconds: for the analytics benchmark's split. */
export interface DetectionTimings {
  preprocessMs: number
  inferenceMs: number
  postprocessMs: number
}

export interface TimedDetections {
  detections: Detection[]
  timings: DetectionTimings
}
