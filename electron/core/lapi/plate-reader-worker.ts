import { parentPort, workerData } from 'node:worker_threads'
import { PlateReader } from './plate-reader'
import type { PlateWorkerData, PlateWorkerReply, PlateWorkerRequest } from './plate-worker-protocol'

/**
 * Worker thread entry: owns the plate detector and OCR sessions and reads the frames it is sent, one
 * at a time. Plate reading costs several detector runs per frame (the frame and each vehicle crop),
 * which on the core's thread would hold up every camera.
 */

const port = parentPort
if (!port) throw new Error('plate-reader-worker must run in a worker thread')
const reply = (message: PlateWorkerReply): void => port.postMessage(message)
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const { modelsDir } = workerData as PlateWorkerData
PlateReader.load({ modelsDir, intraOpNumThreads: 1 }).then(
  (reader) => {
    // As in the detector worker: a close waits for the frame in progress, because terminating a
    // thread inside onnxruntime's run() aborts the whole process.
    let running: Promise<void> = Promise.resolve()
    port.on('message', (request: PlateWorkerRequest) => {
      if (request.kind === 'close') {
        void running.then(() => reader.dispose()).finally(() => port.close())
        return
      }
      const frame = { width: request.width, height: request.height, data: request.data }
      running = reader.readTimed(frame, request.vehicles).then(
        ({ plates, timings }) => reply({ kind: 'result', taskId: request.taskId, plates, timings }),
        (error: unknown) => reply({ kind: 'failed', taskId: request.taskId, message: describe(error) })
      )
    })
    reply({ kind: 'ready' })
  },
  (error: unknown) => reply({ kind: 'load-failed', message: describe(error) })
)
