import type { Worker } from 'node:worker_threads'
import { requireModelFile } from '../analytics/detection/model-files'
import { launchWorker } from '../workers/launch-worker'
import { closeGracefully, waitUntilReady } from '../workers/worker-lifecycle'
import type { PixelBox, RgbFrame } from './lapi-types'
import { DEFAULT_PLATE_DETECTOR_ID, loadPlateDetectorManifest } from './plate-detector-manifest'
import { DEFAULT_PLATE_OCR_ID, loadPlateOcrManifest } from './plate-ocr-manifest'
import type { TimedPlateResults } from './plate-reader'
import type { PlateReadRequest, PlateWorkerReply } from './plate-worker-protocol'

/** What a camera's plate stage asks of the reader: the app's worker, or a reader in the same thread in tests. */
export interface FramePlateReader {
  readTimed(frame: RgbFrame, vehicles: readonly PixelBox[]): Promise<TimedPlateResults>
}

export interface SharedPlateReaderOptions {
  modelsDir: string
  bundledWorkersDir?: URL
}

interface Task {
  taskId: number
  resolve: (result: TimedPlateResults) => void
  reject: (error: Error) => void
}

const CLOSE_GRACE_MS = 10_000

/** The reader could not start (a model missing or unreadable): no frame can be read until that is fixed. */
export class PlateReaderUnavailableError extends Error {
  override readonly name = 'PlateReaderUnavailableError'
}

/**
 * The app's one plate reader: a worker thread with the plate detector and the OCR, started when the
 * first camera with a plate rule needs it (a site without LAPI loads neither model). Frames are read
 * in the order given, one at a time; each camera's stage drops frames while its last one is being
 * read, so the queue holds at most one frame per camera. A failed start is forgotten, so the next
 * request tries again (after `npm run assets` has fetched the models, say).
 */
export class SharedPlateReader implements FramePlateReader {
  private starting: Promise<Worker> | null = null
  private readonly tasks = new Map<number, Task>()
  private nextTaskId = 1

  constructor(private readonly options: SharedPlateReaderOptions) {}

  /** Starts the worker if needed; rejects with a readable reason (a model file missing…). */
  ready(): Promise<void> {
    return this.worker().then(() => undefined)
  }

  async readTimed(frame: RgbFrame, vehicles: readonly PixelBox[]): Promise<TimedPlateResults> {
    const worker = await this.worker()
    return new Promise<TimedPlateResults>((resolve, reject) => {
      const taskId = this.nextTaskId++
      this.tasks.set(taskId, { taskId, resolve, reject })
      const request: PlateReadRequest = { kind: 'read', taskId, width: frame.width, height: frame.height, data: frame.data, vehicles: [...vehicles] }
      worker.postMessage(request)
    })
  }

  async close(): Promise<void> {
    const starting = this.starting
    this.starting = null
    const worker = await starting?.catch(() => null)
    this.failAll(new Error('Plate reader closed'))
    if (worker) await closeGracefully(worker, CLOSE_GRACE_MS)
  }

  private worker(): Promise<Worker> {
    if (!this.starting) {
      this.starting = this.start()
      this.starting.catch(() => {
        this.starting = null
      })
    }
    return this.starting
  }

  private async start(): Promise<Worker> {
    const unavailable = (error: unknown): PlateReaderUnavailableError => new PlateReaderUnavailableError(error instanceof Error ? error.message : String(error))
    try {
      // Checked here so that a missing model gives one clear message instead of a worker's stack.
      requireModelFile(this.options.modelsDir, loadPlateDetectorManifest(this.options.modelsDir, DEFAULT_PLATE_DETECTOR_ID))
      requireModelFile(this.options.modelsDir, loadPlateOcrManifest(this.options.modelsDir, DEFAULT_PLATE_OCR_ID).manifest)
    } catch (error) {
      throw unavailable(error)
    }
    const worker = launchWorker('plate-reader-worker', { modelsDir: this.options.modelsDir }, this.options.bundledWorkersDir)
    try {
      await waitUntilReady(worker, 'Le lecteur de plaques n’a pas pu charger ses modèles')
    } catch (error) {
      await worker.terminate()
      throw unavailable(error)
    }
    worker.on('message', (reply: PlateWorkerReply) => {
      if (reply.kind !== 'result' && reply.kind !== 'failed') return
      const task = this.tasks.get(reply.taskId)
      if (!task) return
      this.tasks.delete(reply.taskId)
      if (reply.kind === 'result') task.resolve({ plates: reply.plates, timings: reply.timings })
      else task.reject(new Error(`Lecture de plaques impossible : ${reply.message}`))
    })
    let crash = ''
    worker.on('error', (error) => {
      crash = ` : ${error.message}`
    })
    worker.on('exit', (code) => {
      // A worker that dies is started again on the next frame; the frames it held fail.
      if (this.starting === null) return
      this.starting = null
      this.failAll(new Error(`Le lecteur de plaques s’est arrêté (code ${code})${crash}`))
    })
    return worker
  }

  private failAll(error: Error): void {
    for (const task of this.tasks.values()) task.reject(error)
    this.tasks.clear()
  }
}
