import { describe, expect, it } from 'vitest'
import { SESSION_MAX_AGE_MS, SessionManager, type ActiveSession, type SessionEndReason } from '../../../electron/core/auth/session-manager'
import { FakeClock } from '../ingest/test-support'
import { userView } from './support'

const MINUTE = 60_000

/** A manager on a fake clock, with an idle timeout the test can change and a record of what it announced. */
function harness(idleMinutes = 15) {
  const clock = new FakeClock()
  const setting = { idleMinutes }
  const sessions = new SessionManager({ idleTimeoutMs: () => setting.idleMinutes * MINUTE, clock })
  const locks: string[] = []
  const ends: Array<{ id: string; reason: SessionEndReason }> = []
  sessions.onDidLock((session) => locks.push(session.id))
  sessions.onDidEnd((session, reason) => ends.push({ id: session.id, reason }))
  return { clock, setting, sessions, locks, ends }
}

describe('opening and finding sessions', () => {
  it('hands out a 256-bit random token that resumes the same session', () => {
    const { sessions } = harness()
    const first = sessions.open(userView(), 'poste-1')
    const second = sessions.open(userView(), 'poste-2')
    expect(Buffer.from(first.token, 'base64url')).toHaveLength(32)
    expect(first.token).not.toBe(second.token)
    expect(first.id).not.toBe(second.id)
    expect(sessions.resume(first.token)).toBe(first)
    expect(sessions.get(first.id)).toBe(first)
    expect(first).toMatchObject({ workstation: 'poste-1', state: 'active' })
    expect(sessions.resume('inconnu-inconnu-inconnu')).toBeNull()
  })

  it('describes the session for the screen: permissions from the roles, the current idle timeout, the lock', () => {
    const { sessions, setting } = harness()
    const session = sessions.open(userView({ roles: ['operator', 'dpo'] }), 'poste-1')
    setting.idleMinutes = 20
    expect(sessions.toSession(session)).toEqual({
      user: session.user,
      permissions: [
        'camera.view',
        'settings.workstation',
        'account.self',
        'audit.read',
        'compliance.read',
        'compliance.manage',
        'compliance.approve',
        'rulepack.manage',
        'playback.view',
        'recording.hold',
        'mask.lift',
        'alert.review',
        'alert.quality'
      ],
      token: session.token,
      idleTimeoutMs: 20 * MINUTE,
      locked: false
    })
  })
})

describe('idle lock', () => {
  it('locks once the idle timeout has passed, and says so once', () => {
    const { clock, sessions, locks } = harness()
    const session = sessions.open(userView(), 'poste-1')
    clock.advance(15 * MINUTE - 1)
    expect(session.state).toBe('active')
    clock.advance(1)
    expect(session.state).toBe('locked')
    expect(locks).toEqual([session.id])
    clock.advance(60 * MINUTE)
    expect(locks).toEqual([session.id])
    expect(sessions.toSession(session).locked).toBe(true)
  })

  it('is deferred by activity', () => {
    const { clock, sessions, locks } = harness()
    const session = sessions.open(userView(), 'poste-1')
    clock.advance(10 * MINUTE)
    expect(sessions.recordActivity(session.id)).toBe(true)
    clock.advance(14 * MINUTE)
    expect(session.state).toBe('active')
    clock.advance(1 * MINUTE)
    expect(session.state).toBe('locked')
    expect(locks).toHaveLength(1)
  })

  it('ignores activity on a locked session: only the password reopens it', () => {
    const { clock, sessions } = harness()
    const session = sessions.open(userView(), 'poste-1')
    clock.advance(15 * MINUTE)
    expect(sessions.recordActivity(session.id)).toBe(false)
    expect(session.state).toBe('locked')
  })

  it('applies a shorter timeout at once, locking sessions already past it', () => {
    const { clock, setting, sessions, locks } = harness()
    const idleFor6 = sessions.open(userView({ id: 1 }), 'poste-1')
    clock.advance(4 * MINUTE)
    const idleFor2 = sessions.open(userView({ id: 2 }), 'poste-2')
    clock.advance(2 * MINUTE)

    setting.idleMinutes = 5
    sessions.refreshIdleTimers()
    expect(locks).toEqual([idleFor6.id])
    clock.advance(3 * MINUTE - 1)
    expect(idleFor2.state).toBe('active')
    clock.advance(1)
    expect(idleFor2.state).toBe('locked')
  })

  it('applies a longer timeout to the pending timer, which reads the setting when it fires', () => {
    const { clock, setting, sessions } = harness()
    const session = sessions.open(userView(), 'poste-1')
    setting.idleMinutes = 30
    clock.advance(15 * MINUTE)
    expect(session.state).toBe('active')
    clock.advance(15 * MINUTE)
    expect(session.state).toBe('locked')
  })

  it('reopens on unlock and locks again after another idle period', () => {
    const { clock, sessions, locks } = harness()
    const session = sessions.open(userView(), 'poste-1')
    clock.advance(15 * MINUTE)
    clock.advance(5 * MINUTE)
    expect(sessions.unlock(session.id)).toBe(session)
    expect(session.state).toBe('active')
    clock.advance(15 * MINUTE - 1)
    expect(session.state).toBe('active')
    clock.advance(1)
    expect(locks).toEqual([session.id, session.id])
    expect(sessions.unlock('inconnue')).toBeNull()
  })
})

