import type { SqlExecutor } from '../store/database'
import { appendWithin } from './audit-append'
import type { ChainHead } from './audit-rows'
import type { AuditSigner } from './audit-signer'

/** The law asks for at least six months of audit trail; an installation may keep more, never less. */
export const MIN_AUDIT_RETENTION_DAYS = 183
const DAY_MS = 24 * 60 * 60 * 1000

export interface PurgeRequest {
  /** Whole days, at least MIN_AUDIT_RETENTION_DAYS (checked by the caller). */
  retentionDays: number
  /** The purge's clock, epoch milliseconds: entries older than `now - retentionDays` go. */
  now: number
  actor: string
  workstation: string
}

/**
 * The last entry to remove. Only a prefix of the chain may go (the remaining entries must still link
 * to the checkpoint), so an old entry written after a newer one — a clock set back — waits for the
 * newer one to expire too.
 */
function lastPurgeable(sql: SqlExecutor, cutoff: number): ChainHead | undefined {
  const firstKept = sql.get<{ seq: number | null }>('SELECT MIN(seq) AS seq FROM audit_log WHERE at >= ?', [cutoff])?.seq ?? null
  if (firstKept === null) return sql.get<ChainHead>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
  return sql.get<ChainHead>('SELECT seq, hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1', [firstKept])
}

/**
 * Removes the entries older than the retention, inside the caller's transaction: first a signed
 * checkpoint naming the last entry removed (the first remaining entry links to its hash), then the
 * deletion through the purge gate, then an `audit.purge` entry. All or nothing. Returns the number
 * of entries removed; when there are none, nothing is written.
 */
export function purgeWithin(sql: SqlExecutor, signer: AuditSigner, request: PurgeRequest): number {
  const cutoff = request.now - request.retentionDays * DAY_MS
  const last = lastPurgeable(sql, cutoff)
  if (!last) return 0
  const count = sql.get<{ count: number }>('SELECT COUNT(*) AS count FROM audit_log WHERE seq <= ?', [last.seq])?.count ?? 0

  const checkpoint = {
    last_seq: last.seq,
    last_hash: last.hash,
    purged_count: count,
    purged_before: cutoff,
    created_at: request.now
  }
  sql.run(
    'INSERT INTO audit_checkpoint (last_seq, last_hash, purged_count, purged_before, created_at, signature) VALUES (?, ?, ?, ?, ?, ?)',
    [checkpoint.last_seq, checkpoint.last_hash, checkpoint.purged_count, checkpoint.purged_before, checkpoint.created_at, signer.checkpointSignature(checkpoint)]
  )
  sql.run('INSERT INTO audit_purge_gate (open) VALUES (1)')
  sql.run('DELETE FROM audit_log WHERE seq <= ?', [last.seq])
  sql.run('DELETE FROM audit_purge_gate')

  appendWithin(
    sql,
    signer,
    {
      actor: request.actor,
      action: 'audit.purge',
      workstation: request.workstation,
      details: {
        purgedCount: count,
        lastPurgedSeq: last.seq,
        retentionDays: request.retentionDays,
        purgedBefore: new Date(cutoff).toISOString()
      }
    },
    request.now
  )
  return count
}
