import type { Worker } from 'node:worker_threads'
import { launchWorker } from '../../workers/launch-worker'
import type { RgbFrame } from './rgb-frame'
import type { EncodeReply, EncodeRequest } from './snapshot-encoder-worker'

/**
 * Encodes event snapshots as JPEG in a worker thread, started on the first event. Frames are moved
 * to the worker, not copied: pass a frame nothing else uses any more.
 */
export class SnapshotEncoder {
  private worker: Worker | null = null
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (jpeg: Buffer) => void; reject: (error: Error) => void }>()

  constructor(private readonly bundledWorkersDir?: URL) {}

  encode(frame: RgbFrame): Promise<Buffer> {
    const worker = this.worker ?? this.start()
    const id = this.nextId++
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      const request: EncodeRequest = { id, frame }
      worker.postMessage(request, [frame.data.buffer as ArrayBuffer])
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    this.failAll(new Error('Snapshot encoder closed'))
    await worker?.terminate()
  }

  private start(): Worker {
    const worker = launchWorker('snapshot-encoder-worker', null, this.bundledWorkersDir)
    worker.on('message', (reply: EncodeReply) => {
      const waiting = this.pending.get(reply.id)
      if (!waiting) return
      this.pending.delete(reply.id)
      if (reply.ok) waiting.resolve(Buffer.from(reply.jpeg.buffer, reply.jpeg.byteOffset, reply.jpeg.byteLength))
      else waiting.reject(new Error(reply.message))
    })
    worker.on('error', (error) => this.failAll(error))
    // A worker that dies is replaced on the next snapshot; the ones it held fail, their events do not.
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null
      this.failAll(new Error('Snapshot encoder stopped'))
    })
    worker.unref()
    this.worker = worker
    return worker
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error)
    this.pending.clear()
  }
}
