import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../shared/audit'
import type { SqlExecutor } from '../store/database'
import type { ChainHead } from './audit-rows'
import { GENESIS_HASH, type AuditSigner, type SignedEntryFields } from './audit-signer'

export interface AuditAppendInput {
  /** Username, `system` for the core's own jobs, `cli:<name>` for the command line. */
  actor: string
  action: AuditAction
  cameraId?: string | null
  /** What the action was about when it is not a camera: an account, a document, an alert… */
  target?: string | null
  workstation: string
  details?: Record<string, unknown>
}

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(AUDIT_ACTIONS)
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * SQLite stores text as UTF-8, where a lone UTF-16 surrogate becomes U+FFFD. The signed text must be
 * the stored text, or the entry would fail verification on its first reading.
 */
function storable(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd')
}

function storableOrNull(text: string | null | undefined): string | null {
  return text === undefined || text === null ? null : storable(text)
}

/** The entry the next one links to: the last row, else the last purge checkpoint, else genesis. */
export function readChainHead(sql: SqlExecutor): ChainHead {
  const last = sql.get<ChainHead>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
  if (last) return last
  const checkpoint = sql.get<{ seq: number; hash: string }>(
    'SELECT last_seq AS seq, last_hash AS hash FROM audit_checkpoint ORDER BY last_seq DESC LIMIT 1'
  )
  return checkpoint ?? { seq: 0, hash: GENESIS_HASH }
}

/** Appends one entry inside the caller's transaction, after taking the writer lock. */
export function appendWithin(sql: SqlExecutor, signer: AuditSigner, input: AuditAppendInput, at: number): AuditEntry {
  if (!KNOWN_ACTIONS.has(input.action)) throw new Error(`Action d'audit inconnue : ${String(input.action)}`)
  if (!Number.isSafeInteger(at)) throw new Error(`Horodatage d'audit invalide : ${at}`)
  const head = readChainHead(sql)
  const fields: SignedEntryFields = {
    seq: head.seq + 1,
    at,
    actor: storable(input.actor),
    action: input.action,
    camera_id: storableOrNull(input.cameraId),
    target: storableOrNull(input.target),
    workstation: storable(input.workstation),
    // JSON.stringify escapes lone surrogates itself: the text is always storable as is.
    details: JSON.stringify(input.details ?? {}),
    prev_hash: head.hash
  }
  const hash = signer.entryHash(fields)
  sql.run(
    'INSERT INTO audit_log (seq, at, actor, action, camera_id, target, workstation, details, prev_hash, hash) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [fields.seq, at, fields.actor, fields.action, fields.camera_id, fields.target, fields.workstation, fields.details, fields.prev_hash, hash]
  )
  return {
    seq: fields.seq,
    at,
    actor: fields.actor,
    action: input.action,
    cameraId: fields.camera_id,
    target: fields.target,
    workstation: fields.workstation,
    details: JSON.parse(fields.details) as Record<string, unknown>
  }
}
