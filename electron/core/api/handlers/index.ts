import type { Handlers } from '../../../shared/rpc/server'
import type { SessionContext } from '../context'
import { accountHandlers } from './accounts'
import { alertHandlers } from './alerts'
import { analyticsHandlers } from './analytics'
import { appHandlers } from './app'
import { auditHandlers } from './audit'
import { cameraHandlers } from './cameras'
import { complianceHandlers } from './compliance'
import type { HandlerDeps } from './deps'
import { lapiHandlers } from './lapi'
import { recordingHandlers } from './recording'
import { sessionHandlers } from './session'

/** The whole contract, one slice per area; TypeScript checks that no method is left without a handler. */
export function createHandlers(deps: HandlerDeps): Handlers<SessionContext> {
  return {
    ...appHandlers(deps),
    ...sessionHandlers(deps),
    ...accountHandlers(deps),
    ...cameraHandlers(deps),
    ...auditHandlers(deps),
    ...complianceHandlers(deps),
    ...analyticsHandlers(deps),
    ...recordingHandlers(deps),
    ...alertHandlers(deps),
    ...lapiHandlers(deps)
  }
}

export type { HandlerDeps, OrganisationCache, RecordAudit } from './deps'
export { canSeeCamera, visibleCameras } from './cameras'
