import { createHmac, randomBytes } from 'node:crypto'
import { readFile, rm, writeFile } from 'node:fs/promises'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuditSigner, canonicalEntry, GENESIS_HASH } from '../../../electron/core/audit/audit-signer'
import type { AuditRow } from '../../../electron/core/audit/audit-rows'
import { RpcError } from '../../../electron/shared/result'
import { AuditFixture, DAY_MS, T0, tamper, waitFor } from './support'

let fixture: AuditFixture

beforeEach(async () => {
  fixture = await AuditFixture.create()
})

afterEach(async () => {
  await fixture.dispose()
})

function storedRows(dbPath: string): AuditRow[] {
  const db = new BetterSqlite3(dbPath, { readonly: true })
  try {
    return db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]
  } finally {
    db.close()
  }
}

describe('append', () => {
  it('chains each entry to the previous one with an HMAC of all its fields', async () => {
    await fixture.appendMany(3)
    const rows = storedRows(fixture.dbPath)
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3])
    expect(rows[0].prev_hash).toBe(GENESIS_HASH)
    expect(rows[1].prev_hash).toBe(rows[0].hash)
    expect(rows[2].prev_hash).toBe(rows[1].hash)
    for (const { hash, ...fields } of rows) {
      // Recomputed with Node's own HMAC: the chain's hash is HMAC-SHA256(key, canonical text).
      expect(hash).toBe(createHmac('sha256', fixture.key).update(canonicalEntry(fields)).digest('hex'))
    }
  })

  it('returns the entry as stored', async () => {
    const entry = await fixture.log.append({
      actor: 'dupont',
      action: 'alert.decision',
      target: 'alerte-17',
      workstation: 'poste-2',
      details: { decision: 'confirmée', motif: 'rixe', ignored: undefined }
    })
    expect(entry).toEqual({
      seq: 1,
      at: T0,
      actor: 'dupont',
      action: 'alert.decision',
      cameraId: null,
      target: 'alerte-17',
      workstation: 'poste-2',
      details: { decision: 'confirmée', motif: 'rixe' }
    })
    expect((await fixture.log.query({})).entries).toEqual([entry])
  })

  it('stores and verifies text that needs escaping or is not valid UTF-16', async () => {
    const awkward = ['guillemets " et \\ barre', 'ligne\nsuivante\t\u0001\u0000', 'émoji 😀 et \u2028', 'seul \ud800 demi']
    for (const text of awkward) {
      await fixture.log.append({ actor: text, action: 'settings.update', target: text, workstation: text, details: { text } })
    }
    const { entries } = await fixture.log.query({})
    // A lone surrogate cannot be stored in UTF-8: it is replaced before signing, so it still verifies.
    expect(entries.map((entry) => entry.actor).reverse()).toEqual([...awkward.slice(0, 3), 'seul \ufffd demi'])
    expect(await fixture.log.verify()).toMatchObject({ ok: true, checked: 4 })
  })

  it('refuses an action outside the list', async () => {
    // @ts-expect-error an unknown action, as a caller without types could send
    await expect(fixture.log.append({ actor: 'x', action: 'camera.delete-all', workstation: 'p' })).rejects.toThrow(/inconnue/)
    expect((await fixture.log.query({})).entries).toEqual([])
  })
})

