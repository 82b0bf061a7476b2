import { afterEach, describe, expect, it } from 'vitest'
import { AccountService } from '../../../electron/core/auth/account-service'
import {
  accountFixture,
  expectRpcError,
  newUser,
  ORGANISATION,
  OTHER_STRONG,
  setUpFixture,
  shippedCommonPasswords,
  STRONG,
  THIRD_STRONG,
  type AccountFixture
} from './support'

let fixture: AccountFixture | null = null

afterEach(async () => {
  await fixture?.dispose()
  fixture = null
})

async function fresh(): Promise<AccountFixture> {
  fixture = await accountFixture()
  return fixture
}

async function installed(): ReturnType<typeof setUpFixture> {
  const setUp = await setUpFixture()
  fixture = setUp
  return setUp
}

describe('first run', () => {
  it('creates the organisation profile and the first administrator together', async () => {
    const { accounts, time } = await fresh()
    expect(await accounts.countUsers()).toBe(0)
    expect(await accounts.getOrganisation()).toBeNull()

    const admin = await accounts.createFirstAdmin(ORGANISATION, { username: 'Admin', displayName: 'Anne Admin', password: STRONG })

    expect(admin).toEqual({
      id: admin.id,
      username: 'Admin',
      displayName: 'Anne Admin',
      roles: ['admin'],
      groups: [],
      allGroups: true,
      disabled: false,
      lockedUntil: null,
      createdAt: time.value
    })
    expect(await accounts.getOrganisation()).toEqual({ ...ORGANISATION, idleTimeoutMinutes: 15, auditRetentionDays: 183 })
    expect(await accounts.countUsers()).toBe(1)
  })

  it('happens once: a second attempt is a CONFLICT and changes nothing', async () => {
    const { accounts } = await installed()
    const error = await expectRpcError(
      accounts.createFirstAdmin(
        { name: 'Autre ville', deployer: 'gendarmerie' },
        { username: 'intrus', displayName: 'Intrus', password: OTHER_STRONG }
      ),
      'CONFLICT'
    )
    expect(error.message).toContain('déjà configuré')
    expect((await accounts.getOrganisation())?.name).toBe(ORGANISATION.name)
    expect((await accounts.list()).map((user) => user.username)).toEqual(['admin'])
  })

  it('lets only one of two simultaneous first-run requests through', async () => {
    const { accounts } = await fresh()
    const results = await Promise.allSettled([
      accounts.createFirstAdmin(ORGANISATION, { username: 'premier', displayName: 'Premier', password: STRONG }),
      accounts.createFirstAdmin(ORGANISATION, { username: 'second', displayName: 'Second', password: OTHER_STRONG })
    ])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    expect(await accounts.countUsers()).toBe(1)
  })

  it('writes nothing when the password or the organisation profile is refused', async () => {
    const { accounts } = await fresh()
    await expectRpcError(accounts.createFirstAdmin(ORGANISATION, { username: 'admin', displayName: 'A', password: 'Azerty123456!' }), 'INVALID_INPUT')
    await expectRpcError(
      accounts.createFirstAdmin({ ...ORGANISATION, auditRetentionDays: 30 }, { username: 'admin', displayName: 'A', password: STRONG }),
      'INVALID_INPUT'
    )
    expect(await accounts.countUsers()).toBe(0)
    expect(await accounts.getOrganisation()).toBeNull()
  })
})

