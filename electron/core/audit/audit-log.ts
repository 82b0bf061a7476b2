import { AuditQuerySchema, type AuditEntry, type AuditQueryInput, type AuditVerification } from '../../shared/audit'
import { RpcError } from '../../shared/result'
import type { Database } from '../store/database'
import { appendWithin, type AuditAppendInput } from './audit-append'
import { auditHeadMarkerPath, HeadMarkerWriter, readHeadMarker } from './audit-head-marker'
import { loadOrCreateAuditKey } from './audit-key'
import { MIN_AUDIT_RETENTION_DAYS, purgeWithin } from './audit-purge'
import { selectEntries, type AuditFilter, type AuditPage } from './audit-query'
import { rowToEntry, type AuditRow, type ChainHead } from './audit-rows'
import { AuditSigner } from './audit-signer'
import { verifyChain } from './audit-verify'

export interface AuditLogOptions {
  /** The signed head marker's file, beside the key and outside the database (see audit-head-marker). */
  headMarkerPath: string
  /** How often, at most, the head marker is rewritten. One second by default. */
  headMarkerIntervalMs?: number
  now?: () => number
  log?: (message: string) => void
}

export interface AuditPurgeOptions {
  /** Whole days, at least MIN_AUDIT_RETENTION_DAYS (six months). */
  retentionDays: number
  now: number
  actor?: string
  workstation?: string
}

/** Who a purge is recorded as when the core's own retention job runs it. */
export const SYSTEM_ACTOR = 'system'
export const SYSTEM_WORKSTATION = 'vigie-core'

/**
 * The tamper-evident audit trail. Append-only; each entry holds the hash of the one before, and each
 * hash is an HMAC with a key kept outside the database, so rewriting, removing or inserting entries
 * is detected by verify() unless the key was taken too.
 *
 * Several processes (the app, the command line) may append to the same database: each append is
 * one transaction that takes the write lock before reading the head.
 */
export class AuditLog {
  private readonly signer: AuditSigner
  private readonly headMarker: HeadMarkerWriter
  private readonly now: () => number

  constructor(
    private readonly db: Database,
    key: Uint8Array,
    private readonly options: AuditLogOptions
  ) {
    this.signer = new AuditSigner(key)
    this.now = options.now ?? Date.now
    const log = options.log ?? (() => {})
    this.headMarker = new HeadMarkerWriter({
      path: options.headMarkerPath,
      signer: this.signer,
      readHead: async () => (await db.get<ChainHead>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')) ?? null,
      minIntervalMs: options.headMarkerIntervalMs ?? 1000,
      onError: (error) => log(error.message)
    })
  }

  async append(input: AuditAppendInput): Promise<AuditEntry> {
    const at = Math.floor(this.now())
    const entry = await this.db.transaction((sql) => appendWithin(sql, this.signer, input, at))
    this.headMarker.noteAppend()
    return entry
  }

  /** One page of the trail, newest first, filtered by person, camera, action and period. */
  async query(input: AuditQueryInput): Promise<AuditPage> {
    const { before, limit, ...filter } = AuditQuerySchema.parse(input)
    // One row more than asked tells whether an older page exists.
    const { sql, params } = selectEntries(filter, before, limit + 1)
    const rows = await this.db.all<AuditRow>(sql, params)
    const entries = rows.slice(0, limit).map(rowToEntry)
    return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].seq : null }
  }

  /** Every entry matching the filter, newest first, up to `max`: what an export holds. */
  async collect(filter: AuditFilter, max: number): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
    const { sql, params } = selectEntries(filter, undefined, max + 1)
    const rows = await this.db.all<AuditRow>(sql, params)
    return { entries: rows.slice(0, max).map(rowToEntry), truncated: rows.length > max }
  }

  async verify(): Promise<AuditVerification> {
    // The marker is read before the chain: it is written after the entries it names, so the chain
    // read next is at least as long as the marker says, even while other processes append.
    const marker = await readHeadMarker(this.options.headMarkerPath, this.signer)
    const verifiedAt = this.now()
    return this.db.transaction((sql) => verifyChain(sql, this.signer, marker, verifiedAt))
  }

  /**
   * Deletes the entries older than the retention, leaving a signed checkpoint so that the rest still
   * verifies, and records an `audit.purge` entry. Returns how many entries went.
   */
  async purge(options: AuditPurgeOptions): Promise<number> {
    const { retentionDays, now } = options
    if (!Number.isInteger(retentionDays) || retentionDays < MIN_AUDIT_RETENTION_DAYS) {
      throw new RpcError(
        'INVALID_INPUT',
        `La durée de conservation du journal d'audit doit être d'au moins ${MIN_AUDIT_RETENTION_DAYS} jours (six mois), en jours entiers.`
      )
    }
    const request = {
      retentionDays,
      now: Math.floor(now),
      actor: options.actor ?? SYSTEM_ACTOR,
      workstation: options.workstation ?? SYSTEM_WORKSTATION
    }
    const purged = await this.db.transaction((sql) => purgeWithin(sql, this.signer, request))
    if (purged > 0) this.headMarker.noteAppend()
    return purged
  }

  /** Writes the head marker one last time. The database belongs to the caller, who closes it. */
  close(): Promise<void> {
    return this.headMarker.close()
  }
}

/** The audit log of an installation: its key (created on first use) and head marker live in `keysDir`. */
export async function openAuditLog(
  db: Database,
  keysDir: string,
  options: Omit<AuditLogOptions, 'headMarkerPath'> = {}
): Promise<AuditLog> {
  const key = await loadOrCreateAuditKey(keysDir)
  return new AuditLog(db, key, { ...options, headMarkerPath: auditHeadMarkerPath(keysDir) })
}
