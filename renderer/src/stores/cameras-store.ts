import { createStore, type StoreApi } from 'zustand/vanilla'
import type { CameraConfigInput, CameraHealth, CameraUpdateInput, CameraView } from '../../../electron/shared/camera'
import type { CameraProbeResult } from '../../../electron/shared/contract'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError } from '../api/errors'
import type { Loadable } from './load-status'

export type RtspTransport = NonNullable<CameraConfigInput['rtspTransport']>

export interface CamerasState extends Loadable {
  cameras: CameraView[]
  health: Record<string, CameraHealth>
  load(): Promise<void>
  /** The mutations reject with the core's RpcError so that a form can show it and keep its input. */
  add(camera: CameraConfigInput): Promise<CameraView>
  update(camera: CameraUpdateInput): Promise<CameraView>
  remove(cameraId: string): Promise<void>
  probe(target: { source: string; rtspTransport: RtspTransport } | { cameraId: string }): Promise<CameraProbeResult>
  /** Follows the core's events; returns the function that stops following. */
  listen(): () => void
}

export type CamerasStore = StoreApi<CamerasState>

function onlyListed(health: Record<string, CameraHealth>, cameras: CameraView[]): Record<string, CameraHealth> {
  const ids = new Set(cameras.map((camera) => camera.id))
  return Object.fromEntries(Object.entries(health).filter(([id]) => ids.has(id)))
}

export function createCamerasStore(client: RpcClient): CamerasStore {
  // Bumped by every list event: a list answer that left before the event is older than it.
  let listVersion = 0

  return createStore<CamerasState>()((set, get) => {
    const refreshList = async (): Promise<void> => {
      const versionAtRequest = listVersion
      const cameras = await client.call('cameras.list', {})
      if (versionAtRequest !== listVersion) return
      set({ cameras, health: onlyListed(get().health, cameras) })
    }

    return {
      status: 'loading',
      error: null,
      cameras: [],
      health: {},

      async load() {
        try {
          const versionAtRequest = listVersion
          const [cameras, health] = await Promise.all([client.call('cameras.list', {}), client.call('cameras.health', {})])
          set((state) => ({
            status: 'ready',
            error: null,
            cameras: versionAtRequest === listVersion ? cameras : state.cameras,
            // Entries already present came from events, which are newer than this snapshot.
            health: { ...health, ...state.health }
          }))
        } catch (error) {
          set({ status: 'error', error: toShownError(error) })
        }
      },

      async add(camera) {
        const view = await client.call('cameras.add', camera)
        await refreshList().catch(() => undefined)
        return view
      },

      async update(camera) {
        const view = await client.call('cameras.update', camera)
        await refreshList().catch(() => undefined)
        return view
      },

      async remove(cameraId) {
        await client.call('cameras.remove', { cameraId })
        await refreshList().catch(() => undefined)
      },

      probe: (target) => client.call('cameras.probe', target),

      listen() {
        const stopHealth = client.on('cameras.onDidChangeHealth', ({ cameraId, health }) => {
          set((state) => ({ health: { ...state.health, [cameraId]: health } }))
        })
        const stopList = client.on('cameras.onDidChangeList', ({ cameras }) => {
          listVersion += 1
          set((state) => ({ cameras, health: onlyListed(state.health, cameras) }))
          // A new camera may have reported its health before this screen knew it: fetch what is missing.
          void client.request('cameras.health', {}).then((result) => {
            if (!result.ok) return
            set((state) => ({ health: onlyListed({ ...result.value, ...state.health }, state.cameras) }))
          })
        })
        return () => {
          stopHealth()
          stopList()
        }
      }
    }
  })
}
