import type { CameraConfig, CameraUpdate, CameraView } from '../../../shared/camera'
import { RpcError } from '../../../shared/result'
import { cameraScope } from '../../auth'
import { toView, type CameraDirectory, type DirectoryCamera } from '../../config/camera-directory'
import type { CameraStore } from '../../config/camera-store'
import { parseCameraSource, redactSource } from '../../ingest/camera-source'
import type { SessionContext } from '../context'
import type { HandlerDeps, HandlerGroup } from './deps'

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

/** The cameras this screen's person may see: their groups only (see cameraScope). */
export function visibleCameras(directory: CameraDirectory, ctx: SessionContext): DirectoryCamera[] {
  if (!ctx.session) return []
  const inScope = cameraScope(ctx.session.user)
  return directory.all().filter((camera) => inScope(camera.group))
}

export function canSeeCamera(directory: CameraDirectory, ctx: SessionContext, cameraId: string): boolean {
  const camera = directory.find(cameraId)
  return camera !== undefined && ctx.session !== null && cameraScope(ctx.session.user)(camera.group)
}

function auditedCamera(camera: CameraConfig): Record<string, unknown> {
  return { name: camera.name, group: camera.group, source: redactSource(camera.source), enabled: camera.enabled, analytics: camera.analytics }
}

export function cameraHandlers(
  deps: HandlerDeps
): HandlerGroup<
  'cameras.list' | 'cameras.health' | 'cameras.add' | 'cameras.update' | 'cameras.remove' | 'cameras.probe' | 'live.open' | 'analytics.status'
> {
  const { directory, store } = deps
  const view = (camera: CameraConfig): CameraView => toView({ ...camera, demo: false })
  return {
    'cameras.list': (_input, ctx) => visibleCameras(directory, ctx).map(toView),
    'cameras.health': (_input, ctx) => {
      const health = deps.health()
      return Object.fromEntries(visibleCameras(directory, ctx).flatMap((c) => (health[c.id] ? [[c.id, health[c.id]]] : [])))
    },
    'cameras.add': async (camera, ctx) => {
      assertEditable(directory, camera.id)
      assertValidSource(camera)
      await store.add(camera)
      await deps.record(ctx, 'camera.add', { cameraId: camera.id, details: auditedCamera(camera) })
      deps.onDidChangeCameras()
      return view(camera)
    },
    'cameras.update': async (update, ctx) => {
      assertEditable(directory, update.id)
      const camera = withStoredSource(store, update)
      assertValidSource(camera)
      await store.update(camera)
      await deps.record(ctx, 'camera.update', { cameraId: camera.id, details: auditedCamera(camera) })
      deps.onDidChangeCameras()
      return view(camera)
    },
    'cameras.remove': async ({ cameraId }, ctx) => {
      assertEditable(directory, cameraId)
      await store.remove(cameraId)
      await deps.record(ctx, 'camera.remove', { cameraId })
      deps.onDidChangeCameras()
      return { removed: true as const }
    },
    'cameras.probe': (input) => {
      if ('source' in input) return deps.probe(input.source, input.rtspTransport)
      const camera = directory.find(input.cameraId)
      if (!camera) throw new RpcError('NOT_FOUND', `Caméra inconnue : « ${input.cameraId} ».`)
      return deps.probe(camera.source, camera.rtspTransport)
    },
    'analytics.status': (_input, ctx) => {
      const visible = new Set(visibleCameras(directory, ctx).map((camera) => camera.id))
      return deps.analyticsStatus().filter((status) => visible.has(status.cameraId))
    },
    'live.open': ({ cameraId }, ctx) => {
      const camera = directory.find(cameraId)
      if (!camera) throw new RpcError('NOT_FOUND', `Caméra inconnue : « ${cameraId} ».`)
      if (!canSeeCamera(directory, ctx, cameraId)) {
        throw new RpcError('FORBIDDEN', `La caméra « ${camera.name} » n'est pas dans votre périmètre.`)
      }
      if (!camera.enabled) throw new RpcError('CONFLICT', `La caméra « ${camera.name} » est désactivée.`)
      return { cameraId, url: deps.grantLiveView(ctx, cameraId) }
    }
  }
}
