import type { Detection, DetectionTimings } from './detection-types'

/** Given to each worker at start: which model to load. */
export interface DetectorWorkerData {
  modelsDir: string
  modelId: string
  scoreThreshold?: number
  nmsIou?: number
}

export interface DetectRequest {
  kind: 'detect'
  taskId: number
  width: number
  height: number
  data: Uint8Array
}

/** Asks the worker to release its session and exit on its own, once its current frame is done. */
export interface CloseRequest {
  kind: 'close'
}

export type DetectorWorkerRequest = DetectRequest | CloseRequest

export type DetectorWorkerReply =
  | { kind: 'ready' }
  | { kind: 'load-failed'; message: string }
  | { kind: 'result'; taskId: number; detections: Detection[]; timings: DetectionTimings }
  | { kind: 'failed'; taskId: number; message: string }
