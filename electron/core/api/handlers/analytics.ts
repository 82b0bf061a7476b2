import type { Scene } from '../../../shared/scene'
import { RpcError } from '../../../shared/result'
import { actorOf, type SessionContext } from '../context'
import { canSeeCamera, visibleCameras } from './cameras'
import type { HandlerDeps, HandlerGroup } from './deps'

/** The camera, if it exists and this screen's person may see it; the same answer for both, so ids do not leak. */
function requireVisibleCamera(deps: HandlerDeps, ctx: SessionContext, cameraId: string): void {
  if (!deps.directory.find(cameraId) || !canSeeCamera(deps.directory, ctx, cameraId)) {
    throw new RpcError('NOT_FOUND', `Caméra inconnue ou hors de votre périmètre : « ${cameraId} ».`)
  }
}

/** What changed, by item id, for the audit trail: enough to see who moved which zone or threshold. */
function sceneChanges(previous: Scene, next: Scene): Record<string, unknown> {
  const diff = (list: 'zones' | 'lines' | 'masks' | 'rules'): Record<string, string[]> => {
    const before = new Map(previous[list].map((item) => [item.id, JSON.stringify(item)]))
    const after = new Map(next[list].map((item) => [item.id, JSON.stringify(item)]))
    const added = [...after.keys()].filter((id) => !before.has(id))
    const removed = [...before.keys()].filter((id) => !after.has(id))
    const changed = [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id))
    return { added, removed, changed }
  }
  return { zones: diff('zones'), lines: diff('lines'), masks: diff('masks'), rules: diff('rules'), scene: next }
}

export function analyticsHandlers(
  deps: HandlerDeps
): HandlerGroup<'analytics.getScene' | 'analytics.saveScene' | 'analytics.detector' | 'analytics.setDetector' | 'events.list' | 'events.snapshot'> {
  return {
    'analytics.detector': () => deps.detector.choice(),
    'analytics.setDetector': async ({ modelId }, ctx) => {
      const choice = deps.detector.choice()
      const model = choice.models.find((candidate) => candidate.id === modelId)
      if (!model?.present) throw new RpcError('CONFLICT', `Le modèle « ${model?.name ?? modelId} » n’est pas installé : lancez « npm run assets ».`)
      if (choice.active === modelId) return choice
      await deps.record(ctx, 'analytics.detector', { target: modelId, details: { previous: choice.active, next: modelId } })
      await deps.detector.select(modelId)
      return deps.detector.choice()
    },
    'analytics.getScene': ({ cameraId }, ctx) => {
      requireVisibleCamera(deps, ctx, cameraId)
      return deps.scenes.get(cameraId)
    },
    'analytics.saveScene': async ({ cameraId, scene }, ctx) => {
      requireVisibleCamera(deps, ctx, cameraId)
      const previous = deps.scenes.get(cameraId)
      // On the record first: a change to what is watched, or masked, is never silent.
      await deps.record(ctx, 'scene.update', { cameraId, details: sceneChanges(previous, scene) })
      await deps.scenes.save(cameraId, scene, actorOf(ctx), deps.now())
      return scene
    },
    'events.list': (query, ctx) =>
      deps.events.list(
        query,
        visibleCameras(deps.directory, ctx).map((camera) => camera.id)
      ),
    'events.snapshot': async ({ eventId }, ctx) => {
      const snapshot = await deps.events.snapshot(eventId)
      if (!snapshot || !canSeeCamera(deps.directory, ctx, snapshot.cameraId)) {
        throw new RpcError('NOT_FOUND', 'Aucune image pour cet événement.')
      }
      return { mimeType: 'image/jpeg' as const, base64: snapshot.jpeg.toString('base64'), width: snapshot.width, height: snapshot.height }
    }
  }
}
