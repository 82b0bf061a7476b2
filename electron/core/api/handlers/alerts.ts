import type { Alert } from '../../../shared/alerts'
import { RpcError } from '../../../shared/result'
import { actorOf, type SessionContext } from '../context'
import { canSeeCamera, visibleCameras } from './cameras'
import type { HandlerDeps, HandlerGroup } from './deps'

export function alertHandlers(
  deps: HandlerDeps
): HandlerGroup<'alerts.list' | 'alerts.get' | 'alerts.claim' | 'alerts.decide' | 'alerts.quality' | 'alerts.export'> {
  const visibleIds = (ctx: SessionContext): string[] => visibleCameras(deps.directory, ctx).map((camera) => camera.id)
  /** An alert of a camera outside one's perimeter does not exist, as far as this screen is told. */
  const requireVisible = async (ctx: SessionContext, eventId: number) => {
    const alert = await deps.alerts.queue.get(eventId)
    if (!alert || !canSeeCamera(deps.directory, ctx, alert.cameraId)) throw new RpcError('NOT_FOUND', `Alerte inconnue : n° ${eventId}.`)
    return alert
  }
  /** An escalated alert is the supervisors' to take and decide. */
  const requireSupervisorFor = (ctx: SessionContext, alert: Alert): void => {
    if (alert.state === 'escalated' && !ctx.session?.user.roles.includes('supervisor')) {
      throw new RpcError('FORBIDDEN', `L’alerte n° ${alert.id} est escaladée : un superviseur la traite.`)
    }
  }
  /**
   * What a person's decision on a plate alert leaves behind.
   * - A false alarm (a misread plate, a vehicle in order) concerns a vehicle that had nothing to do
   *   with the list: its hit goes, and the alert keeps its decision but neither plate nor image.
   * - A confirmed parking check has served once the agent has started the FPS (CNIL, pre-control
   *   of paid parking): its hit leaves the read log; the alert keeps the plate and image as the FPS
   *   evidence until its retention. A confirmed watch-list hit stays a month in the read log.
   */
  const closePlateCheck = async (alert: Alert): Promise<Alert> => {
    if (alert.state === 'false_alarm') {
      await deps.plates.closeHitOfEvent(alert.id)
      await deps.events.forget(alert.id, ['plate', 'hitId'])
      return (await deps.alerts.queue.get(alert.id)) ?? alert
    }
    if (alert.state === 'confirmed' && alert.kind === 'parking-unpaid') await deps.plates.closeHitOfEvent(alert.id)
    return alert
  }
  return {
    'alerts.list': (query, ctx) => deps.alerts.queue.list(query, visibleIds(ctx)),
    'alerts.get': ({ eventId }, ctx) => requireVisible(ctx, eventId),
    'alerts.claim': async ({ eventId }, ctx) => {
      requireSupervisorFor(ctx, await requireVisible(ctx, eventId))
      const alert = await deps.alerts.queue.claim(eventId, actorOf(ctx))
      deps.alerts.onDidChange(alert)
      return alert
    },
    'alerts.decide': async (input, ctx) => {
      for (const eventId of input.eventIds) requireSupervisorFor(ctx, await requireVisible(ctx, eventId))
      const decided = await deps.alerts.queue.decide(input, actorOf(ctx))
      const shown: Alert[] = []
      for (const alert of decided) {
        await deps.record(ctx, 'alert.decision', {
          cameraId: alert.cameraId,
          target: String(alert.id),
          details: { decision: input.decision, reason: input.reason ?? null, note: input.note ?? null, rule: alert.ruleId, burst: input.eventIds.length }
        })
        const now = alert.kind === 'parking-unpaid' || alert.kind === 'plate-hit' ? await closePlateCheck(alert) : alert
        shown.push(now)
        deps.alerts.onDidChange(now)
      }
      return shown
    },
    // Statistics carry no image: whoever may read them (the DPO included, who watches no camera) sees every camera's.
    'alerts.quality': ({ from, to }) => deps.alerts.queue.quality(deps.directory.all().map((camera) => camera.id), from, to),
    'alerts.export': async ({ eventId, reason }, ctx) => {
      const alert = await requireVisible(ctx, eventId)
      if (alert.state !== 'confirmed') throw new RpcError('CONFLICT', 'Seule une alerte confirmée par un opérateur peut être exportée comme preuve.')
      const { folder, manifest } = await deps.alerts.exportEvidence(ctx, alert, reason)
      await deps.record(ctx, 'export.create', {
        cameraId: alert.cameraId,
        target: String(alert.id),
        details: { reason, folder, files: manifest.files.map((file) => `${file.name} ${file.sha256}`), keyFingerprint: manifest.keyFingerprint }
      })
      return { folder, files: manifest.files, keyFingerprint: manifest.keyFingerprint, clip: manifest.files.some((file) => file.name === 'clip.mp4') }
    }
  }
}
