import type { Worker } from 'node:worker_threads'

/** What the model workers say once, after loading: ready, or why not. */
export type LoadReply = { kind: 'ready' } | { kind: 'load-failed'; message: string }

/** Everything a model worker says: its load, then one result or failure per task. */
export type TaskReply<Result> = LoadReply | ({ kind: 'result'; taskId: number } & Result) | { kind: 'failed'; taskId: number; message: string }

/** Asks a model worker to release its session and exit by itself, once its current task is done. */
export interface CloseRequest {
  kind: 'close'
}

/** Resolves when the worker has loaded its model; rejects with `what` and the worker's reason otherwise. */
export function waitUntilReady(worker: Worker, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: LoadReply | { kind: string }): void => {
      if (reply.kind === 'ready') resolve()
      else if (reply.kind === 'load-failed') reject(new Error(`${what}: ${(reply as { message: string }).message}`))
      else return
      worker.off('message', onMessage)
      worker.off('error', reject)
    }
    worker.on('message', onMessage)
    worker.once('error', reject)
  })
}

/**
 * Asks a model worker to close and waits for it to exit by itself: terminating a thread inside
 * onnxruntime's run() aborts the whole process, so terminate() is only the last resort for a worker
 * still there after `graceMs`.
 */
export async function closeGracefully(worker: Worker, graceMs: number): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  worker.postMessage({ kind: 'close' })
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs)
  })
  if ((await Promise.race([exited, late])) === 'late') await worker.terminate()
  clearTimeout(timer)
}
