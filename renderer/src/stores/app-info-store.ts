import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AppInfo } from '../../../electron/shared/contract'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError } from '../api/errors'
import type { Loadable } from './load-status'

export interface AppInfoState extends Loadable {
  info: AppInfo | null
  load(): Promise<void>
  /** Follows the core's changes (the demo site ends with the first configured camera). */
  listen(): () => void
}

export type AppInfoStore = StoreApi<AppInfoState>

export function createAppInfoStore(client: RpcClient): AppInfoStore {
  return createStore<AppInfoState>()((set) => ({
    status: 'loading',
    error: null,
    info: null,
    async load() {
      try {
        const info = await client.call('app.info', {})
        set({ status: 'ready', error: null, info })
      } catch (error) {
        set({ status: 'error', error: toShownError(error) })
      }
    },
    listen: () => client.on('app.onDidChangeInfo', (info) => set({ status: 'ready', error: null, info }))
  }))
}
