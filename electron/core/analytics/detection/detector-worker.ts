import { parentPort, workerData } from 'node:worker_threads'
import { Detector } from './detector'
import type { DetectorWorkerData, DetectorWorkerReply, DetectorWorkerRequest } from './worker-protocol'

/**
 * Worker thread entry: owns one onnxruntime session and runs the frames the pool sends, one at a time.
 * One session per thread (each single-threaded) scales better across cameras than one shared session.
 */

const port = parentPort
if (!port) throw new Error('detector-worker must run in a worker thread')
const reply = (message: DetectorWorkerReply): void => port.postMessage(message)
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const options = workerData as DetectorWorkerData
Detector.load({ ...options, intraOpNumThreads: 1 }).then(
  (detector) => {
    // Frames run one at a time; a close waits for the frame in progress, because terminating a
    // thread inside onnxruntime's run() aborts the whole process.
    let running: Promise<void> = Promise.resolve()
    port.on('message', (request: DetectorWorkerRequest) => {
      if (request.kind === 'close') {
        void running.then(() => detector.dispose()).finally(() => port.close())
        return
      }
      running = detector.detectTimed(request).then(
        ({ detections, timings }) => reply({ kind: 'result', taskId: request.taskId, detections, timings }),
        (error: unknown) => reply({ kind: 'failed', taskId: request.taskId, message: describe(error) })
      )
    })
    reply({ kind: 'ready' })
  },
  (error: unknown) => reply({ kind: 'load-failed', message: describe(error) })
)
