import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AnalyticsOverlay } from '../../../electron/shared/analytics-events'
import type { RpcClient } from '../../../electron/shared/rpc/client'

export interface ReceivedOverlay {
  overlay: AnalyticsOverlay
  /** performance.now() when it arrived: freshness is judged on this screen's clock, not the core's. */
  receivedAt: number
}

export interface OverlaysState {
  /** The last analysed frame of each camera; a camera's entry is replaced only by its own frames. */
  latest: Record<string, ReceivedOverlay>
  /** Follows `analytics.onDidUpdateOverlay`; returns the function that stops following. */
  listen(): () => void
}

export type OverlaysStore = StoreApi<OverlaysState>

/** Past this age a frame's tracks are no longer where the picture shows them: they are not drawn. */
export const OVERLAY_MAX_AGE_MS = 1000

export function isFresh(receivedAt: number, now: number, maxAgeMs = OVERLAY_MAX_AGE_MS): boolean {
  return now - receivedAt <= maxAgeMs
}

export function createOverlaysStore(client: RpcClient, clock: () => number = () => performance.now()): OverlaysStore {
  return createStore<OverlaysState>()((set) => ({
    latest: {},
    listen: () =>
      client.on('analytics.onDidUpdateOverlay', (overlay) => {
        set((state) => {
          const known = state.latest[overlay.cameraId]
          // Frames may cross on the way: an older frame never replaces a newer one.
          if (known && known.overlay.at > overlay.at) return state
          return { latest: { ...state.latest, [overlay.cameraId]: { overlay, receivedAt: clock() } } }
        })
      })
  }))
}
