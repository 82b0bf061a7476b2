import type { CameraConfig, CameraHealth, CameraUpdate } from '../../shared/camera'
import type { AppInfo, CameraProbeResult } from '../../shared/contract'
import { RpcError } from '../../shared/result'
import type { Handlers } from '../../shared/rpc/server'
import type { CameraDirectory } from '../config/camera-directory'
import { toView } from '../config/camera-directory'
import type { CameraStore } from '../config/camera-store'
import type { SettingsService } from '../config/settings-service'
import { parseCameraSource } from '../ingest/camera-source'
import type { MediaTickets } from './media-tickets'

/** What the handlers need from the rest of the core; createCore wires the real services in. */
export interface HandlerDeps {
  appInfo: () => AppInfo
  notices: () => Promise<Array<{ name: string; licence: string; url: string; attribution?: string }>>
  assets: () => Array<{ id: string; kind: string; present: boolean; path: string }>
  directory: CameraDirectory
  store: CameraStore
  settings: SettingsService
  health: () => Record<string, CameraHealth>
  probe: (source: string, rtspTransport: 'tcp' | 'udp') => Promise<CameraProbeResult>
  tickets: MediaTickets
  mediaUrl: (cameraId: string, ticket: string) => string
  /** Called after any change to the camera list, to restart ingest and notify the screens. */
  onDidChangeCameras: () => void
}

/** Per-connection context. Accounts and roles will hang off it; for now it only names the transport. */
export interface SessionContext {
  transport: 'memory' | 'message-port' | 'websocket'
}

function assertValidSource(camera: CameraConfig): void {
  const parsed = parseCameraSource(camera.source, { rtspTransport: camera.rtspTransport })
  if (!parsed.ok) throw new RpcError('INVALID_INPUT', parsed.error.message)
}

/** An edit without a source keeps the stored one: the screen only knows it with credentials masked. */
function withStoredSource(store: CameraStore, update: CameraUpdate): CameraConfig {
  if (update.source !== undefined) return { ...update, source: update.source }
  const stored = store.find(update.id)
  if (!stored) throw new RpcError('NOT_FOUND', `Caméra inconnue : « ${update.id} ».`)
  return { ...update, source: stored.source }
}

function assertEditable(directory: CameraDirectory, id: string): void {
  if (directory.isDemo(id)) {
    throw new RpcError('CONFLICT', 'Les caméras de démonstration ne se modifient pas : ajoutez vos propres caméras.')
  }
}

export function createHandlers(deps: HandlerDeps): Handlers<SessionContext> {
  const { directory, store } = deps
  return {
    'app.info': () => deps.appInfo(),
    'app.notices': () => deps.notices(),
    'app.assets': () => deps.assets(),

    'cameras.list': () => directory.views(),
    'cameras.health': () => deps.health(),
    'cameras.add': async (camera) => {
      assertEditable(directory, camera.id)
      assertValidSource(camera)
      await store.add(camera)
      deps.onDidChangeCameras()
      return toView({ ...camera, demo: false })
    },
    'cameras.update': async (update) => {
      assertEditable(directory, update.id)
      const camera = withStoredSource(store, update)
      assertValidSource(camera)
      await store.update(camera)
      deps.onDidChangeCameras()
      return toView({ ...camera, demo: false })
    },
    'cameras.remove': async ({ cameraId }) => {
      assertEditable(directory, cameraId)
      await store.remove(cameraId)
      deps.onDidChangeCameras()
      return { removed: true as const }
    },
    'cameras.probe': (input) => {
      if ('source' in input) return deps.probe(input.source, input.rtspTransport)
      const camera = directory.find(input.cameraId)
      if (!camera) throw new RpcError('NOT_FOUND', `Caméra inconnue : « ${input.cameraId} ».`)
      return deps.probe(camera.source, camera.rtspTransport)
    },

    'live.open': ({ cameraId }) => {
      const camera = directory.find(cameraId)
      if (!camera) throw new RpcError('NOT_FOUND', `Caméra inconnue : « ${cameraId} ».`)
      if (!camera.enabled) throw new RpcError('CONFLICT', `La caméra « ${camera.name} » est désactivée.`)
      return { cameraId, url: deps.mediaUrl(cameraId, deps.tickets.issue(cameraId)) }
    },

    'settings.get': () => deps.settings.get(),
    'settings.update': (patch) => deps.settings.update(patch)
  }
}