describe('end of a session', () => {
  it('ends on request: announced with its reason, then unknown', () => {
    const { sessions, ends, clock } = harness()
    const session = sessions.open(userView(), 'poste-1')
    expect(sessions.end(session.id, 'logout')).toBe(true)
    expect(ends).toEqual([{ id: session.id, reason: 'logout' }])
    expect(session.state).toBe('ended')
    expect(sessions.get(session.id)).toBeNull()
    expect(sessions.resume(session.token)).toBeNull()
    expect(sessions.end(session.id, 'logout')).toBe(false)
    expect(clock.pendingDelays()).toEqual([])
  })

  it('expires twelve hours after opening, locked or not', () => {
    const { clock, sessions, ends } = harness()
    const session = sessions.open(userView(), 'poste-1')
    expect(SESSION_MAX_AGE_MS).toBe(12 * 60 * MINUTE)
    for (let hour = 0; hour < 11; hour += 1) {
      clock.advance(60 * MINUTE)
      sessions.unlock(session.id)
    }
    clock.advance(60 * MINUTE - 1)
    expect(sessions.get(session.id)).toBe(session)
    clock.advance(1)
    expect(ends).toEqual([{ id: session.id, reason: 'expired' }])
    expect(sessions.resume(session.token)).toBeNull()
  })

  it('ends every session of a disabled account and no other', () => {
    const { sessions, ends } = harness()
    const mine = [sessions.open(userView({ id: 7 }), 'poste-1'), sessions.open(userView({ id: 7 }), 'navigateur')]
    const other = sessions.open(userView({ id: 8 }), 'poste-2')
    expect(sessions.endAllFor(7, 'disabled')).toBe(2)
    expect(ends).toEqual(mine.map((session) => ({ id: session.id, reason: 'disabled' })))
    expect(sessions.get(other.id)).toBe(other)
  })

  it('keeps going when a listener throws', () => {
    const clock = new FakeClock()
    const logged: string[] = []
    const sessions = new SessionManager({ idleTimeoutMs: () => MINUTE, clock, log: (message) => logged.push(message) })
    const seen: ActiveSession[] = []
    sessions.onDidLock(() => {
      throw new Error('connexion fermée')
    })
    sessions.onDidLock((session) => seen.push(session))
    const session = sessions.open(userView(), 'poste-1')
    clock.advance(MINUTE)
    expect(seen).toEqual([session])
    expect(logged.join('\n')).toContain('connexion fermée')
  })
})

describe('account changes', () => {
  it('applies new roles to the person’s open sessions at once', () => {
    const { sessions } = harness()
    const session = sessions.open(userView({ id: 7, roles: ['operator'] }), 'poste-1')
    sessions.refreshUser(userView({ id: 7, roles: ['supervisor'] }))
    expect(session.user.roles).toEqual(['supervisor'])
    expect(sessions.toSession(session).permissions).toContain('audit.read')
  })

  it('stops every timer on dispose', () => {
    const { clock, sessions, ends } = harness()
    sessions.open(userView(), 'poste-1')
    sessions.dispose()
    expect(clock.pendingDelays()).toEqual([])
    expect(ends).toEqual([])
  })
})
