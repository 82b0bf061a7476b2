import { createStore, type StoreApi } from 'zustand/vanilla'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import type { Scene, SceneInput } from '../../../electron/shared/scene'
import { toShownError, type ShownError } from '../api/errors'

export type SceneEntry =
  | { status: 'loading'; scene: Scene | null; fetchedAt: number }
  | { status: 'ready'; scene: Scene; fetchedAt: number }
  | { status: 'error'; scene: Scene | null; error: ShownError; fetchedAt: number }

export interface ScenesState {
  /** The scenes the wall has asked for, keyed by camera. */
  byCamera: Record<string, SceneEntry>
  /** Fetches a camera's scene unless a copy younger than `maxAgeMs` is held (or on its way). */
  ensure(cameraId: string, maxAgeMs?: number): void
  /** A fresh copy from the core, for the editor; rejects with the core's error. */
  load(cameraId: string): Promise<Scene>
  /** Replaces the camera's scene; the wall's copy follows at once. Rejects with the core's error. */
  save(cameraId: string, scene: SceneInput): Promise<Scene>
  /** Follows scenes saved on any workstation; returns the function that stops following. */
  listen(): () => void
}

export type ScenesStore = StoreApi<ScenesState>

/** Scenes saved elsewhere are pushed; this only bounds how stale a copy can be if a push was missed. */
export const SCENE_MAX_AGE_MS = 60_000

export function createScenesStore(client: RpcClient, now: () => number = Date.now): ScenesStore {
  return createStore<ScenesState>()((set, get) => {
    const fetchScene = async (cameraId: string): Promise<Scene> => {
      const previous = get().byCamera[cameraId]
      set((state) => ({ byCamera: { ...state.byCamera, [cameraId]: { status: 'loading', scene: previous?.scene ?? null, fetchedAt: now() } } }))
      try {
        const scene = await client.call('analytics.getScene', { cameraId })
        set((state) => ({ byCamera: { ...state.byCamera, [cameraId]: { status: 'ready', scene, fetchedAt: now() } } }))
        return scene
      } catch (error) {
        set((state) => ({
          byCamera: { ...state.byCamera, [cameraId]: { status: 'error', scene: previous?.scene ?? null, error: toShownError(error), fetchedAt: now() } }
        }))
        throw error
      }
    }

    return {
      byCamera: {},

      ensure(cameraId, maxAgeMs = SCENE_MAX_AGE_MS) {
        const entry = get().byCamera[cameraId]
        if (entry && now() - entry.fetchedAt < maxAgeMs) return
        fetchScene(cameraId).catch(() => undefined)
      },

      load: (cameraId) => fetchScene(cameraId),

      listen: () =>
        client.on('analytics.onDidChangeScene', ({ cameraId, scene }) =>
          set((state) => ({ byCamera: { ...state.byCamera, [cameraId]: { status: 'ready', scene, fetchedAt: now() } } }))
        ),

      async save(cameraId, scene) {
        const saved = await client.call('analytics.saveScene', { cameraId, scene })
        set((state) => ({ byCamera: { ...state.byCamera, [cameraId]: { status: 'ready', scene: saved, fetchedAt: now() } } }))
        return saved
      }
    }
  })
}
