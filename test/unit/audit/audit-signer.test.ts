import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { audit } from '../../../electron/core/store/migrations/002-audit'
import {
  AuditSigner,
  CANONICAL_ENTRY_SQL,
  canonicalEntry,
  entryChainPrefix,
  GENESIS_HASH,
  type SignedEntryFields
} from '../../../electron/core/audit/audit-signer'

const fields = (overrides: Partial<SignedEntryFields> = {}): SignedEntryFields => ({
  seq: 42,
  at: 1_736_933_400_000,
  actor: 'dupont',
  action: 'live.start',
  camera_id: 'cam-1',
  target: null,
  workstation: 'poste-1',
  details: '{"stream":"main"}',
  prev_hash: 'ab'.repeat(32),
  ...overrides
})

describe('the canonical text of an entry', () => {
  it('begins with the label, the previous hash and the seq', () => {
    const entry = fields()
    expect(canonicalEntry(entry).startsWith(entryChainPrefix(entry.prev_hash, entry.seq))).toBe(true)
    expect(canonicalEntry(entry).startsWith(entryChainPrefix(entry.prev_hash, 43))).toBe(false)
    expect(canonicalEntry(entry).startsWith(entryChainPrefix(GENESIS_HASH, 42))).toBe(false)
  })

  it('is what SQLite writes from the stored columns, even for awkward text', () => {
    const db = new BetterSqlite3(':memory:')
    audit.up(db)
    const insert = db.prepare(
      'INSERT INTO audit_log (seq, at, actor, action, camera_id, target, workstation, details, prev_hash, hash) ' +
        "VALUES (@seq, @at, @actor, @action, @camera_id, @target, @workstation, @details, @prev_hash, '')"
    )
    const awkward = ['"', '\\', '\n\r\t\b\f', '\u0000\u0001\u001f\u007f', 'é œ ’ — « »', '😀', '\u2028\u2029', '</script>']
    const entries = awkward.map((text, index) =>
      fields({ seq: index + 1, actor: text, target: text, workstation: text, details: JSON.stringify({ text }) })
    )
    for (const entry of entries) insert.run(entry)
    const fromSql = db.prepare(`SELECT ${CANONICAL_ENTRY_SQL} FROM audit_log ORDER BY seq`).pluck().all()
    expect(fromSql).toEqual(entries.map(canonicalEntry))
    db.close()
  })

  it('is signed differently for every field, and with every key', () => {
    const signer = new AuditSigner(Buffer.alloc(32, 1))
    const reference = signer.entryHash(fields())
    for (const change of [{ seq: 43 }, { at: 1 }, { actor: 'martin' }, { camera_id: null }, { target: '' }, { details: '{}' }, { prev_hash: GENESIS_HASH }]) {
      expect(signer.entryHash(fields(change))).not.toBe(reference)
    }
    expect(new AuditSigner(Buffer.alloc(32, 2)).entryHash(fields())).not.toBe(reference)
    expect(() => new AuditSigner(Buffer.alloc(16))).toThrow(/32 octets/)
  })
})
