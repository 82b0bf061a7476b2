import { randomBytes, randomUUID } from 'node:crypto'
import { permissionsOf, type Session, type UserView } from '../../shared/accounts'
import type { EventPayload } from '../../shared/contract'
import { systemClock, type Clock } from '../ingest/clock'

/** A session lasts at most this long, active or not: a shift, with room to spare. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000

/** 256 random bits: the token is all it takes to resume a session. */
const TOKEN_BYTES = 32

export type SessionState = 'active' | 'locked' | 'ended'
export type SessionEndReason = EventPayload<'session.onDidEnd'>['reason']

/**
 * A signed-in person at one workstation. The manager hands out the live object: `state`, `user` and
 * `lastActivityAt` change in place, so a connection holding it sees a lock or an end at once.
 */
export interface ActiveSession {
  /** Names the session in logs and in the audit trail; unlike the token, it grants nothing. */
  readonly id: string
  readonly token: string
  readonly user: UserView
  readonly workstation: string
  readonly openedAt: number
  readonly expiresAt: number
  readonly lastActivityAt: number
  readonly state: SessionState
}

type MutableSession = { -readonly [K in keyof ActiveSession]: ActiveSession[K] }

interface Entry {
  session: MutableSession
  cancelIdleTimer: (() => void) | null
  cancelExpiryTimer: () => void
}

export type LockListener = (session: ActiveSession) => void
export type EndListener = (session: ActiveSession, reason: SessionEndReason) => void

export interface SessionManagerOptions {
  /**
   * Read each time it matters, so that a new organisation setting applies without restarting; call
   * `refreshIdleTimers()` after changing it so that a shorter timeout also applies to pending timers.
   */
  idleTimeoutMs: () => number
  clock?: Clock
  maxAgeMs?: number
  log?: (message: string) => void
}

/**
 * Sessions live in memory only: restarting the core signs everyone out, which is what a restart of a
 * control room's server should do. Each session locks after the idle timeout (the person must type
 * their password again) and ends after SESSION_MAX_AGE_MS whatever happens.
 */
export class SessionManager {
  private readonly entries = new Map<string, Entry>()
  private readonly byToken = new Map<string, Entry>()
  private readonly lockListeners = new Set<LockListener>()
  private readonly endListeners = new Set<EndListener>()
  private readonly clock: Clock
  private readonly maxAgeMs: number

  constructor(private readonly options: SessionManagerOptions) {
    this.clock = options.clock ?? systemClock
    this.maxAgeMs = options.maxAgeMs ?? SESSION_MAX_AGE_MS
  }

  open(user: UserView, workstation: string): ActiveSession {
    const now = this.clock.now()
    const session: MutableSession = {
      id: randomUUID(),
      token: randomBytes(TOKEN_BYTES).toString('base64url'),
      user,
      workstation,
      openedAt: now,
      expiresAt: now + this.maxAgeMs,
      lastActivityAt: now,
      state: 'active'
    }
    const entry: Entry = {
      session,
      cancelIdleTimer: null,
      cancelExpiryTimer: this.clock.setTimeout(() => this.end(session.id, 'expired'), this.maxAgeMs)
    }
    this.entries.set(session.id, entry)
    this.byToken.set(session.token, entry)
    this.armIdleTimer(entry)
    return session
  }

  /** The session a token names (a screen reloading, a reconnection), as it is: a locked one stays locked. */
  resume(token: string): ActiveSession | null {
    const entry = this.byToken.get(token)
    return entry ? this.current(entry) : null
  }

  get(sessionId: string): ActiveSession | null {
    const entry = this.entries.get(sessionId)
    return entry ? this.current(entry) : null
  }

  /** The person is still there. Ignored on a locked session: only the password reopens it. */
  recordActivity(sessionId: string): boolean {
    const entry = this.entries.get(sessionId)
    if (!entry || this.current(entry)?.state !== 'active') return false
    // The pending idle timer notices the later deadline when it fires and re-arms itself, so that
    // frequent activity reports cost no timer churn.
    entry.session.lastActivityAt = this.clock.now()
    return true
  }

