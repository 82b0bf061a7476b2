import type { Permission } from '../../../../electron/shared/accounts'
import { useSession } from '../../stores/session-context'

/**
 * Whether the signed-in person holds a permission, to show only the controls they may use. A courtesy,
 * as for screens: the core checks the same permission on every call.
 */
export function usePermission(permission: Permission): boolean {
  return useSession((state) => state.phase.kind === 'signedIn' && state.phase.session.permissions.includes(permission))
}
