import { RpcError } from '../../../shared/result'
import { actorOf } from '../context'
import { visibleCameras } from './cameras'
import type { HandlerDeps, HandlerGroup } from './deps'

export function lapiHandlers(deps: HandlerDeps): HandlerGroup<'lapi.hotlists' | 'lapi.importHotlist' | 'lapi.withdrawHotlist' | 'lapi.reads'> {
  const { plates } = deps
  return {
    'lapi.hotlists': () => plates.hotlists(),
    'lapi.importHotlist': async ({ name, moduleId, reason, text }, ctx) => {
      // A list for a purpose the law forbids to this deployer has no use but to exist: refused.
      const status = await deps.compliance.moduleStatus(moduleId, deps.organisation.current()?.deployer ?? null, deps.now())
      if (status.state === 'FORBIDDEN') throw new RpcError('FORBIDDEN', `${status.label} : ${status.reason}`)
      const lines = text.split(/[\n,;]+/u).map((line) => line.trim()).filter((line) => line.length > 0)
      const imported = await plates.importHotlist({ name, moduleId, reason, plates: lines }, actorOf(ctx))
      await deps.record(ctx, 'lapi.hotlist-import', {
        target: String(imported.hotlist.id),
        details: { name, moduleId, reason, entries: imported.hotlist.entries, rejected: imported.rejected.length }
      })
      return imported
    },
    'lapi.withdrawHotlist': async ({ hotlistId, reason }, ctx) => {
      const list = (await plates.hotlists()).find((candidate) => candidate.id === hotlistId)
      if (!list) throw new RpcError('NOT_FOUND', `Liste inconnue : n° ${hotlistId}.`)
      await deps.record(ctx, 'lapi.hotlist-withdraw', { target: String(hotlistId), details: { name: list.name, reason } })
      await plates.withdrawHotlist(hotlistId)
      return plates.hotlists()
    },
    'lapi.reads': async (_input, ctx) => {
      const cameraIds = visibleCameras(deps.directory, ctx).map((camera) => camera.id)
      return { hits: await plates.hits(cameraIds), unmatchedKept: await plates.unmatchedCount(cameraIds) }
    }
  }
}
