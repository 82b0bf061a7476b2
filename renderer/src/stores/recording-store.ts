import { createStore, type StoreApi } from 'zustand/vanilla'
import type { RecordingAlarm, RecordingStatus } from '../../../electron/shared/recording'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError, type ShownError } from '../api/errors'

export interface RecordingState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ShownError | null
  /** Each camera's recorder, keyed by camera. */
  statuses: Record<string, RecordingStatus>
  /** The latest storage alarm not yet dismissed on this screen. */
  alarm: RecordingAlarm | null
  /** Asked again while a screen shows recording states (bytes and dates move on). */
  load(): Promise<void>
  dismissAlarm(): void
  /** Follows `recording.onDidAlarm`; returns the function that stops following. */
  listen(): () => void
}

export type RecordingStore = StoreApi<RecordingState>

export function createRecordingStore(client: RpcClient): RecordingStore {
  return createStore<RecordingState>()((set) => ({
    status: 'idle',
    error: null,
    statuses: {},
    alarm: null,

    async load() {
      set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading' }))
      try {
        const statuses = await client.call('recording.status', {})
        set({ status: 'ready', error: null, statuses: Object.fromEntries(statuses.map((status) => [status.cameraId, status])) })
      } catch (error) {
        set({ status: 'error', error: toShownError(error) })
      }
    },

    dismissAlarm: () => set({ alarm: null }),

    listen: () =>
      client.on('recording.onDidAlarm', (alarm) =>
        // The latest one is what matters: an older alarm heard late does not hide a newer one.
        set((state) => (state.alarm && state.alarm.at > alarm.at ? state : { alarm }))
      )
  }))
}
