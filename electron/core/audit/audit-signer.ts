import { AUDIT_KEY_BYTES } from './audit-key'
import type { AuditRow, ChainHead, CheckpointRow } from './audit-rows'
import { HmacSha256 } from './hmac-sha256'

/** What the first entry links to: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64)

/** Each kind of signed text starts with its own label, so that one can never pass for another. */
const ENTRY_LABEL = 'vigie-audit-entry-v1'
const CHECKPOINT_LABEL = 'vigie-audit-checkpoint-v1'
const HEAD_LABEL = 'vigie-audit-head-v1'

export type SignedEntryFields = Omit<AuditRow, 'hash'>
export type SignedCheckpointFields = Omit<CheckpointRow, 'id' | 'signature'>

/**
 * The canonical text of an entry: a JSON array of the previous hash and every stored field, in a
 * fixed order. JSON quoting makes it unambiguous (no field can spill into the next), and the details
 * go in as the stored JSON text, so nothing depends on the order of an object's keys.
 */
export function canonicalEntry(row: SignedEntryFields): string {
  return JSON.stringify([
    ENTRY_LABEL, row.prev_hash, row.seq, row.at, row.actor, row.action,
    row.camera_id, row.target, row.workstation, row.details
  ])
}

/**
 * How canonicalEntry's text begins: the label, the previous hash, the seq. Verification compares
 * this prefix instead of reading those columns apart: one comparison checks both the link and the
 * numbering. Hashes are hexadecimal, so JSON writes them without escapes.
 */
export function entryChainPrefix(prevHash: string, seq: number): string {
  return `["${ENTRY_LABEL}","${prevHash}",${seq},`
}

/**
 * The same text, computed by SQLite from the stored columns (json_array writes what JSON.stringify
 * writes for text, integers and null). Verification reads this column and the hash instead of all
 * ten: it halves the cost of walking a million rows. canonicalEntry remains the definition: a row whose SQL text
 * does not verify is checked again with it before being declared altered.
 */
export const CANONICAL_ENTRY_SQL =
  `json_array('${ENTRY_LABEL}', prev_hash, seq, at, actor, action, camera_id, target, workstation, details)`

/** Computes and checks the MACs of the audit trail with the installation's audit key. */
export class AuditSigner {
  private readonly mac: HmacSha256

  constructor(key: Uint8Array) {
    if (key.length !== AUDIT_KEY_BYTES) throw new Error(`La clé d'audit doit faire ${AUDIT_KEY_BYTES} octets.`)
    this.mac = new HmacSha256(key)
  }

  entryHash(row: SignedEntryFields): string {
    return this.mac.hex(canonicalEntry(row))
  }

  /** The MAC of an entry's canonical text as SQLite produced it (see CANONICAL_ENTRY_SQL). */
  canonicalHash(canonical: string): string {
    return this.mac.hex(canonical)
  }

  checkpointSignature(checkpoint: SignedCheckpointFields): string {
    return this.mac.hex(
      JSON.stringify([
        CHECKPOINT_LABEL, checkpoint.last_seq, checkpoint.last_hash, checkpoint.purged_count,
        checkpoint.purged_before, checkpoint.created_at
      ])
    )
  }

  headSignature(head: ChainHead): string {
    return this.mac.hex(JSON.stringify([HEAD_LABEL, head.seq, head.hash]))
  }
}
