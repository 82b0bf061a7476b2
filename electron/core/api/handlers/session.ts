import type { Session } from '../../../shared/accounts'
import { RpcError } from '../../../shared/result'
import type { CredentialCheck } from '../../auth'
import type { SessionContext } from '../context'
import type { HandlerDeps, HandlerGroup } from './deps'

const clock = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' })

/** The one message for a refused password: it never says whether the username exists. */
const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.'

function refusal(check: Exclude<CredentialCheck, { kind: 'ok' }>): RpcError {
  switch (check.kind) {
    case 'locked':
      return new RpcError('UNAUTHENTICATED', `Compte verrouillé après des échecs répétés, jusqu'à ${clock.format(check.until)}.`)
    case 'disabled':
      return new RpcError('UNAUTHENTICATED', 'Ce compte est désactivé. Adressez-vous à un administrateur.')
    case 'bad-credentials':
      return new RpcError('UNAUTHENTICATED', BAD_CREDENTIALS)
  }
}

function requireSession(ctx: SessionContext) {
  if (!ctx.session) throw new RpcError('UNAUTHENTICATED', 'Connectez-vous pour continuer.')
  return ctx.session
}

export function sessionHandlers(
  deps: HandlerDeps
): HandlerGroup<
  | 'setup.status'
  | 'setup.createFirstAdmin'
  | 'session.login'
  | 'session.resume'
  | 'session.unlock'
  | 'session.activity'
  | 'session.logout'
  | 'session.changePassword'
> {
  const { accounts, sessions } = deps

  /** Failed sign-ins are recorded under the name that was typed, and a lock they caused too. */
  const recordRefusal = async (ctx: SessionContext, username: string, check: Exclude<CredentialCheck, { kind: 'ok' }>) => {
    await deps.record(ctx, 'auth.login-failed', { actor: username, target: username, details: { reason: check.kind } })
    if (check.kind === 'locked' && check.lockedNow) {
      await deps.record(ctx, 'auth.account-locked', { actor: username, target: username, details: { until: check.until } })
    }
  }

  const signIn = async (ctx: SessionContext, check: Extract<CredentialCheck, { kind: 'ok' }>): Promise<Session> => {
    if (ctx.session) sessions.end(ctx.session.id, 'logout')
    ctx.session = sessions.open(check.user, ctx.workstation)
    await deps.record(ctx, 'auth.login')
    return sessions.toSession(ctx.session)
  }

  return {
    'setup.status': async () => ({
      needsFirstAdmin: (await accounts.countUsers()) === 0,
      organisation: deps.organisation.current()
    }),

    'setup.createFirstAdmin': async ({ organisation, username, displayName, password }, ctx) => {
      const admin = await accounts.createFirstAdmin(organisation, { username, displayName, password })
      const saved = await accounts.getOrganisation()
      if (saved) deps.organisation.set(saved)
      ctx.session = sessions.open(admin, ctx.workstation)
      await deps.record(ctx, 'setup.first-admin', { target: admin.username, details: { organisation: saved } })
      await deps.record(ctx, 'auth.login')
      return sessions.toSession(ctx.session)
    },

    'session.login': async ({ username, password }, ctx) => {
      const check = await accounts.verifyLogin(username, password, deps.now())
      if (check.kind !== 'ok') {
        await recordRefusal(ctx, username, check)
        throw refusal(check)
      }
      return signIn(ctx, check)
    },

    'session.resume': ({ token }, ctx) => {
      const session = sessions.resume(token)
      if (!session) throw new RpcError('UNAUTHENTICATED', 'Session expirée : connectez-vous à nouveau.')
      ctx.session = session
      return sessions.toSession(session)
    },

    'session.unlock': async ({ password }, ctx) => {
      const session = requireSession(ctx)
      const check = await accounts.verifyUserPassword(session.user.id, password, deps.now())
      if (check.kind !== 'ok') {
        await recordRefusal(ctx, session.user.username, check)
        if (check.kind !== 'bad-credentials') sessions.end(session.id, check.kind === 'disabled' ? 'disabled' : 'expired')
        throw refusal(check)
      }
      sessions.unlock(session.id)
      await deps.record(ctx, 'session.unlock')
      return sessions.toSession(session)
    },

    'session.activity': (_input, ctx) => {
      sessions.recordActivity(requireSession(ctx).id)
      return { ok: true as const }
    },

    'session.logout': async (_input, ctx) => {
      const session = requireSession(ctx)
      await deps.record(ctx, 'auth.logout')
      sessions.end(session.id, 'logout')
      ctx.session = null
      return { ok: true as const }
    },

    'session.changePassword': async ({ current, next }, ctx) => {
      const session = requireSession(ctx)
      const check = await accounts.changePassword(session.user.id, current, next, deps.now())
      if (check.kind !== 'ok') {
        await recordRefusal(ctx, session.user.username, check)
        throw check.kind === 'bad-credentials' ? new RpcError('UNAUTHENTICATED', 'Mot de passe actuel incorrect.') : refusal(check)
      }
      await deps.record(ctx, 'account.password-change', { target: session.user.username })
      return { ok: true as const }
    }
  }
}
