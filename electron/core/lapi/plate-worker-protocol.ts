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

/** Asks the worker to release its sessions and exit by itself, once its current frame is done. */
export interface PlateCloseRequest {
  kind: 'close'
}

export type PlateWorkerRequest = PlateReadRequest | PlateCloseRequest

export type PlateWorkerReply =
  | { kind: 'ready' }
  | { kind: 'load-failed'; message: string }
  | { kind: 'result'; taskId: number; plates: PlateResult[]; timings: PlateReadTimings }
  | { kind: 'failed'; taskId: number; message: string }
