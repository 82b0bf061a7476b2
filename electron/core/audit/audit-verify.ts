import type { AuditVerification } from '../../shared/audit'
import type { SqlExecutor } from '../store/database'
import type { HeadMarkerReading } from './audit-head-marker'
import { ENTRY_COLUMNS, type AuditRow, type ChainHead, type CheckpointRow } from './audit-rows'
import { CANONICAL_ENTRY_SQL, entryChainPrefix, GENESIS_HASH, type AuditSigner } from './audit-signer'

interface ChainRow {
  hash: string
  /** The entry's canonical text, from SQLite (see CANONICAL_ENTRY_SQL). */
  canonical: string
}

const WRONG_KEY_HINT = " (ou bien la clé d'audit n'est pas celle qui a signé ce journal)"

function missingEntries(first: number, last: number): string {
  return first === last
    ? `Entrée n° ${first} manquante : elle a été supprimée du journal`
    : `Entrées n° ${first} à ${last} manquantes : elles ont été supprimées du journal`
}

/**
 * Walks the whole chain in one read transaction (the caller's) and reports the first entry that
 * does not hold. Rows are streamed, never loaded all at once. Checks, in order: the purge
 * checkpoints' signatures; that nothing older than the last checkpoint remains; for each entry, that
 * its seq follows the previous one, that its MAC matches its fields and that it links to the
 * previous hash; then that the chain reaches the signed head marker.
 *
 * Runs in the calling thread: about 3 to 4 s per million entries, during which that thread does
 * nothing else.
 */
export function verifyChain(
  sql: SqlExecutor,
  signer: AuditSigner,
  marker: HeadMarkerReading,
  verifiedAt: number
): AuditVerification {
  let checked = 0
  let checkpointSeq: number | null = null
  const broken = (firstBrokenSeq: number | null, message: string, nothingHeldYet = false): AuditVerification => ({
    ok: false,
    checked,
    firstBrokenSeq,
    message: nothingHeldYet ? message + WRONG_KEY_HINT : message,
    checkpointSeq,
    verifiedAt
  })

  const checkpoints = sql.all<CheckpointRow>('SELECT * FROM audit_checkpoint ORDER BY last_seq')
  for (const [index, checkpoint] of checkpoints.entries()) {
    if (signer.checkpointSignature(checkpoint) !== checkpoint.signature) {
      return broken(
        checkpoint.last_seq + 1,
        `Point de contrôle de purge falsifié (entrées jusqu'au n° ${checkpoint.last_seq}) : sa signature ne correspond pas`,
        index === 0
      )
    }
  }

  // The chain starts after the last purge, from the hash that purge signed.
  const anchor = checkpoints.at(-1)
  const start: ChainHead = anchor ? { seq: anchor.last_seq, hash: anchor.last_hash } : { seq: 0, hash: GENESIS_HASH }
  checkpointSeq = anchor ? anchor.last_seq : null
  const leftover = sql.get<{ seq: number | null }>('SELECT MIN(seq) AS seq FROM audit_log WHERE seq <= ?', [start.seq])?.seq ?? null
  if (leftover !== null) {
    return broken(leftover, `Entrée n° ${leftover} présente alors que la purge l'avait supprimée : elle a été réinsérée`)
  }

  const macHolds = (row: ChainRow, seq: number): boolean => {
    if (signer.canonicalHash(row.canonical) === row.hash) return true
    // The definition is canonicalEntry(); SQLite's text is only the fast path. Should a future SQLite
    // write some value differently, the entry is judged on the definition before being called altered.
    const full = sql.get<AuditRow>(`SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE seq = ?`, [seq])
    return full !== undefined && signer.entryHash(full) === row.hash
  }
  const altered = (seq: number): string => `Entrée n° ${seq} altérée : son empreinte ne correspond plus`

  let expectedSeq = start.seq + 1
  let previousHash = start.hash
  let hashAtMarker: string | null = null
  const rows = sql.iterate<ChainRow>(
    `SELECT hash, ${CANONICAL_ENTRY_SQL} AS canonical FROM audit_log WHERE seq > ? ORDER BY seq`,
    [start.seq]
  )
  try {
    for (const row of rows) {
      if (!row.canonical.startsWith(entryChainPrefix(previousHash, expectedSeq))) {
        // Not the expected seq, or not linked to the previous hash: read which, for the report.
        const [, , seq] = JSON.parse(row.canonical) as [string, string, number]
        if (seq !== expectedSeq) return broken(expectedSeq, missingEntries(expectedSeq, seq - 1))
        if (!macHolds(row, seq)) return broken(seq, altered(seq), checked === 0)
        return broken(seq, `Entrée n° ${seq} : le lien avec l'entrée précédente est rompu`)
      }
      if (!macHolds(row, expectedSeq)) return broken(expectedSeq, altered(expectedSeq), checked === 0)
      if (marker.state === 'valid' && expectedSeq === marker.seq) hashAtMarker = row.hash
      previousHash = row.hash
      expectedSeq += 1
      checked += 1
    }
  } catch (error) {
    // SQLite cannot write a BLOB into JSON: a value of another type, put in by rebuilding the table
    // without its STRICT types. Judge the next row on its fields rather than fail to report.
    const next = sql.get<AuditRow>(`SELECT ${ENTRY_COLUMNS} FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT 1`, [expectedSeq])
    if (!next) throw error
    if (next.seq !== expectedSeq) return broken(expectedSeq, missingEntries(expectedSeq, next.seq - 1))
    if (signer.entryHash(next) !== next.hash) return broken(next.seq, altered(next.seq), checked === 0)
    throw error
  }
  const lastSeq = expectedSeq - 1

  // A purge appends its own entry right after its checkpoint: a checkpoint with nothing after it
  // means the end of the journal was removed.
  if (anchor && checked === 0) return broken(lastSeq + 1, missingEntries(lastSeq + 1, lastSeq + 1))

  if (marker.state === 'invalid') {
    return broken(null, "Le repère de fin du journal (audit.head) est illisible ou falsifié : sa signature ne correspond pas")
  }
  if (marker.state === 'valid' && marker.seq > lastSeq) {
    const removed = marker.seq - lastSeq
    return broken(
      lastSeq + 1,
      `Le journal s'arrête à l'entrée n° ${lastSeq} alors que l'entrée n° ${marker.seq} y avait été enregistrée : ` +
        (removed === 1 ? 'la dernière entrée a été supprimée' : `les ${removed} dernières entrées ont été supprimées`)
    )
  }
  if (marker.state === 'valid' && marker.seq > start.seq && hashAtMarker !== marker.hash) {
    return broken(marker.seq, `Entrée n° ${marker.seq} remplacée : elle ne correspond plus au repère de fin du journal`)
  }

  const since = anchor ? `, depuis la dernière purge de conservation (entrées jusqu'au n° ${anchor.last_seq})` : ''
  const noMarker =
    marker.state === 'absent' && checked > 0
      ? " ; repère de fin absent : une suppression des dernières entrées ne serait pas détectée"
      : ''
  return {
    ok: true,
    checked,
    firstBrokenSeq: null,
    message: checked === 0 ? "Journal d'audit vide" : `Journal d'audit intègre : ${checked} entrées vérifiées${since}${noMarker}`,
    checkpointSeq,
    verifiedAt
  }
}
