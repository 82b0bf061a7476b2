import { OrganisationSchema, type Organisation, type OrganisationInput, type Role, type UserView } from '../../shared/accounts'
import { RpcError } from '../../shared/result'
import type { Database, SqlExecutor } from '../store/database'
import { lockoutDelayMs } from './lockout-policy'
import { readOrganisation, writeOrganisation } from './organisation-records'
import { DEFAULT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyAgainstNobody, verifyPassword, type ScryptParams } from './password-hash'
import { passwordProblems, type CommonPasswords } from './password-policy'
import {
  countActiveAdmins,
  countUsers,
  findUserById,
  findUserByUsername,
  insertUser,
  listUserViews,
  rolesOf,
  storedHashOf,
  updateAccountFields,
  viewOf,
  writePassword,
  writeRehash,
  type UserRow
} from './user-records'

export interface NewAccount {
  username: string
  displayName: string
  password: string
}

export interface NewUser extends NewAccount {
  roles: readonly Role[]
  groups: readonly string[]
  allGroups: boolean
}

export interface UserUpdate {
  id: number
  displayName: string
  roles: readonly Role[]
  groups: readonly string[]
  allGroups: boolean
  disabled: boolean
}

/**
 * What checking a password gave. `locked` covers both an account that was already locked (the password
 * was not even checked) and a failure that just locked it (`lockedNow`: the caller audits that).
 * `disabled` is only told to someone who typed the right password, so that it reveals nothing to others.
 */
export type CredentialCheck =
  | { kind: 'ok'; user: UserView }
  | { kind: 'bad-credentials' }
  | { kind: 'locked'; until: number; lockedNow: boolean }
  | { kind: 'disabled' }

export interface AccountServiceOptions {
  commonPasswords: CommonPasswords
  now?: () => number
  /** Defaults to DEFAULT_SCRYPT_PARAMS; tests pass cheaper ones. Hashes made with others are upgraded at sign-in. */
  scrypt?: ScryptParams
}

function activeLock(row: UserRow, now: number): number | null {
  return row.locked_until !== null && row.locked_until > now ? row.locked_until : null
}

function assertHasRole(roles: readonly Role[]): void {
  if (roles.length === 0) throw new RpcError('INVALID_INPUT', 'Un compte doit avoir au moins un rôle.')
}

function parseOrganisation(input: OrganisationInput): Organisation {
  const parsed = OrganisationSchema.safeParse(input)
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')} : ${issue.message}`).join(' ; ')
    throw new RpcError('INVALID_INPUT', `Profil de l’organisation invalide (${details}).`)
  }
  return parsed.data
}

function notFound(id: number): RpcError {
  return new RpcError('NOT_FOUND', `Aucun compte n’a l’identifiant ${id}.`)
}

/**
 * People, their roles and camera groups, their passwords and the organisation profile. Accounts are never
 * deleted: disabling one keeps its row, so the audit trail still names who did what.
 */
export class AccountService {
  private readonly now: () => number
  private readonly scrypt: ScryptParams

  constructor(
    private readonly db: Database,
    private readonly options: AccountServiceOptions
  ) {
    this.now = options.now ?? Date.now
    this.scrypt = options.scrypt ?? DEFAULT_SCRYPT_PARAMS
  }

  countUsers(): Promise<number> {
    return this.db.transaction((sql) => countUsers(sql))
  }

  list(): Promise<UserView[]> {
    const now = this.now()
    return this.db.transaction((sql) => listUserViews(sql, now))
  }

  get(id: number): Promise<UserView | null> {
    const now = this.now()
    return this.db.transaction((sql) => {
      const row = findUserById(sql, id)
      return row ? viewOf(sql, row, now) : null
    })
  }

  getOrganisation(): Promise<Organisation | null> {
    return this.db.transaction((sql) => readOrganisation(sql))
  }

