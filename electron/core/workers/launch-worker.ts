import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * The worker threads of the core, by name. A bundled build emits each as `<name>.js` beside the host
 * entries (see electron.vite.config.ts); from the TypeScript sources they are `<path>.ts`.
 */
export const WORKER_SOURCES = {
  'detector-worker': new URL('../analytics/detection/detector-worker.ts', import.meta.url),
  'snapshot-encoder-worker': new URL('../analytics/frame/snapshot-encoder-worker.ts', import.meta.url),
  'plate-reader-worker': new URL('../lapi/plate-reader-worker.ts', import.meta.url)
} as const
export type WorkerName = keyof typeof WORKER_SOURCES

/**
 * Starts one of the core's worker threads. With `bundledDir` (the folder of a built host) the
 * compiled script is loaded; from the sources (tests, tsx), the worker cannot load .ts by itself, so
 * it is booted through tsx's require hook — Node 20 does not apply `--import tsx` module hooks to a
 * worker's entry file.
 */
export function launchWorker(name: WorkerName, workerData: unknown, bundledDir?: URL): Worker {
  if (bundledDir !== undefined) return new Worker(new URL(`${name}.js`, bundledDir), { workerData })
  const sourceEntry = fileURLToPath(WORKER_SOURCES[name])
  const tsxRequireHook = createRequire(import.meta.url).resolve('tsx/cjs/api')
  const boot = `require(${JSON.stringify(tsxRequireHook)}).register(); require(${JSON.stringify(sourceEntry)})`
  return new Worker(boot, { eval: true, workerData })
}
