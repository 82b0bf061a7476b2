import type { RpcClient } from '../../../electron/shared/rpc/client'
import { createAppInfoStore, type AppInfoStore } from './app-info-store'
import { createCamerasStore, type CamerasStore } from './cameras-store'
import { createSettingsStore, type SettingsStore } from './settings-store'
import { startWallAutoFill } from './wall-auto-fill'

export interface AppStores {
  appInfo: AppInfoStore
  cameras: CamerasStore
  settings: SettingsStore
}

/**
 * Fresh stores for one app instance (one window, or one test). Nothing is module-global, so two
 * instances never share state.
 */
export function createAppStores(client: RpcClient): AppStores {
  return {
    appInfo: createAppInfoStore(client),
    cameras: createCamerasStore(client),
    settings: createSettingsStore(client)
  }
}

/** Loads everything and follows the core's events; returns the function that stops it all. */
export function startAppStores(stores: AppStores): () => void {
  // Listen before loading, so that no event falls between the snapshot and the subscription.
  const stopListening = stores.cameras.getState().listen()
  const stopAutoFill = startWallAutoFill(stores.cameras, stores.settings)
  // The demo flag follows the camera list (the first configured camera replaces the demo site).
  const stopInfoRefresh = stores.appInfo.getState().listen()
  void stores.appInfo.getState().load()
  void stores.cameras.getState().load()
  void stores.settings.getState().load()
  return () => {
    stopListening()
    stopAutoFill()
    stopInfoRefresh()
  }
}
