import { ROLES, type Role, type UserView } from '../../shared/accounts'
import type { SqlExecutor } from '../store/database'
import type { PasswordHash } from './password-hash'

/**
 * The SQL side of accounts: reading rows of `users`, `user_roles` and `user_groups` and turning them into
 * the contract's UserView. Every function runs inside a transaction the caller opened.
 */

export interface UserRow {
  id: number
  username: string
  display_name: string
  password_hash: Buffer
  password_salt: Buffer
  scrypt_n: number
  scrypt_r: number
  scrypt_p: number
  disabled: number
  all_groups: number
  failed_attempts: number
  locked_until: number | null
  created_at: number
  password_changed_at: number
}

export interface AccountFields {
  displayName: string
  roles: readonly Role[]
  groups: readonly string[]
  allGroups: boolean
}

export function storedHashOf(row: UserRow): PasswordHash {
  return {
    hash: row.password_hash,
    salt: row.password_salt,
    params: { N: row.scrypt_n, r: row.scrypt_r, p: row.scrypt_p, keyLength: row.password_hash.length }
  }
}

export function findUserById(sql: SqlExecutor, id: number): UserRow | undefined {
  return sql.get<UserRow>('SELECT * FROM users WHERE id = ?', [id])
}

/** Usernames compare without regard to case (the column is COLLATE NOCASE). */
export function findUserByUsername(sql: SqlExecutor, username: string): UserRow | undefined {
  return sql.get<UserRow>('SELECT * FROM users WHERE username = ?', [username.trim()])
}

export function countUsers(sql: SqlExecutor): number {
  return sql.get<{ count: number }>('SELECT COUNT(*) AS count FROM users')?.count ?? 0
}

export function countActiveAdmins(sql: SqlExecutor): number {
  return (
    sql.get<{ count: number }>(
      `SELECT COUNT(*) AS count FROM users JOIN user_roles ON user_roles.user_id = users.id
       WHERE user_roles.role = 'admin' AND users.disabled = 0`
    )?.count ?? 0
  )
}

export function rolesOf(sql: SqlExecutor, userId: number): Role[] {
  const held = new Set(sql.all<{ role: string }>('SELECT role FROM user_roles WHERE user_id = ?', [userId]).map((row) => row.role))
  return ROLES.filter((role) => held.has(role))
}

function groupsOf(sql: SqlExecutor, userId: number): string[] {
  return sql
    .all<{ group_name: string }>('SELECT group_name FROM user_groups WHERE user_id = ? ORDER BY group_name', [userId])
    .map((row) => row.group_name)
}

/** `lockedUntil` is null once the lock has run out, even though the row still holds the old instant. */
export function toUserView(row: UserRow, roles: Role[], groups: string[], now: number): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles,
    groups,
    // Administrators configure every camera, so they see every group whatever was stored.
    allGroups: row.all_groups === 1 || roles.includes('admin'),
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null,
    createdAt: row.created_at
  }
}

export function viewOf(sql: SqlExecutor, row: UserRow, now: number): UserView {
  return toUserView(row, rolesOf(sql, row.id), groupsOf(sql, row.id), now)
}

export function listUserViews(sql: SqlExecutor, now: number): UserView[] {
  return sql.all<UserRow>('SELECT * FROM users ORDER BY username COLLATE NOCASE').map((row) => viewOf(sql, row, now))
}

/** Replaces roles and groups wholesale: what the administrator's form shows is what gets stored. */
function writeRolesAndGroups(sql: SqlExecutor, userId: number, fields: AccountFields): void {
  sql.run('DELETE FROM user_roles WHERE user_id = ?', [userId])
  for (const role of new Set(fields.roles)) sql.run('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [userId, role])
  sql.run('DELETE FROM user_groups WHERE user_id = ?', [userId])
  for (const group of new Set(fields.groups.map((name) => name.trim()))) {
    sql.run('INSERT INTO user_groups (user_id, group_name) VALUES (?, ?)', [userId, group])
  }
}

export function insertUser(sql: SqlExecutor, username: string, fields: AccountFields, password: PasswordHash, now: number): number {
  const { lastInsertRowid } = sql.run(
    `INSERT INTO users (username, display_name, password_hash, password_salt, scrypt_n, scrypt_r, scrypt_p,
                        all_groups, created_at, password_changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      username.trim(),
      fields.displayName.trim(),
      password.hash,
      password.salt,
      password.params.N,
      password.params.r,
      password.params.p,
      fields.allGroups ? 1 : 0,
      now,
      now
    ]
  )
  writeRolesAndGroups(sql, lastInsertRowid, fields)
  return lastInsertRowid
}

export function updateAccountFields(sql: SqlExecutor, userId: number, fields: AccountFields & { disabled: boolean }): void {
  sql.run('UPDATE users SET display_name = ?, all_groups = ?, disabled = ? WHERE id = ?', [
    fields.displayName.trim(),
    fields.allGroups ? 1 : 0,
    fields.disabled ? 1 : 0,
    userId
  ])
  writeRolesAndGroups(sql, userId, fields)
}

/** A new password also lifts any lock: the person (or the administrator) just proved who they are. */
export function writePassword(sql: SqlExecutor, userId: number, password: PasswordHash, now: number): void {
  sql.run(
    `UPDATE users SET password_hash = ?, password_salt = ?, scrypt_n = ?, scrypt_r = ?, scrypt_p = ?,
                      password_changed_at = ?, failed_attempts = 0, locked_until = NULL
     WHERE id = ?`,
    [password.hash, password.salt, password.params.N, password.params.r, password.params.p, now, userId]
  )
}

/**
 * Same password, stronger parameters: the change date stays, as the person changed nothing. Only
 * replaces `previous`, so a password changed meanwhile (a reset by an administrator) is not undone.
 */
export function writeRehash(sql: SqlExecutor, userId: number, previous: Buffer, password: PasswordHash): void {
  sql.run(
    `UPDATE users SET password_hash = ?, password_salt = ?, scrypt_n = ?, scrypt_r = ?, scrypt_p = ?
     WHERE id = ? AND password_hash = ?`,
    [password.hash, password.salt, password.params.N, password.params.r, password.params.p, userId, previous]
  )
}