describe('query', () => {
  beforeEach(async () => {
    await fixture.appendMany(3, { actor: 'dupont', action: 'live.start', cameraId: 'cam-1' })
    await fixture.appendMany(2, { actor: 'martin', action: 'live.stop', cameraId: 'cam-2' })
    await fixture.appendMany(2, { actor: 'martin', action: 'auth.logout', cameraId: null })
  })

  const seqs = async (query: Parameters<AuditFixture['log']['query']>[0]): Promise<number[]> =>
    (await fixture.log.query(query)).entries.map((entry) => entry.seq)

  it('returns everything newest first', async () => {
    expect(await seqs({})).toEqual([7, 6, 5, 4, 3, 2, 1])
  })

  it('filters by person, camera, action and period, and combines filters', async () => {
    expect(await seqs({ actor: 'martin' })).toEqual([7, 6, 5, 4])
    expect(await seqs({ cameraId: 'cam-1' })).toEqual([3, 2, 1])
    expect(await seqs({ action: 'live.stop' })).toEqual([5, 4])
    // Entries are one second apart from T0; the period is inclusive at both ends.
    expect(await seqs({ from: T0 + 2000, to: T0 + 4000 })).toEqual([5, 4, 3])
    expect(await seqs({ actor: 'martin', from: T0 + 5000 })).toEqual([7, 6])
    expect(await seqs({ actor: 'personne' })).toEqual([])
  })

  it('pages with `before`, and says when there is no older page', async () => {
    const first = await fixture.log.query({ limit: 3 })
    expect(first.entries.map((entry) => entry.seq)).toEqual([7, 6, 5])
    expect(first.nextBefore).toBe(5)
    const second = await fixture.log.query({ limit: 3, before: first.nextBefore ?? undefined })
    expect(second.entries.map((entry) => entry.seq)).toEqual([4, 3, 2])
    const third = await fixture.log.query({ limit: 3, before: second.nextBefore ?? undefined })
    expect(third).toEqual({ entries: [expect.objectContaining({ seq: 1 })], nextBefore: null })
    // A page that ends exactly on the oldest entry has no next page either.
    expect((await fixture.log.query({ limit: 4, before: 5 })).nextBefore).toBeNull()
  })

  it('pages through a filter', async () => {
    const first = await fixture.log.query({ actor: 'martin', limit: 2 })
    expect(first.entries.map((entry) => entry.seq)).toEqual([7, 6])
    const second = await fixture.log.query({ actor: 'martin', limit: 2, before: first.nextBefore ?? undefined })
    expect(second.entries.map((entry) => entry.seq)).toEqual([5, 4])
    expect(second.nextBefore).toBeNull()
  })

  it('collects a whole filtered selection for an export, capped', async () => {
    expect(await fixture.log.collect({ actor: 'martin' }, 10)).toMatchObject({ truncated: false, entries: { length: 4 } })
    const capped = await fixture.log.collect({}, 5)
    expect(capped.truncated).toBe(true)
    expect(capped.entries.map((entry) => entry.seq)).toEqual([7, 6, 5, 4, 3])
  })

  it('rejects a query outside the contract', async () => {
    await expect(fixture.log.query({ limit: 0 })).rejects.toThrow()
  })
})

