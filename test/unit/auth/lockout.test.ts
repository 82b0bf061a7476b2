import { afterEach, describe, expect, it } from 'vitest'
import { FIRST_LOCK_MS, LOCKOUT_THRESHOLD, lockoutDelayMs, MAX_LOCK_MS } from '../../../electron/core/auth/lockout-policy'
import { newUser, OTHER_STRONG, setUpFixture, type AccountFixture } from './support'

const WRONG = 'pas-le-bon-mot-de-passe'

let fixture: AccountFixture | null = null

afterEach(async () => {
  await fixture?.dispose()
  fixture = null
})

async function withOperator() {
  const setUp = await setUpFixture()
  fixture = setUp
  const zoe = await setUp.accounts.createUser(newUser('zoe', ['operator']))
  return { ...setUp, zoe }
}

describe('lockout delay', () => {
  it('is nothing below five failures, then 30 s doubling with each failure up to one hour', () => {
    expect(LOCKOUT_THRESHOLD).toBe(5)
    expect([0, 1, 2, 3, 4].map(lockoutDelayMs)).toEqual([0, 0, 0, 0, 0])
    expect([5, 6, 7, 8].map(lockoutDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(lockoutDelayMs(11)).toBe(FIRST_LOCK_MS * 64)
    expect(lockoutDelayMs(12)).toBe(MAX_LOCK_MS)
    expect(lockoutDelayMs(10_000)).toBe(MAX_LOCK_MS)
  })
})

describe('sign-in lockout', () => {
  it('locks after five consecutive failures and says so on the failure that locked it', async () => {
    const { accounts, time, zoe } = await withOperator()
    for (let i = 0; i < 4; i += 1) expect(await accounts.verifyLogin('zoe', WRONG, time.now())).toEqual({ kind: 'bad-credentials' })
    expect(await accounts.verifyLogin('zoe', WRONG, time.now())).toEqual({ kind: 'locked', until: time.value + 30_000, lockedNow: true })
    expect((await accounts.get(zoe.id))?.lockedUntil).toBe(time.value + 30_000)
  })

  it('refuses even the right password while locked, without counting it', async () => {
    const { accounts, time } = await withOperator()
    for (let i = 0; i < 5; i += 1) await accounts.verifyLogin('zoe', WRONG, time.now())
    const until = time.value + 30_000
    time.advance(29_999)
    expect(await accounts.verifyLogin('zoe', OTHER_STRONG, time.now())).toEqual({ kind: 'locked', until, lockedNow: false })
    time.advance(1)
    expect((await accounts.verifyLogin('zoe', OTHER_STRONG, time.now())).kind).toBe('ok')
  })

  it('locks longer with each further failure once the lock has run out', async () => {
    const { accounts, time, zoe } = await withOperator()
    for (let i = 0; i < 5; i += 1) await accounts.verifyLogin('zoe', WRONG, time.now())
    const delays: number[] = []
    for (let round = 0; round < 3; round += 1) {
      time.value = (await accounts.get(zoe.id))?.lockedUntil ?? time.value
      const outcome = await accounts.verifyLogin('zoe', WRONG, time.now())
      if (outcome.kind !== 'locked' || !outcome.lockedNow) throw new Error(`expected a new lock, got ${JSON.stringify(outcome)}`)
      delays.push(outcome.until - time.value)
    }
    expect(delays).toEqual([60_000, 120_000, 240_000])
  })

  it('starts counting afresh after a successful sign-in', async () => {
    const { accounts, time, zoe } = await withOperator()
    for (let i = 0; i < 4; i += 1) await accounts.verifyLogin('zoe', WRONG, time.now())
    expect((await accounts.verifyLogin('zoe', OTHER_STRONG, time.now())).kind).toBe('ok')
    for (let i = 0; i < 4; i += 1) expect(await accounts.verifyLogin('zoe', WRONG, time.now())).toEqual({ kind: 'bad-credentials' })
    expect((await accounts.get(zoe.id))?.lockedUntil).toBeNull()
  })

  it('shows a lock that has run out as no lock at all', async () => {
    const { accounts, time, zoe } = await withOperator()
    for (let i = 0; i < 5; i += 1) await accounts.verifyLogin('zoe', WRONG, time.now())
    time.advance(30_000)
    expect((await accounts.get(zoe.id))?.lockedUntil).toBeNull()
  })

  it('does not let attempts made side by side get past the lock', async () => {
    const { accounts, time } = await withOperator()
    const outcomes = await Promise.all(Array.from({ length: 7 }, () => accounts.verifyLogin('zoe', WRONG, time.now())))
    expect(outcomes.filter((outcome) => outcome.kind === 'bad-credentials')).toHaveLength(4)
    expect(outcomes.filter((outcome) => outcome.kind === 'locked' && outcome.lockedNow)).toHaveLength(1)
    expect(outcomes.filter((outcome) => outcome.kind === 'locked' && !outcome.lockedNow)).toHaveLength(2)
  })

  it('counts wrong passwords typed to unlock a screen, and never locks an unknown username', async () => {
    const { accounts, time, zoe } = await withOperator()
    for (let i = 0; i < 4; i += 1) await accounts.verifyUserPassword(zoe.id, WRONG, time.now())
    expect(await accounts.verifyUserPassword(zoe.id, WRONG, time.now())).toMatchObject({ kind: 'locked', lockedNow: true })
    for (let i = 0; i < 6; i += 1) expect(await accounts.verifyLogin('personne', WRONG, time.now())).toEqual({ kind: 'bad-credentials' })
  })
})
