import { workerData } from 'node:worker_threads'
import { serveModelWorker } from '../../workers/serve-model-worker'
import { Detector } from './detector'
import type { DetectRequest, DetectorWorkerData } from './worker-protocol'

/**
 * Worker thread entry: owns one onnxruntime session and runs the frames the pool sends, one at a time.
 * One session per thread (each single-threaded) scales better across cameras than one shared session.
 */
const options = workerData as DetectorWorkerData
serveModelWorker(
  'detector-worker',
  () => Detector.load({ ...options, intraOpNumThreads: 1 }),
  (detector, request: DetectRequest) => detector.detectTimed(request)
)
