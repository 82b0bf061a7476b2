import type { Permission } from '../../../../electron/shared/accounts'
import type { MethodName } from '../../../../electron/shared/contract'
import { canCall } from '../../api/access'
import { useSession } from '../../stores/session-context'

/**
 * Whether the signed-in person holds a permission, to show only the controls they may use. A courtesy,
 * as for screens: the core checks the same permission on every call.
 */
export function usePermission(permission: Permission): boolean {
  return useSession((state) => state.phase.kind === 'signedIn' && state.phase.session.permissions.includes(permission))
}

/** Whether the signed-in person may call a method of the contract (its access, as the core checks it). */
export function useMayCall(method: MethodName): boolean {
  return useSession((state) => state.phase.kind === 'signedIn' && canCall(state.phase.session.permissions, method))
}
