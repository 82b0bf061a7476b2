import { RpcError } from '../../../shared/result'
import type { HandlerDeps, HandlerGroup } from './deps'

export function accountHandlers(
  deps: HandlerDeps
): HandlerGroup<'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'organisation.get' | 'organisation.update'> {
  const { accounts, sessions } = deps
  return {
    'users.list': () => accounts.list(),

    'users.create': async (input, ctx) => {
      const user = await accounts.createUser(input)
      await deps.record(ctx, 'account.create', {
        target: user.username,
        details: { roles: user.roles, groups: user.groups, allGroups: user.allGroups }
      })
      return user
    },

    'users.update': async (input, ctx) => {
      const before = await accounts.get(input.id)
      const user = await accounts.updateUser(input)
      sessions.refreshUser(user)
      // A disabled account is signed out everywhere at once, not at its next call.
      if (user.disabled) sessions.endAllFor(user.id, 'disabled')
      await deps.record(ctx, 'account.update', {
        target: user.username,
        details: {
          roles: user.roles,
          groups: user.groups,
          allGroups: user.allGroups,
          disabled: user.disabled,
          ...(before ? { before: { roles: before.roles, groups: before.groups, allGroups: before.allGroups, disabled: before.disabled } } : {})
        }
      })
      return user
    },

    'users.resetPassword': async ({ id, password }, ctx) => {
      const user = await accounts.resetPassword(id, password)
      await deps.record(ctx, 'account.password-reset', { target: user.username })
      return user
    },

    'organisation.get': () => {
      const organisation = deps.organisation.current()
      if (!organisation) throw new RpcError('NOT_FOUND', "Le profil de l'organisation n'est pas encore renseigné.")
      return organisation
    },

    'organisation.update': async (input, ctx) => {
      const before = deps.organisation.current()
      const organisation = await accounts.setOrganisation(input)
      deps.organisation.set(organisation)
      sessions.refreshIdleTimers()
      await deps.record(ctx, 'organisation.update', { details: { before, after: organisation } })
      // The deployer type decides what the law allows: the lock is asked again at once.
      if (before?.deployer !== organisation.deployer) deps.onDidChangeCompliance()
      return organisation
    }
  }
}