describe('accounts', () => {
  it('creates people with their roles and camera groups, listed by username', async () => {
    const { accounts } = await installed()
    const created = await accounts.createUser(newUser('Zoe.Martin', ['operator', 'supervisor'], ['port', 'centre', 'port']))
    expect(created).toMatchObject({ username: 'Zoe.Martin', roles: ['operator', 'supervisor'], groups: ['centre', 'port'], allGroups: false })
    await accounts.createUser(newUser('bruno', ['dpo']))
    expect((await accounts.list()).map((user) => user.username)).toEqual(['admin', 'bruno', 'Zoe.Martin'])
    expect(await accounts.get(created.id)).toEqual(created)
    expect(await accounts.get(9999)).toBeNull()
  })

  it('refuses a username already taken in another case, and an account without a role', async () => {
    const { accounts } = await installed()
    await accounts.createUser(newUser('zoe', ['operator']))
    await expectRpcError(accounts.createUser(newUser('ZOE', ['operator'])), 'CONFLICT')
    await expectRpcError(accounts.createUser(newUser('marc', [])), 'INVALID_INPUT')
  })

  it('refuses a weak password for a new account, with the policy’s reasons', async () => {
    const { accounts } = await installed()
    const error = await expectRpcError(accounts.createUser({ ...newUser('marc', ['operator']), password: 'marc-soleil' }), 'INVALID_INPUT')
    expect(error.message).toContain('au moins 12 caractères')
    expect(error.message).toContain('identifiant')
  })

  it('gives administrators every camera group whatever was stored', async () => {
    const { accounts } = await installed()
    const second = await accounts.createUser({ ...newUser('paul', ['admin', 'operator'], ['port']), allGroups: false })
    expect(second.allGroups).toBe(true)
  })

  it('updates roles, groups, display name and the all-groups flag', async () => {
    const { accounts } = await installed()
    const zoe = await accounts.createUser(newUser('zoe', ['operator'], ['port']))
    const updated = await accounts.updateUser({
      id: zoe.id,
      displayName: 'Zoé Martin',
      roles: ['supervisor'],
      groups: ['gare'],
      allGroups: true,
      disabled: false
    })
    expect(updated).toMatchObject({ displayName: 'Zoé Martin', roles: ['supervisor'], groups: ['gare'], allGroups: true })
    await expectRpcError(accounts.updateUser({ ...updated, id: 9999 }), 'NOT_FOUND')
  })

  it('stores and returns the organisation profile', async () => {
    const { accounts } = await installed()
    const changed = await accounts.setOrganisation({ ...ORGANISATION, idleTimeoutMinutes: 5, auditRetentionDays: 365 })
    expect(changed.idleTimeoutMinutes).toBe(5)
    expect(await accounts.getOrganisation()).toEqual(changed)
    await expectRpcError(accounts.setOrganisation({ ...ORGANISATION, deployer: 'mairie' as 'commune' }), 'INVALID_INPUT')
  })
})

describe('disabled accounts', () => {
  it('cannot sign in, keep their row, and sign in again once re-enabled', async () => {
    const { accounts, time } = await installed()
    const zoe = await accounts.createUser(newUser('zoe', ['operator'], ['port']))
    await accounts.updateUser({ ...zoe, disabled: true })

    expect(await accounts.verifyLogin('zoe', OTHER_STRONG, time.now())).toEqual({ kind: 'disabled' })
    // Without the right password, a disabled account looks like any failure.
    expect(await accounts.verifyLogin('zoe', STRONG, time.now())).toEqual({ kind: 'bad-credentials' })
    expect(await accounts.get(zoe.id)).toMatchObject({ username: 'zoe', disabled: true, roles: ['operator'], groups: ['port'] })

    await accounts.updateUser({ ...zoe, disabled: false })
    expect((await accounts.verifyLogin('zoe', OTHER_STRONG, time.now())).kind).toBe('ok')
  })
})

describe('the last active administrator', () => {
  it('cannot be disabled nor lose the admin role, and the refused change leaves the account as it was', async () => {
    const { accounts, admin } = await installed()
    const disabling = await expectRpcError(accounts.updateUser({ ...admin, displayName: 'Changé', disabled: true }), 'CONFLICT')
    expect(disabling.message).toContain('dernier administrateur actif')
    const demoting = await expectRpcError(accounts.updateUser({ ...admin, roles: ['supervisor'], disabled: false }), 'CONFLICT')
    expect(demoting.message).toContain('retirer le rôle administrateur')
    expect(await accounts.get(admin.id)).toEqual(admin)
  })

  it('still counts as the last one when the other administrator is disabled', async () => {
    const { accounts, admin } = await installed()
    const other = await accounts.createUser(newUser('paul', ['admin']))
    await accounts.updateUser({ ...other, disabled: true })
    await expectRpcError(accounts.updateUser({ ...admin, disabled: true }), 'CONFLICT')
  })

  it('may step down once another administrator is active', async () => {
    const { accounts, admin } = await installed()
    await accounts.createUser(newUser('paul', ['admin']))
    const steppedDown = await accounts.updateUser({ ...admin, roles: ['supervisor'], allGroups: false, disabled: false })
    expect(steppedDown).toMatchObject({ roles: ['supervisor'], allGroups: false })
    expect((await accounts.updateUser({ ...admin, roles: ['supervisor'], disabled: true })).disabled).toBe(true)
  })
})

