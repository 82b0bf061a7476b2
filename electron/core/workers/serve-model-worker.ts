import { parentPort } from 'node:worker_threads'
import type { CloseRequest, TaskReply } from './worker-lifecycle'

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * The body of a model worker thread: loads its model (onnxruntime sessions), says `ready`, then runs
 * the tasks it is sent one at a time and replies to each. A close waits for the task in progress,
 * because terminating a thread inside onnxruntime's run() aborts the whole process.
 */
export function serveModelWorker<Model extends { dispose(): Promise<void> }, Task extends { kind: string; taskId: number }, Result>(
  name: string,
  load: () => Promise<Model>,
  run: (model: Model, task: Task) => Promise<Result>
): void {
  const port = parentPort
  if (!port) throw new Error(`${name} must run in a worker thread`)
  const reply = (message: TaskReply<Result>): void => port.postMessage(message)
  load().then(
    (model) => {
      let running: Promise<void> = Promise.resolve()
      port.on('message', (request: Task | CloseRequest) => {
        if (request.kind === 'close') {
          void running.then(() => model.dispose()).finally(() => port.close())
          return
        }
        const task = request as Task
        running = run(model, task).then(
          (result) => reply({ kind: 'result', taskId: task.taskId, ...result }),
          (error: unknown) => reply({ kind: 'failed', taskId: task.taskId, message: describe(error) })
        )
      })
      reply({ kind: 'ready' })
    },
    (error: unknown) => reply({ kind: 'load-failed', message: describe(error) })
  )
}