describe('verify', () => {
  it('passes on an empty journal and on an intact chain', async () => {
    expect(await fixture.log.verify()).toMatchObject({ ok: true, checked: 0, firstBrokenSeq: null, message: "Journal d'audit vide" })
    await fixture.appendMany(40)
    const result = await fixture.log.verify()
    expect(result).toEqual({
      ok: true,
      checked: 40,
      firstBrokenSeq: null,
      checkpointSeq: null,
      message: expect.stringContaining("Journal d'audit intègre : 40 entrées vérifiées"),
      verifiedAt: fixture.now
    })
  })

  it.each([
    ['person', "UPDATE audit_log SET actor = 'quelquun' WHERE seq = 23"],
    ['details', `UPDATE audit_log SET details = '{"i":99}' WHERE seq = 23`],
    ['time', 'UPDATE audit_log SET at = at - 3600000 WHERE seq = 23'],
    // Without the key, a new hash can only be a guess.
    ['person and a guessed hash', "UPDATE audit_log SET actor = 'x', hash = lower(hex(randomblob(32))) WHERE seq = 23"]
  ])('fails at exactly the entry edited in the file (%s)', async (_what, statement) => {
    await fixture.appendMany(50)
    tamper(fixture.dbPath, statement)
    const result = await fixture.log.verify()
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 23, checked: 22 })
    expect(result.message).toBe('Entrée n° 23 altérée : son empreinte ne correspond plus')
  })

  it('fails at an entry whose stored hash was swapped for another', async () => {
    await fixture.appendMany(10)
    tamper(fixture.dbPath, 'UPDATE audit_log SET hash = (SELECT hash FROM audit_log WHERE seq = 9) WHERE seq = 4')
    expect(await fixture.log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 4 })
  })

  it('fails at an entry that does not link to the one before, even with a valid MAC', async () => {
    await fixture.appendMany(10)
    // A genuine-looking entry 4 from a fork of the journal: signed with the key, linked elsewhere.
    const forked = { ...storedRows(fixture.dbPath)[3], prev_hash: GENESIS_HASH }
    const hash = new AuditSigner(fixture.key).entryHash(forked)
    tamper(fixture.dbPath, `UPDATE audit_log SET prev_hash = '${GENESIS_HASH}', hash = '${hash}' WHERE seq = 4`)
    expect(await fixture.log.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: 4,
      message: "Entrée n° 4 : le lien avec l'entrée précédente est rompu"
    })
  })

  it('reports, rather than fails, when a value of another type was put in by rebuilding the table', async () => {
    await fixture.appendMany(10)
    tamper(
      fixture.dbPath,
      `ALTER TABLE audit_log RENAME TO audit_log_strict;
       CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at, actor, action, camera_id, target, workstation, details, prev_hash, hash);
       INSERT INTO audit_log SELECT * FROM audit_log_strict;
       DROP TABLE audit_log_strict;
       UPDATE audit_log SET details = x'7b7d' WHERE seq = 7;`
    )
    expect(await fixture.log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 7, checked: 6 })
  })

  it('detects an entry deleted from the middle', async () => {
    await fixture.appendMany(20)
    tamper(fixture.dbPath, 'DELETE FROM audit_log WHERE seq = 10')
    expect(await fixture.log.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: 10,
      checked: 9,
      message: 'Entrée n° 10 manquante : elle a été supprimée du journal'
    })
  })

  it('detects entries renumbered to hide a deletion', async () => {
    await fixture.appendMany(20)
    tamper(fixture.dbPath, 'DELETE FROM audit_log WHERE seq = 10; UPDATE audit_log SET seq = seq - 1 WHERE seq > 10')
    expect(await fixture.log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 10 })
  })

  it('detects the last entries deleted, through the signed head marker', async () => {
    await fixture.appendMany(20)
    await fixture.reopen()
    tamper(fixture.dbPath, 'DELETE FROM audit_log WHERE seq > 17')
    expect(await fixture.log.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: 18,
      checked: 17,
      message: "Le journal s'arrête à l'entrée n° 17 alors que l'entrée n° 20 y avait été enregistrée : les 3 dernières entrées ont été supprimées"
    })
  })

  it('detects the last entry deleted and the gap filled by a new append', async () => {
    await fixture.appendMany(3)
    await fixture.reopen()
    tamper(fixture.dbPath, 'DELETE FROM audit_log WHERE seq = 3')
    // The app carries on: its next entry takes number 3 and links up properly.
    await fixture.log.append({ actor: 'martin', action: 'auth.logout', workstation: 'poste-9' })
    expect(await fixture.log.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      message: 'Entrée n° 3 remplacée : elle ne correspond plus au repère de fin du journal'
    })
  })

  it('says when there is no head marker, the case where a truncated end would go unseen', async () => {
    await fixture.appendMany(5)
    await fixture.reopen()
    await rm(fixture.headMarkerPath)
    tamper(fixture.dbPath, 'DELETE FROM audit_log WHERE seq > 3')
    const result = await fixture.log.verify()
    expect(result).toMatchObject({ ok: true, checked: 3 })
    expect(result.message).toContain('repère de fin absent')
  })

  it('reports a head marker that was edited', async () => {
    await fixture.appendMany(5)
    await fixture.reopen()
    const marker = JSON.parse(await readFile(fixture.headMarkerPath, 'utf8')) as { seq: number }
    await writeFile(fixture.headMarkerPath, JSON.stringify({ ...marker, seq: 3 }))
    expect(await fixture.log.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: null,
      message: expect.stringContaining('(audit.head) est illisible ou falsifié')
    })
  })

  it('fails with another key, and says the key may be the cause', async () => {
    await fixture.appendMany(5)
    await fixture.reopen(randomBytes(32))
    const result = await fixture.log.verify()
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: 1, checked: 0 })
    expect(result.message).toContain("la clé d'audit n'est pas celle qui a signé ce journal")
  })

  it('keeps the head marker up to date: soon after the first append, and on close', async () => {
    const marker = async (): Promise<number | null> => {
      try {
        return (JSON.parse(await readFile(fixture.headMarkerPath, 'utf8')) as { seq: number }).seq
      } catch {
        return null
      }
    }
    await fixture.appendMany(1)
    await waitFor(async () => (await marker()) === 1, 'the first head marker')
    await fixture.appendMany(4)
    await fixture.log.close()
    expect(await marker()).toBe(5)
  })
})

