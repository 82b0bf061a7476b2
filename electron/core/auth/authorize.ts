import { permissionsOf, type UserView } from '../../shared/accounts'
import type { Access, MethodName } from '../../shared/contract'
import { RpcError } from '../../shared/result'
import type { ActiveSession } from './session-manager'

/** What the check needs from a connection: its session, if anyone signed in on it. */
export interface AuthContext {
  readonly session: ActiveSession | null
}

/**
 * The one gate every call goes through, whatever the transport, before its handler runs. Each contract
 * method declares its access once; this turns that declaration into a refusal or a pass.
 */
export function authorize(access: Access, ctx: AuthContext, method: MethodName): void {
  if (access === 'public') return
  const { session } = ctx
  if (session === null || session.state === 'ended' || session.user.disabled) {
    throw new RpcError('UNAUTHENTICATED', 'Connectez-vous pour continuer.')
  }
  // Unlocking is the one thing a locked screen may do.
  if (access === 'unlock') return
  if (session.state === 'locked') {
    throw new RpcError('LOCKED', 'Session verrouillée : saisissez votre mot de passe pour continuer.')
  }
  if (!permissionsOf(session.user.roles).includes(access)) {
    throw new RpcError('FORBIDDEN', `Votre rôle ne permet pas cette action (${method}).`)
  }
}

/**
 * Which camera groups a person may watch and hear about. Administrators and people with `allGroups`
 * see every group; the others only theirs; someone whose roles do not include watching cameras (a
 * DPO) sees none, so that camera events are not pushed to them either.
 */
export function cameraScope(user: Pick<UserView, 'roles' | 'groups' | 'allGroups'>): (group: string) => boolean {
  if (!permissionsOf(user.roles).includes('camera.view')) return () => false
  if (user.allGroups || user.roles.includes('admin')) return () => true
  const groups = new Set(user.groups)
  return (group) => groups.has(group)
}
