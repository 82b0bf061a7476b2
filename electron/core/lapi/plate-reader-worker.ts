import { workerData } from 'node:worker_threads'
import { serveModelWorker } from '../workers/serve-model-worker'
import { PlateReader } from './plate-reader'
import type { PlateReadRequest, PlateWorkerData } from './plate-worker-protocol'

/**
 * Worker thread entry: owns the plate detector and OCR sessions and reads the frames it is sent, one
 * at a time. Plate reading costs several detector runs per frame (the frame and each vehicle crop),
 * which on the core's thread would hold up every camera.
 */
const { modelsDir } = workerData as PlateWorkerData
serveModelWorker(
  'plate-reader-worker',
  () => PlateReader.load({ modelsDir, intraOpNumThreads: 1 }),
  (reader, request: PlateReadRequest) => reader.readTimed({ width: request.width, height: request.height, data: request.data }, request.vehicles)
)