describe('purge', () => {
  /** 10 entries 200 days old, then 5 recent ones. */
  async function ageTheJournal(): Promise<void> {
    fixture.now = T0 - 200 * DAY_MS
    await fixture.appendMany(10)
    fixture.now = T0 - DAY_MS
    await fixture.appendMany(5)
    fixture.now = T0
  }

  it('removes what is older than the retention, leaves a checkpoint and records itself', async () => {
    await ageTheJournal()
    expect(await fixture.log.purge({ retentionDays: 183, now: T0 })).toBe(10)
    const { entries } = await fixture.log.query({})
    expect(entries.map((entry) => entry.seq)).toEqual([16, 15, 14, 13, 12, 11])
    expect(entries[0]).toMatchObject({
      action: 'audit.purge',
      actor: 'system',
      details: { purgedCount: 10, lastPurgedSeq: 10, retentionDays: 183, purgedBefore: new Date(T0 - 183 * DAY_MS).toISOString() }
    })
    expect(await fixture.log.verify()).toMatchObject({ ok: true, checked: 6, checkpointSeq: 10, firstBrokenSeq: null })
    // The chain goes on after the purge, and survives a second one.
    await fixture.appendMany(2)
    fixture.now = T0 + 190 * DAY_MS
    expect(await fixture.log.purge({ retentionDays: 183, now: fixture.now, actor: 'dpo.durand', workstation: 'poste-dpo' })).toBe(8)
    expect(await fixture.log.verify()).toMatchObject({ ok: true, checked: 1, checkpointSeq: 18 })
    await fixture.reopen()
    expect(await fixture.log.verify()).toMatchObject({ ok: true, checkpointSeq: 18 })
  })

  it('only removes a prefix of the chain, even when a clock went back', async () => {
    fixture.now = T0 - 200 * DAY_MS
    await fixture.appendMany(3)
    fixture.now = T0 - DAY_MS
    await fixture.appendMany(1)
    // Clock set back: entry 5 looks old but comes after a recent one.
    fixture.now = T0 - 300 * DAY_MS
    await fixture.appendMany(1)
    expect(await fixture.log.purge({ retentionDays: 183, now: T0 })).toBe(3)
    expect(await fixture.log.verify()).toMatchObject({ ok: true, checkpointSeq: 3 })
  })

  it('does nothing when nothing is old enough', async () => {
    await fixture.appendMany(5)
    expect(await fixture.log.purge({ retentionDays: 365, now: fixture.now })).toBe(0)
    expect((await fixture.log.query({})).entries).toHaveLength(5)
    expect(await fixture.log.verify()).toMatchObject({ ok: true, checkpointSeq: null })
  })

  it('refuses a retention under six months', async () => {
    await ageTheJournal()
    for (const retentionDays of [182, 0, -1, 200.5, Number.NaN]) {
      const error = await fixture.log.purge({ retentionDays, now: T0 }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(RpcError)
      expect(error).toMatchObject({ code: 'INVALID_INPUT' })
    }
    expect((await fixture.log.query({})).entries).toHaveLength(15)
  })

  it('detects a forged checkpoint', async () => {
    await ageTheJournal()
    await fixture.log.purge({ retentionDays: 183, now: T0 })
    tamper(fixture.dbPath, 'UPDATE audit_checkpoint SET purged_count = 2')
    expect(await fixture.log.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: 11,
      message: expect.stringContaining('Point de contrôle de purge falsifié')
    })
  })

  it('detects a checkpoint invented to hide deleted entries', async () => {
    await fixture.appendMany(10)
    const rows = storedRows(fixture.dbPath)
    tamper(
      fixture.dbPath,
      `DELETE FROM audit_log WHERE seq <= 4;
       INSERT INTO audit_checkpoint (last_seq, last_hash, purged_count, purged_before, created_at, signature)
       VALUES (4, '${rows[3].hash}', 4, 0, 0, '${'0'.repeat(64)}')`
    )
    expect(await fixture.log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 5 })
  })

  it('detects entries after the checkpoint that were altered or deleted', async () => {
    await ageTheJournal()
    await fixture.log.purge({ retentionDays: 183, now: T0 })
    tamper(fixture.dbPath, "UPDATE audit_log SET workstation = 'ailleurs' WHERE seq = 13")
    expect(await fixture.log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 13, checkpointSeq: 10 })
    tamper(fixture.dbPath, 'DELETE FROM audit_log WHERE seq IN (11, 12)')
    expect(await fixture.log.verify()).toMatchObject({ ok: false, firstBrokenSeq: 11, message: 'Entrées n° 11 à 12 manquantes : elles ont été supprimées du journal' })
  })

  it('detects a deleted checkpoint', async () => {
    await ageTheJournal()
    await fixture.log.purge({ retentionDays: 183, now: T0 })
    tamper(fixture.dbPath, 'DELETE FROM audit_checkpoint')
    expect(await fixture.log.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: 1,
      message: 'Entrées n° 1 à 10 manquantes : elles ont été supprimées du journal'
    })
  })

  it('detects a purged entry put back, even a genuine one', async () => {
    await ageTheJournal()
    const original = storedRows(fixture.dbPath)[4]
    await fixture.log.purge({ retentionDays: 183, now: T0 })
    const db = new BetterSqlite3(fixture.dbPath)
    db.prepare(
      'INSERT INTO audit_log (seq, at, actor, action, camera_id, target, workstation, details, prev_hash, hash) ' +
        'VALUES (@seq, @at, @actor, @action, @camera_id, @target, @workstation, @details, @prev_hash, @hash)'
    ).run(original)
    db.close()
    expect(await fixture.log.verify()).toMatchObject({
      ok: false,
      firstBrokenSeq: 5,
      message: "Entrée n° 5 présente alors que la purge l'avait supprimée : elle a été réinsérée"
    })
  })
})
