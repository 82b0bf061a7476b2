import type { Permission } from '../../../electron/shared/accounts'
import { contract, type MethodName } from '../../../electron/shared/contract'

/**
 * Whether someone holding `permissions` may call `method`, read from the contract's own access
 * table: a screen offers a list or an action exactly when the core will answer it.
 */
export function canCall(permissions: readonly Permission[], method: MethodName): boolean {
  const access = contract[method].access
  return access === 'public' || access === 'unlock' || permissions.includes(access)
}
