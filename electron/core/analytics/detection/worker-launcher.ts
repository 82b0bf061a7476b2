import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { DetectorWorkerData } from './worker-protocol'

/**
 * Starts a detector worker thread. A bundled build passes the compiled worker script; when running from the
 * TypeScript sources (tests, tsx), the worker cannot load .ts by itself, so it is booted through tsx's
 * require hook — Node 20 does not apply `--import tsx` module hooks to a worker's entry file.
 */
export function launchDetectorWorker(workerData: DetectorWorkerData, workerScript?: string | URL): Worker {
  if (workerScript !== undefined) return new Worker(workerScript, { workerData })
  const sourceEntry = fileURLToPath(new URL('./detector-worker.ts', import.meta.url))
  const tsxRequireHook = createRequire(import.meta.url).resolve('tsx/cjs/api')
  const boot = `require(${JSON.stringify(tsxRequireHook)}).register(); require(${JSON.stringify(sourceEntry)})`
  return new Worker(boot, { eval: true, workerData })
}
