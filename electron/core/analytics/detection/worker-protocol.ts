import type { CloseRequest, TaskReply } from '../../workers/worker-lifecycle'
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

export type DetectorWorkerRequest = DetectRequest | CloseRequest

export type DetectorWorkerReply = TaskReply<{ detections: Detection[]; timings: DetectionTimings }>
