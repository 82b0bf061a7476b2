import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { CameraOrder } from './camera-order'
import type { Detection, RgbFrame, TimedDetections } from './detection-types'
import { loadModelManifest } from './model-manifest'
import { requireModelFile } from './model-files'
import { launchWorker } from '../../workers/launch-worker'
import { closeGracefully, waitUntilReady } from '../../workers/worker-lifecycle'
import type { DetectRequest, DetectorWorkerData, DetectorWorkerReply } from './worker-protocol'

export interface DetectorPoolOptions extends DetectorWorkerData {
  /** Number of worker threads; see defaultPoolSize(). */
  size?: number
  /** Folder of a bundled build's worker scripts; omitted when running from the TypeScript sources. */
  bundledWorkersDir?: URL
  /**
   * Move frame buffers to the worker instead of copying them (default true). The caller's
   * `frame.data` is then detached (length 0): turn this off if the frame is still used elsewhere.
   */
  transferFrames?: boolean
}

interface Task {
  taskId: number
  frame: RgbFrame
  resolve: (result: TimedDetections) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  current: Task | null
}

const CLOSE_GRACE_MS = 10_000

/**
 * One worker per core on a small machine, one core left to the rest of the app from four cores up.
 * Measured on 2 cores: with a single worker the detector thread saturates at 6 cameras while the
 * machine is 70 % busy; with two, 8 cameras run at 5 frames/s (npm run bench -- analytics). The
 * core's own thread needs little (masks, tracking, rules, messages) and shares a core well.
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.max(1, cores >= 4 ? cores - 1 : cores)
}

/** Worker threads, each owning one detector session; frames are queued and handed to the first free worker. */
export class DetectorPool {
  private readonly queue: Task[] = []
  private readonly order = new CameraOrder()
  private nextTaskId = 1
  private closed = false

  private constructor(
    private readonly slots: Slot[],
    private readonly transferFrames: boolean
  ) {
    for (const slot of slots) this.watch(slot)
  }

  /** Starts the workers and waits until every one has loaded the model. */
  static async start(options: DetectorPoolOptions): Promise<DetectorPool> {
    // Checked here first so a missing file gives one clear error instead of one per worker.
    requireModelFile(options.modelsDir, loadModelManifest(options.modelsDir, options.modelId))
    const data: DetectorWorkerData = {
      modelsDir: options.modelsDir,
      modelId: options.modelId,
      scoreThreshold: options.scoreThreshold,
      nmsIou: options.nmsIou
    }
    const workers = Array.from({ length: options.size ?? defaultPoolSize() }, () =>
      launchWorker('detector-worker', data, options.bundledWorkersDir)
    )
    try {
      await Promise.all(workers.map((worker) => waitUntilReady(worker, 'Detector worker could not load the model')))
    } catch (error) {
      await Promise.all(workers.map((worker) => worker.terminate()))
      throw error
    }
    return new DetectorPool(
      workers.map((worker) => ({ worker, current: null })),
      options.transferFrames ?? true
    )
  }

  get size(): number {
    return this.slots.length
  }

  /** Detections for one frame of a camera; a camera's results resolve in the order its frames were given. */
  detect(cameraId: string, frame: RgbFrame): Promise<Detection[]> {
    return this.detectTimed(cameraId, frame).then((result) => result.detections)
  }

  /** The same, with the worker's time per stage. */
  detectTimed(cameraId: string, frame: RgbFrame): Promise<TimedDetections> {
    if (this.closed) return Promise.reject(new Error('Detector pool is closed'))
    const result = new Promise<TimedDetections>((resolve, reject) => {
      this.queue.push({ taskId: this.nextTaskId++, frame, resolve, reject })
    })
    this.dispatch()
    return this.order.sequence(cameraId, result)
  }

  /**
   * Stops the workers: queued frames are rejected at once; a frame in progress finishes (its result
   * is dropped) and each worker then releases its session and exits by itself. Terminating a thread
   * inside onnxruntime's run() would abort the whole process, so terminate() is only the last resort
   * for a worker that has not exited after CLOSE_GRACE_MS.
   */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    const abandoned = [...this.queue.splice(0), ...this.slots.flatMap((slot) => (slot.current ? [slot.current] : []))]
    for (const task of abandoned) task.reject(new Error('Detector pool closed before the frame was processed'))
    await Promise.all(this.slots.map((slot) => closeGracefully(slot.worker, CLOSE_GRACE_MS)))
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.current || this.queue.length === 0) continue
      const task = this.queue.shift() as Task
      slot.current = task
      const { data, width, height } = task.frame
      const request: DetectRequest = { kind: 'detect', taskId: task.taskId, width, height, data }
      slot.worker.postMessage(request, this.canTransfer(data) ? [data.buffer as ArrayBuffer] : [])
    }
  }

  /** Only a plain buffer that the view covers entirely can move without taking its neighbours' bytes along. */
  private canTransfer(data: Uint8Array): boolean {
    return (
      this.transferFrames &&
      data.buffer instanceof ArrayBuffer &&
      data.byteOffset === 0 &&
      data.byteLength === data.buffer.byteLength
    )
  }

  private watch(slot: Slot): void {
    slot.worker.on('message', (reply: DetectorWorkerReply) => {
      const task = slot.current
      if (!task || (reply.kind !== 'result' && reply.kind !== 'failed') || reply.taskId !== task.taskId) return
      slot.current = null
      if (reply.kind === 'result') task.resolve({ detections: reply.detections, timings: reply.timings })
      else task.reject(new Error(`Detection failed: ${reply.message}`))
      this.dispatch()
    })
    // Without a listener, an uncaught error in a worker would also take down this (main) thread.
    let crash = ''
    slot.worker.on('error', (error) => {
      crash = `: ${error.message}`
    })
    slot.worker.on('exit', (code) => {
      if (this.closed) return
      // A crashed worker is dropped (not restarted): its frame fails, the others carry on.
      this.slots.splice(this.slots.indexOf(slot), 1)
      slot.current?.reject(new Error(`Detector worker stopped unexpectedly (exit code ${code})${crash}`))
      slot.current = null
      if (this.slots.length === 0) {
        for (const task of this.queue.splice(0)) task.reject(new Error('No detector worker left'))
      }
    })
  }
}
