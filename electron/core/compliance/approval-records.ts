import { RoleSchema, type Role } from '../../shared/accounts'
import type { ModuleId } from '../../shared/compliance'
import type { SqlExecutor } from '../store/database'

/** Approvals and revocations of the modules' unlocks, read and written inside a transaction the caller opened. */

export interface ApprovalRecord {
  id: number
  moduleId: ModuleId
  userId: number
  username: string
  role: Role
  at: number
  justification: string
  fingerprint: string
  revocationId: number | null
}

export interface RevocationRecord {
  id: number
  moduleId: ModuleId
  fingerprint: string
  userId: number
  username: string
  at: number
  justification: string
  /** Whether the module was unlocked when this happened: only then is it shown as REVOKED. */
  wasUnlocked: boolean
}

interface ApprovalRow {
  id: number
  user_id: number
  username: string
  role: string
  at: number
  justification: string
  fingerprint: string
  revocation_id: number | null
}

interface RevocationRow {
  id: number
  fingerprint: string
  user_id: number
  username: string
  at: number
  justification: string
  was_unlocked: number
}

export function approvalsOf(sql: SqlExecutor, moduleId: ModuleId): ApprovalRecord[] {
  return sql
    .all<ApprovalRow>(
      `SELECT id, user_id, username, role, at, justification, fingerprint, revocation_id
       FROM compliance_approvals WHERE module_id = ? ORDER BY at, id`,
      [moduleId]
    )
    .map((row) => ({
      id: row.id,
      moduleId,
      userId: row.user_id,
      username: row.username,
      role: RoleSchema.parse(row.role),
      at: row.at,
      justification: row.justification,
      fingerprint: row.fingerprint,
      revocationId: row.revocation_id
    }))
}

export function revocationsOf(sql: SqlExecutor, moduleId: ModuleId): RevocationRecord[] {
  return sql
    .all<RevocationRow>(
      `SELECT id, fingerprint, user_id, username, at, justification, was_unlocked
       FROM compliance_revocations WHERE module_id = ? ORDER BY at, id`,
      [moduleId]
    )
    .map((row) => ({
      id: row.id,
      moduleId,
      fingerprint: row.fingerprint,
      userId: row.user_id,
      username: row.username,
      at: row.at,
      justification: row.justification,
      wasUnlocked: row.was_unlocked === 1
    }))
}

export function insertApproval(sql: SqlExecutor, approval: Omit<ApprovalRecord, 'id' | 'revocationId'>): void {
  sql.run(
    `INSERT INTO compliance_approvals (module_id, user_id, username, role, at, justification, fingerprint)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [approval.moduleId, approval.userId, approval.username, approval.role, approval.at, approval.justification, approval.fingerprint]
  )
}

/** Records the revocation and retires the approvals it ends. */
export function insertRevocation(sql: SqlExecutor, revocation: Omit<RevocationRecord, 'id'>, approvalIds: readonly number[]): void {
  const { lastInsertRowid } = sql.run(
    `INSERT INTO compliance_revocations (module_id, fingerprint, user_id, username, at, justification, was_unlocked)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      revocation.moduleId,
      revocation.fingerprint,
      revocation.userId,
      revocation.username,
      revocation.at,
      revocation.justification,
      revocation.wasUnlocked ? 1 : 0
    ]
  )
  for (const id of approvalIds) {
    sql.run('UPDATE compliance_approvals SET revocation_id = ? WHERE id = ? AND revocation_id IS NULL', [lastInsertRowid, id])
  }
}
