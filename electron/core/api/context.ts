import type { ActiveSession } from '../auth'

/**
 * What the core knows about one connected screen: the channel it came through, the workstation it
 * runs on (recorded in the audit trail), and the person signed in on it, if any.
 */
export interface SessionContext {
  readonly transport: 'memory' | 'message-port' | 'websocket'
  readonly workstation: string
  session: ActiveSession | null
}

export type ConnectionInfo = Omit<SessionContext, 'session'>

/** The name the audit trail records for whoever acts through this context. */
export function actorOf(ctx: SessionContext): string {
  return ctx.session?.user.username ?? 'anonyme'
}