  /** Reopens a locked session; the caller has checked the password. */
  unlock(sessionId: string): ActiveSession | null {
    const entry = this.entries.get(sessionId)
    if (!entry || this.current(entry) === null) return null
    if (entry.session.state === 'locked') {
      entry.session.state = 'active'
      entry.session.lastActivityAt = this.clock.now()
      this.armIdleTimer(entry)
    }
    return entry.session
  }

  end(sessionId: string, reason: SessionEndReason): boolean {
    const entry = this.entries.get(sessionId)
    if (!entry) return false
    this.forget(entry)
    entry.session.state = 'ended'
    this.emit(this.endListeners, (listener) => listener(entry.session, reason))
    return true
  }

  /** Ends every session of one person (their account was disabled); returns how many. */
  endAllFor(userId: number, reason: SessionEndReason): number {
    const ids = [...this.entries.values()].filter((entry) => entry.session.user.id === userId).map((entry) => entry.session.id)
    for (const id of ids) this.end(id, reason)
    return ids.length
  }

  /** After an administrator changed someone's roles or groups: their open sessions follow at once. */
  refreshUser(user: UserView): void {
    for (const entry of this.entries.values()) {
      if (entry.session.user.id === user.id) entry.session.user = user
    }
  }

  /** Applies a changed idle timeout to every open session now, locking those already past it. */
  refreshIdleTimers(): void {
    for (const entry of [...this.entries.values()]) {
      if (entry.session.state === 'active') this.armIdleTimer(entry)
    }
  }

  /** What the screen is told about its session. */
  toSession(session: ActiveSession): Session {
    return {
      user: session.user,
      permissions: permissionsOf(session.user.roles),
      token: session.token,
      idleTimeoutMs: this.options.idleTimeoutMs(),
      locked: session.state === 'locked'
    }
  }

  onDidLock(listener: LockListener): () => void {
    this.lockListeners.add(listener)
    return () => {
      this.lockListeners.delete(listener)
    }
  }

  onDidEnd(listener: EndListener): () => void {
    this.endListeners.add(listener)
    return () => {
      this.endListeners.delete(listener)
    }
  }

  /** Stops every timer without notifying anyone: the core is shutting down. */
  dispose(): void {
    for (const entry of [...this.entries.values()]) this.forget(entry)
  }

  /**
   * The session as it stands now, or null once over. Timers can fire late (a machine waking from
   * sleep), so the deadlines are checked here too rather than trusted to the timers alone.
   */
  private current(entry: Entry): ActiveSession | null {
    const now = this.clock.now()
    if (now >= entry.session.expiresAt) {
      this.end(entry.session.id, 'expired')
      return null
    }
    if (entry.session.state === 'active' && this.idleRemainingMs(entry, now) <= 0) this.lock(entry)
    return entry.session
  }

  private idleRemainingMs(entry: Entry, now: number): number {
    return entry.session.lastActivityAt + this.options.idleTimeoutMs() - now
  }

  private armIdleTimer(entry: Entry): void {
    entry.cancelIdleTimer?.()
    entry.cancelIdleTimer = null
    const remaining = this.idleRemainingMs(entry, this.clock.now())
    if (remaining <= 0) {
      this.lock(entry)
      return
    }
    entry.cancelIdleTimer = this.clock.setTimeout(() => {
      entry.cancelIdleTimer = null
      if (entry.session.state === 'active') this.armIdleTimer(entry)
    }, remaining)
  }

  private lock(entry: Entry): void {
    entry.cancelIdleTimer?.()
    entry.cancelIdleTimer = null
    entry.session.state = 'locked'
    this.emit(this.lockListeners, (listener) => listener(entry.session))
  }

  private forget(entry: Entry): void {
    entry.cancelIdleTimer?.()
    entry.cancelIdleTimer = null
    entry.cancelExpiryTimer()
    this.entries.delete(entry.session.id)
    this.byToken.delete(entry.session.token)
  }

  private emit<L>(listeners: Set<L>, call: (listener: L) => void): void {
    for (const listener of [...listeners]) {
      try {
        call(listener)
      } catch (error) {
        // A failing observer (a closed connection…) must not leave the session half-locked or half-ended.
        this.options.log?.(`[sessions] listener failed: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
}