  async setOrganisation(input: OrganisationInput): Promise<Organisation> {
    const organisation = parseOrganisation(input)
    const now = this.now()
    await this.db.transaction((sql) => writeOrganisation(sql, organisation, now))
    return organisation
  }

  /** First run: the organisation profile and its first administrator, together or not at all. */
  async createFirstAdmin(organisationInput: OrganisationInput, admin: NewAccount): Promise<UserView> {
    const organisation = parseOrganisation(organisationInput)
    // Checked before hashing to answer at once, and again in the transaction in case two screens race.
    if ((await this.countUsers()) > 0) throw this.alreadySetUp()
    this.assertAcceptablePassword(admin.password, admin.username)
    const password = await hashPassword(admin.password, this.scrypt)
    const now = this.now()
    return this.db.transaction((sql) => {
      if (countUsers(sql) > 0) throw this.alreadySetUp()
      writeOrganisation(sql, organisation, now)
      const id = insertUser(sql, admin.username, { displayName: admin.displayName, roles: ['admin'], groups: [], allGroups: true }, password, now)
      return this.viewById(sql, id, now)
    })
  }

  async createUser(user: NewUser): Promise<UserView> {
    assertHasRole(user.roles)
    await this.db.transaction((sql) => this.assertUsernameFree(sql, user.username))
    this.assertAcceptablePassword(user.password, user.username)
    const password = await hashPassword(user.password, this.scrypt)
    const now = this.now()
    return this.db.transaction((sql) => {
      this.assertUsernameFree(sql, user.username)
      return this.viewById(sql, insertUser(sql, user.username, user, password, now), now)
    })
  }

  /** Roles, groups, display name and the disabled flag; Vigie always keeps one active administrator. */
  async updateUser(update: UserUpdate): Promise<UserView> {
    assertHasRole(update.roles)
    const now = this.now()
    return this.db.transaction((sql) => {
      const before = findUserById(sql, update.id)
      if (!before) throw notFound(update.id)
      const wasActiveAdmin = before.disabled === 0 && rolesOf(sql, update.id).includes('admin')
      updateAccountFields(sql, update.id, update)
      const isActiveAdmin = !update.disabled && update.roles.includes('admin')
      // Throwing here rolls the whole update back.
      if (wasActiveAdmin && !isActiveAdmin && countActiveAdmins(sql) === 0) {
        throw new RpcError(
          'CONFLICT',
          update.disabled
            ? 'Impossible de désactiver le dernier administrateur actif : nommez d’abord un autre administrateur.'
            : 'Impossible de retirer le rôle administrateur au dernier administrateur actif : nommez d’abord un autre administrateur.'
        )
      }
      return this.viewById(sql, update.id, now)
    })
  }

  /** By an administrator, for someone who forgot theirs; also lifts a lockout. */
  async resetPassword(id: number, newPassword: string): Promise<UserView> {
    const row = await this.db.transaction((sql) => findUserById(sql, id))
    if (!row) throw notFound(id)
    this.assertAcceptablePassword(newPassword, row.username)
    const password = await hashPassword(newPassword, this.scrypt)
    const now = this.now()
    return this.db.transaction((sql) => {
      writePassword(sql, id, password, now)
      return this.viewById(sql, id, now)
    })
  }

  /**
   * By the person themselves. A wrong current password counts as a failed sign-in (it is one more guess),
   * so the outcome is the same as for a sign-in; a refused new password throws INVALID_INPUT.
   */
  async changePassword(userId: number, current: string, next: string, now: number = this.now()): Promise<CredentialCheck> {
    const row = await this.db.transaction((sql) => findUserById(sql, userId))
    if (!row) throw notFound(userId)
    this.assertAcceptablePassword(next, row.username)
    if (next.normalize('NFC') === current.normalize('NFC')) {
      throw new RpcError('INVALID_INPUT', 'Le nouveau mot de passe doit être différent de l’actuel.')
    }
    const check = await this.checkCredentials(row, current, now)
    if (check.kind !== 'ok') return check
    const password = await hashPassword(next, this.scrypt)
    const user = await this.db.transaction((sql) => {
      writePassword(sql, userId, password, now)
      return this.viewById(sql, userId, now)
    })
    return { kind: 'ok', user }
  }

