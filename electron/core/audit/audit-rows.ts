import type { AuditAction, AuditEntry } from '../../shared/audit'

/** An `audit_log` row as SQLite returns it (see migrations/002-audit). */
export interface AuditRow {
  seq: number
  at: number
  actor: string
  action: string
  camera_id: string | null
  target: string | null
  workstation: string
  /** The details object as JSON text: the exact text that was signed. */
  details: string
  prev_hash: string
  hash: string
}

/** An `audit_checkpoint` row: what a retention purge removed, signed. */
export interface CheckpointRow {
  id: number
  last_seq: number
  last_hash: string
  purged_count: number
  purged_before: number
  created_at: number
  signature: string
}

/** The last entry of the chain, which the next one links to. */
export interface ChainHead {
  seq: number
  hash: string
}

export const ENTRY_COLUMNS = 'seq, at, actor, action, camera_id, target, workstation, details, prev_hash, hash'

export function rowToEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    // Only this module writes the table, from the AuditAction type; a foreign value is caught by verify().
    action: row.action as AuditAction,
    cameraId: row.camera_id,
    target: row.target,
    workstation: row.workstation,
    details: parseDetails(row.details)
  }
}

/** A row altered by hand may hold anything: show it as found rather than fail the whole page. */
function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>
  } catch {
    // fall through
  }
  return { illisible: text }
}
