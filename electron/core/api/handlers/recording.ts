import { RpcError } from '../../../shared/result'
import { actorOf, type SessionContext } from '../context'
import { canSeeCamera } from './cameras'
import type { HandlerDeps, HandlerGroup } from './deps'

function requireVisibleCamera(deps: HandlerDeps, ctx: SessionContext, cameraId: string): void {
  if (!deps.directory.find(cameraId) || !canSeeCamera(deps.directory, ctx, cameraId)) {
    throw new RpcError('NOT_FOUND', `Caméra inconnue ou hors de votre périmètre : « ${cameraId} ».`)
  }
}

const MAX_TIMELINE_MS = 31 * 24 * 60 * 60 * 1000

export function recordingHandlers(
  deps: HandlerDeps
): HandlerGroup<
  | 'recording.status'
  | 'recording.getPolicy'
  | 'recording.setPolicy'
  | 'recording.getStorage'
  | 'recording.setStorage'
  | 'playback.timeline'
  | 'playback.open'
  | 'holds.list'
  | 'holds.place'
  | 'holds.release'
  | 'masks.lifts'
  | 'masks.requestLift'
  | 'masks.approveLift'
  | 'masks.endLift'
> {
  const { recording } = deps
  const visibleIds = (ctx: SessionContext): Set<string> =>
    new Set(deps.directory.all().filter((camera) => canSeeCamera(deps.directory, ctx, camera.id)).map((camera) => camera.id))
  return {
    'recording.status': (_input, ctx) => recording.service.status([...visibleIds(ctx)]),
    'recording.getPolicy': ({ cameraId }, ctx) => {
      requireVisibleCamera(deps, ctx, cameraId)
      return recording.store.policy(cameraId)
    },
    'recording.setPolicy': async ({ cameraId, policy }, ctx) => {
      requireVisibleCamera(deps, ctx, cameraId)
      const max = recording.service.maxRetentionDays()
      if (policy.retentionDays > max) {
        throw new RpcError('INVALID_INPUT', `La conservation ne peut pas dépasser ${max} jours (CSI L252-5 et référentiel en vigueur).`)
      }
      await deps.record(ctx, 'recording.policy', { cameraId, details: { ...policy } })
      await recording.service.setPolicy(cameraId, policy)
      return recording.store.policy(cameraId)
    },
    'recording.getStorage': () => recording.store.storage(),
    'recording.setStorage': async (storage, ctx) => {
      await deps.record(ctx, 'recording.storage', { details: { ...storage } })
      await recording.store.setStorage(storage)
      void recording.service.purge()
      return recording.store.storage()
    },
    'playback.timeline': async ({ cameraId, from, to }, ctx) => {
      requireVisibleCamera(deps, ctx, cameraId)
      if (to <= from || to - from > MAX_TIMELINE_MS) throw new RpcError('INVALID_INPUT', 'La période demandée doit durer entre 0 et 31 jours.')
      const [spans, { events }, holds] = await Promise.all([
        recording.store.spans(cameraId, from, to, deps.now()),
        deps.events.list({ cameraId, alertsOnly: true, from, to, limit: 500 }, [cameraId]),
        recording.store.holds({ cameraId })
      ])
      return { spans, events, holds: holds.filter((hold) => hold.from < to && hold.to > from) }
    },
    'playback.open': async ({ cameraId, at, speed }, ctx) => {
      requireVisibleCamera(deps, ctx, cameraId)
      if (at > deps.now()) throw new RpcError('NOT_FOUND', 'Cet instant n’est pas encore enregistré : regardez le direct.')
      return recording.openPlayback(ctx, cameraId, at, speed)
    },
    // Holds and lifts are oversight: whoever may place or approve them sees all of them, camera scope aside.
    'holds.list': ({ cameraId }) => recording.store.holds({ cameraId }),
    'holds.place': async (input, ctx) => {
      requireVisibleCamera(deps, ctx, input.cameraId)
      const hold = await recording.store.placeHold({ ...input, createdBy: actorOf(ctx), createdAt: deps.now() })
      await deps.record(ctx, 'recording.hold', { cameraId: input.cameraId, target: String(hold.id), details: { from: hold.from, to: hold.to, reference: hold.reference, reason: hold.reason } })
      return hold
    },
    'holds.release': async ({ holdId, reason }, ctx) => {
      const existing = (await recording.store.holds()).find((hold) => hold.id === holdId)
      if (!existing) throw new RpcError('NOT_FOUND', `Réquisition inconnue : n° ${holdId}.`)
      if (existing.releasedAt !== null) throw new RpcError('CONFLICT', 'Cette réquisition est déjà levée.')
      await deps.record(ctx, 'recording.release', { cameraId: existing.cameraId, target: String(holdId), details: { reference: existing.reference, reason } })
      const released = await recording.store.releaseHold(holdId, actorOf(ctx), deps.now())
      void recording.service.purge()
      return released ?? existing
    },
    'masks.lifts': () => recording.lifts.list(),
    'masks.requestLift': async (input, ctx) => {
      requireVisibleCamera(deps, ctx, input.cameraId)
      const lift = await recording.lifts.request(input, actorOf(ctx))
      await deps.record(ctx, 'mask.lift-request', { cameraId: input.cameraId, target: String(lift.id), details: { reference: lift.reference, reason: lift.reason, minutes: lift.minutes } })
      recording.onDidChangeLift(lift)
      return lift
    },
    'masks.approveLift': async ({ liftId }, ctx) => {
      const lift = await recording.lifts.approve(liftId, actorOf(ctx))
      await deps.record(ctx, 'mask.lift-approve', { cameraId: lift.cameraId, target: String(lift.id), details: { requestedBy: lift.requestedBy, until: lift.until } })
      recording.onDidChangeLift(lift)
      return lift
    },
    'masks.endLift': async ({ liftId }, ctx) => {
      const lift = await recording.lifts.end(liftId, actorOf(ctx))
      await deps.record(ctx, 'mask.lift-end', { cameraId: lift.cameraId, target: String(lift.id) })
      recording.onDidChangeLift(lift)
      return lift
    }
  }
}
