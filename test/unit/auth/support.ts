import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'
import type { OrganisationInput, Role, UserView } from '../../../electron/shared/accounts'
import { RpcError, type ErrorCode } from '../../../electron/shared/result'
import { AccountService } from '../../../electron/core/auth/account-service'
import type { ScryptParams } from '../../../electron/core/auth/password-hash'
import { COMMON_PASSWORDS_FILE, loadCommonPasswords, type CommonPasswords } from '../../../electron/core/auth/password-policy'
import { openDatabase, type Database } from '../../../electron/core/store/database'
import { accounts } from '../../../electron/core/store/migrations/001-accounts'

/** Shared helpers for the account tests: a throw-away database, the shipped password list, a settable clock. */

export const repoRoot = resolve(import.meta.dirname, '..', '..', '..')

/** Cheap scrypt parameters so that the service tests do not spend their time hashing; the hashing tests use the real ones. */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 }

export const ORGANISATION: OrganisationInput = { name: 'Ville de Saint-Malo', deployer: 'commune', dpoContact: 'dpo@saint-malo.fr' }

/** Passwords the policy accepts. */
export const STRONG = 'Quai-des-Remparts#1758'
export const OTHER_STRONG = 'Lanterne-Grise&Pavois9'
export const THIRD_STRONG = 'Brume-sur-le-Sillon!47'

let commonPasswords: CommonPasswords | null = null

export async function shippedCommonPasswords(): Promise<CommonPasswords> {
  commonPasswords ??= await loadCommonPasswords(join(repoRoot, COMMON_PASSWORDS_FILE))
  return commonPasswords
}

export interface TestDatabase {
  readonly db: Database
  /** Closes the file and opens it again, as a restart of the core would. */
  reopen(): Promise<Database>
  dispose(): Promise<void>
}

/** A database in a fresh directory, with the accounts migration only (the other migrations are not ours to test). */
export async function openAccountsDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-auth-'))
  const path = join(dir, 'vigie.db')
  let db = openDatabase(path, { migrations: [accounts] })
  return {
    get db() {
      return db
    },
    async reopen() {
      await db.close()
      db = openDatabase(path, { migrations: [accounts] })
      return db
    },
    async dispose() {
      await db.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/** A time that only moves when the test says so. */
export class SettableTime {
  constructor(public value = Date.UTC(2025, 2, 1, 8, 0, 0)) {}
  readonly now = (): number => this.value
  advance(ms: number): number {
    this.value += ms
    return this.value
  }
}

export interface AccountFixture extends TestDatabase {
  accounts: AccountService
  time: SettableTime
}

export async function accountFixture(scrypt: ScryptParams = FAST_SCRYPT): Promise<AccountFixture> {
  const database = await openAccountsDatabase()
  const time = new SettableTime()
  const service = new AccountService(database.db, { commonPasswords: await shippedCommonPasswords(), now: time.now, scrypt })
  return { ...database, accounts: service, time }
}

/** An installation with its first administrator (« admin », STRONG). */
export async function setUpFixture(): Promise<AccountFixture & { admin: UserView }> {
  const fixture = await accountFixture()
  const admin = await fixture.accounts.createFirstAdmin(ORGANISATION, { username: 'admin', displayName: 'Anne Admin', password: STRONG })
  return { ...fixture, admin }
}

export function newUser(username: string, roles: Role[], groups: string[] = []) {
  return { username, displayName: username, roles, groups, allGroups: false, password: OTHER_STRONG }
}

/** Awaits a rejection and checks it is an RpcError with `code`; returns it for further checks. */
export async function expectRpcError(promise: Promise<unknown>, code: ErrorCode): Promise<RpcError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason
  )
  expect(error).toBeInstanceOf(RpcError)
  expect((error as RpcError).code).toBe(code)
  return error as RpcError
}

/** A UserView as the account service would return it, for tests that need no database. */
export function userView(overrides: Partial<UserView> = {}): UserView {
  return {
    id: 1,
    username: 'zoe',
    displayName: 'Zoé Martin',
    roles: ['operator'],
    groups: ['port'],
    allGroups: false,
    disabled: false,
    lockedUntil: null,
    createdAt: 0,
    ...overrides
  }
}
