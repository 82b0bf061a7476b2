import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Session } from '../../../electron/shared/accounts'
import type { EventPayload, MethodInput } from '../../../electron/shared/contract'
import type { RpcErrorBody } from '../../../electron/shared/result'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError, type ShownError } from '../api/errors'
import type { TokenStorage } from './session-token'

export type SessionEndReason = EventPayload<'session.onDidEnd'>['reason']

/** Where this screen stands with the person in front of it. */
export type SessionPhase =
  | { kind: 'starting' }
  /** `setup.status` itself failed: nothing can be decided until the core answers. */
  | { kind: 'unavailable'; error: ShownError }
  | { kind: 'firstRun' }
  /** The sign-in screen; `reason` says why a session ended, when one did. */
  | { kind: 'signedOut'; reason: SessionEndReason | null }
  | { kind: 'signedIn'; session: Session; locked: boolean }

export type FirstAdminInput = MethodInput<'setup.createFirstAdmin'>

export interface SessionState {
  phase: SessionPhase
  /** First run, resumed session or sign-in. Safe to call twice: a start already running is not repeated. */
  start(): Promise<void>
  /** These reject with the core's RpcError, so that the form can show it and keep what was typed. */
  createFirstAdmin(input: FirstAdminInput): Promise<void>
  login(username: string, password: string): Promise<void>
  unlock(password: string): Promise<void>
  changePassword(current: string, next: string): Promise<void>
  /** Leaves at once, even if the core cannot be told: the person wants this screen signed out. */
  logout(): Promise<void>
  /** Keyboard, mouse or touch: tells the core the person is there, at most once per interval. */
  reportActivity(): void
  /** A screen's call was refused: the session may be the reason (see observeFailures). */
  noteFailure(error: RpcErrorBody): void
  /** Follows the core's session events; returns the function that stops following. */
  listen(): () => void
}

export type SessionStore = StoreApi<SessionState>

export interface SessionStoreOptions {
  /** The core defers the idle lock on each report; more often would only add traffic. */
  activityIntervalMs?: number
  now?: () => number
}

/** The core refuses every call but the password with LOCKED while the screen is locked. */
export function isLockRefusal(error: RpcErrorBody): boolean {
  return error.code === 'LOCKED'
}

/** Answers to `session.resume` that mean "this token is no good", as opposed to "the core is in trouble". */
const TOKEN_REFUSALS = new Set<RpcErrorBody['code']>(['UNAUTHENTICATED', 'NOT_FOUND', 'INVALID_INPUT', 'FORBIDDEN'])

export function createSessionStore(client: RpcClient, tokens: TokenStorage, options: SessionStoreOptions = {}): SessionStore {
  const activityIntervalMs = options.activityIntervalMs ?? 30_000
  const now = options.now ?? Date.now
  let starting: Promise<void> | null = null
  let lastActivityReport = 0

  return createStore<SessionState>()((set, get) => {
    const signedIn = (session: Session): void => {
      tokens.write(session.token)
      // Signing in or unlocking is itself activity the core has just seen.
      lastActivityReport = now()
      set({ phase: { kind: 'signedIn', session, locked: session.locked } })
    }

    const signedOut = (reason: SessionEndReason | null): void => {
      tokens.clear()
      set({ phase: { kind: 'signedOut', reason } })
    }

    const lock = (): void => {
      const { phase } = get()
      if (phase.kind === 'signedIn' && !phase.locked) set({ phase: { ...phase, locked: true } })
    }

    const resumeOrSignIn = async (): Promise<void> => {
      const token = tokens.read()
      if (!token) {
        signedOut(null)
        return
      }
      const resumed = await client.request('session.resume', { token })
      if (resumed.ok) {
        signedIn(resumed.value)
        return
      }
      // A refused token is dropped; a core in trouble keeps it for the next attempt (a reload).
      if (TOKEN_REFUSALS.has(resumed.error.code)) signedOut('expired')
      else set({ phase: { kind: 'signedOut', reason: null } })
    }

    const runStart = async (): Promise<void> => {
      set({ phase: { kind: 'starting' } })
      try {
        const status = await client.call('setup.status', {})
        if (status.needsFirstAdmin) {
          tokens.clear()
          set({ phase: { kind: 'firstRun' } })
          return
        }
        await resumeOrSignIn()
      } catch (error) {
        set({ phase: { kind: 'unavailable', error: toShownError(error) } })
      }
    }

    return {
      phase: { kind: 'starting' },

      start() {
        starting ??= runStart().finally(() => {
          starting = null
        })
        return starting
      },

      async createFirstAdmin(input) {
        signedIn(await client.call('setup.createFirstAdmin', input))
      },

      async login(username, password) {
        signedIn(await client.call('session.login', { username, password }))
      },

      async unlock(password) {
        signedIn(await client.call('session.unlock', { password }))
      },

      async changePassword(current, next) {
        await client.call('session.changePassword', { current, next })
      },

      async logout() {
        // Leave first: the core's answer (or its onDidEnd event) must not bring back a screen being left.
        signedOut(null)
        await client.request('session.logout', {})
      },

      reportActivity() {
        const { phase } = get()
        if (phase.kind !== 'signedIn' || phase.locked) return
        const at = now()
        if (at - lastActivityReport < activityIntervalMs) return
        lastActivityReport = at
        void client.request('session.activity', {}).then((result) => {
          if (!result.ok) get().noteFailure(result.error)
        })
      },

      noteFailure(error) {
        const { phase } = get()
        // While locked, late answers to calls made before the lock are expected refusals.
        if (phase.kind !== 'signedIn' || phase.locked) return
        if (isLockRefusal(error)) lock()
        // A refusal of identity means the core no longer knows this session.
        else if (error.code === 'UNAUTHENTICATED') signedOut('expired')
      },

      listen() {
        const stopLock = client.on('session.onDidLock', () => lock())
        const stopEnd = client.on('session.onDidEnd', ({ reason }) => {
          if (get().phase.kind === 'signedIn') signedOut(reason)
        })
        return () => {
          stopLock()
          stopEnd()
        }
      }
    }
  })
}