describe('passwords', () => {
  it('changes one’s own password: the new one works, the old one no longer does', async () => {
    const { accounts, admin, time } = await installed()
    const changed = await accounts.changePassword(admin.id, STRONG, THIRD_STRONG)
    expect(changed.kind).toBe('ok')
    expect((await accounts.verifyLogin('admin', THIRD_STRONG, time.now())).kind).toBe('ok')
    expect(await accounts.verifyLogin('admin', STRONG, time.now())).toEqual({ kind: 'bad-credentials' })
  })

  it('refuses a change with a wrong current password, a weak new one, or the same one again', async () => {
    const { accounts, admin, time } = await installed()
    expect(await accounts.changePassword(admin.id, OTHER_STRONG, THIRD_STRONG)).toEqual({ kind: 'bad-credentials' })
    await expectRpcError(accounts.changePassword(admin.id, STRONG, 'motdepasse-2024'), 'INVALID_INPUT')
    const same = await expectRpcError(accounts.changePassword(admin.id, STRONG, STRONG), 'INVALID_INPUT')
    expect(same.message).toContain('différent')
    expect((await accounts.verifyLogin('admin', STRONG, time.now())).kind).toBe('ok')
  })

  it('lets an administrator reset someone’s password, which also lifts a lockout', async () => {
    const { accounts, time } = await installed()
    const zoe = await accounts.createUser(newUser('zoe', ['operator']))
    for (let i = 0; i < 5; i += 1) await accounts.verifyLogin('zoe', 'pas le bon mot de passe', time.now())
    expect((await accounts.get(zoe.id))?.lockedUntil).not.toBeNull()

    const reset = await accounts.resetPassword(zoe.id, THIRD_STRONG)
    expect(reset.lockedUntil).toBeNull()
    expect((await accounts.verifyLogin('zoe', THIRD_STRONG, time.now())).kind).toBe('ok')
    await expectRpcError(accounts.resetPassword(zoe.id, 'zoezoezoezoe'), 'INVALID_INPUT')
    await expectRpcError(accounts.resetPassword(9999, THIRD_STRONG), 'NOT_FOUND')
  })

  it('signs in whatever the case of the username', async () => {
    const { accounts, admin, time } = await installed()
    expect(await accounts.verifyLogin('  ADMIN ', STRONG, time.now())).toEqual({ kind: 'ok', user: admin })
  })

  it('re-hashes a password made with older parameters at the next sign-in', async () => {
    const { accounts, db, admin, time } = await installed()
    const stronger = new AccountService(db, {
      commonPasswords: await shippedCommonPasswords(),
      now: time.now,
      scrypt: { N: 2 ** 11, r: 8, p: 1, keyLength: 32 }
    })
    expect(await db.get('SELECT scrypt_n FROM users WHERE id = ?', [admin.id])).toEqual({ scrypt_n: 2 ** 10 })
    expect((await stronger.verifyLogin('admin', STRONG, time.now())).kind).toBe('ok')
    expect(await db.get('SELECT scrypt_n FROM users WHERE id = ?', [admin.id])).toEqual({ scrypt_n: 2 ** 11 })
    expect((await stronger.verifyLogin('admin', STRONG, time.now())).kind).toBe('ok')
    // The older service still reads the stored parameters, so nothing breaks while both are around.
    expect((await accounts.verifyLogin('admin', STRONG, time.now())).kind).toBe('ok')
  })
})