  /** Sign-in. Usernames are case-insensitive; failures count towards the lockout. */
  async verifyLogin(username: string, password: string, now: number): Promise<CredentialCheck> {
    const row = await this.db.transaction((sql) => findUserByUsername(sql, username))
    return this.checkCredentials(row, password, now)
  }

  /** The password of a signed-in person (unlocking their screen): the same bookkeeping as a sign-in. */
  async verifyUserPassword(userId: number, password: string, now: number): Promise<CredentialCheck> {
    const row = await this.db.transaction((sql) => findUserById(sql, userId))
    return this.checkCredentials(row, password, now)
  }

  private async checkCredentials(found: UserRow | undefined, password: string, now: number): Promise<CredentialCheck> {
    if (!found) {
      await verifyAgainstNobody(password, this.scrypt)
      return { kind: 'bad-credentials' }
    }
    const lockedUntil = activeLock(found, now)
    // While locked, the password is not even checked: guessing is what the lock is there to stop.
    if (lockedUntil !== null) return { kind: 'locked', until: lockedUntil, lockedNow: false }

    const stored = storedHashOf(found)
    const matches = await verifyPassword(password, stored)
    const check = await this.db.transaction((sql) => this.recordAttempt(sql, found.id, matches, now))
    if (check.kind === 'ok' && needsRehash(stored, this.scrypt)) {
      const upgraded = await hashPassword(password, this.scrypt)
      await this.db.transaction((sql) => writeRehash(sql, found.id, stored.hash, upgraded))
    }
    return check
  }

  /** The lockout bookkeeping, on a fresh read: attempts running side by side each see the others' failures. */
  private recordAttempt(sql: SqlExecutor, id: number, matches: boolean, now: number): CredentialCheck {
    const row = findUserById(sql, id)
    if (!row) return { kind: 'bad-credentials' }
    // Another attempt may have locked the account while this one was hashing: its result no longer counts.
    const lockedUntil = activeLock(row, now)
    if (lockedUntil !== null) return { kind: 'locked', until: lockedUntil, lockedNow: false }
    // A disabled account cannot sign in anyway; its row is left as it was.
    if (row.disabled === 1) return matches ? { kind: 'disabled' } : { kind: 'bad-credentials' }

    if (matches) {
      sql.run('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?', [id])
      return { kind: 'ok', user: viewOf(sql, { ...row, failed_attempts: 0, locked_until: null }, now) }
    }
    const failures = row.failed_attempts + 1
    const delay = lockoutDelayMs(failures)
    const until = delay > 0 ? now + delay : null
    sql.run('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?', [failures, until, id])
    return until === null ? { kind: 'bad-credentials' } : { kind: 'locked', until, lockedNow: true }
  }

  private assertAcceptablePassword(password: string, username: string): void {
    const problems = passwordProblems(password, { username, common: this.options.commonPasswords })
    if (problems.length > 0) throw new RpcError('INVALID_INPUT', problems.map((problem) => problem.message).join(' '))
  }

  private assertUsernameFree(sql: SqlExecutor, username: string): void {
    if (findUserByUsername(sql, username)) {
      throw new RpcError('CONFLICT', `L’identifiant « ${username.trim()} » est déjà pris (un compte désactivé le garde aussi).`)
    }
  }

  private alreadySetUp(): RpcError {
    return new RpcError('CONFLICT', 'Vigie est déjà configuré : le premier administrateur existe déjà.')
  }

  private viewById(sql: SqlExecutor, id: number, now: number): UserView {
    const row = findUserById(sql, id)
    if (!row) throw notFound(id)
    return viewOf(sql, row, now)
  }
}
