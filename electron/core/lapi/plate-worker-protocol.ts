import type { CloseRequest, TaskReply } from '../workers/worker-lifecycle'
import type { PixelBox } from './lapi-types'
import type { PlateResult, PlateReadTimings } from './plate-reader'

/** Given to the plate-reader worker at start: where the models are. */
export interface PlateWorkerData {
  modelsDir: string
}

export interface PlateReadRequest {
  kind: 'read'
  taskId: number
  width: number
  height: number
  data: Uint8Array
  vehicles: PixelBox[]
}

export type PlateWorkerRequest = PlateReadRequest | CloseRequest

export type PlateWorkerReply = TaskReply<{ plates: PlateResult[]; timings: PlateReadTimings }>
