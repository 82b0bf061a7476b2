import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AnalyticsRunStatus, ModuleId } from '../../../electron/shared/compliance'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError } from '../api/errors'
import type { Loadable } from './load-status'

/** Whether each module runs on one camera, keyed by module. */
export type CameraRuns = Partial<Record<ModuleId, AnalyticsRunStatus>>

export interface AnalyticsState extends Loadable {
  /** Keyed by camera; a camera's entry is replaced only when one of its modules changes (stable for selectors). */
  runs: Record<string, CameraRuns>
  load(): Promise<void>
  /** Follows `analytics.onDidChangeStatus`; returns the function that stops following. */
  listen(): () => void
}

export type AnalyticsStore = StoreApi<AnalyticsState>

/** Of two reports on the same camera and module, the one about the later change wins. */
function withRun(runs: Record<string, CameraRuns>, run: AnalyticsRunStatus): Record<string, CameraRuns> {
  const camera = runs[run.cameraId] ?? {}
  const known = camera[run.moduleId]
  if (known && known.since > run.since) return runs
  return { ...runs, [run.cameraId]: { ...camera, [run.moduleId]: run } }
}

export function createAnalyticsStore(client: RpcClient): AnalyticsStore {
  return createStore<AnalyticsState>()((set) => ({
    status: 'loading',
    error: null,
    runs: {},

    async load() {
      try {
        const snapshot = await client.call('analytics.status', {})
        // Events received while the snapshot travelled may be newer than it: withRun keeps those.
        set((state) => ({ status: 'ready', error: null, runs: snapshot.reduce(withRun, state.runs) }))
      } catch (error) {
        set({ status: 'error', error: toShownError(error) })
      }
    },

    listen: () => client.on('analytics.onDidChangeStatus', (run) => set((state) => ({ runs: withRun(state.runs, run) })))
  }))
}
