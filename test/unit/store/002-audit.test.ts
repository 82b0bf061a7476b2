import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../../electron/core/store/database'
import { audit } from '../../../electron/core/store/migrations/002-audit'

let dir: string
let db: Database

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-migration-002-'))
  // The migration on its own, on an empty database.
  db = openDatabase(join(dir, 'vigie.db'), { migrations: [audit] })
})

afterEach(async () => {
  await db.close()
  await rm(dir, { recursive: true, force: true })
})

const INSERT_ENTRY =
  "INSERT INTO audit_log (seq, at, actor, action, camera_id, target, workstation, details, prev_hash, hash) " +
  "VALUES (?, 1700000000000, 'dupont', 'auth.login', NULL, NULL, 'poste-1', '{}', 'p', 'h')"

async function schemaNames(type: 'table' | 'index' | 'trigger'): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name",
    [type]
  )
  return rows.map((row) => row.name)
}

describe('migration 002: audit', () => {
  it('creates the audit tables, the viewer indexes and the guarding triggers', async () => {
    expect(db.schemaVersion).toBe(2)
    expect(await schemaNames('table')).toEqual(['audit_checkpoint', 'audit_log', 'audit_purge_gate'])
    expect(await schemaNames('index')).toEqual([
      'audit_log_by_action',
      'audit_log_by_actor',
      'audit_log_by_camera',
      'audit_log_by_time'
    ])
    expect(await schemaNames('trigger')).toEqual([
      'audit_checkpoint_no_delete',
      'audit_checkpoint_no_update',
      'audit_log_delete_only_when_purging',
      'audit_log_no_update'
    ])
  })

  it('serves the viewer filters from the indexes, newest first without sorting', async () => {
    const plan = async (where: string): Promise<string> =>
      (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT 10`, ['x']))
        .map((row) => row.detail)
        .join(' | ')
    expect(await plan('actor = ?')).toContain('USING INDEX audit_log_by_actor')
    expect(await plan('camera_id = ?')).toContain('USING INDEX audit_log_by_camera')
    expect(await plan('action = ?')).toContain('USING INDEX audit_log_by_action')
    expect(await plan('actor = ?')).not.toContain('TEMP B-TREE')
  })

  it('refuses to update an audit entry', async () => {
    await db.run(INSERT_ENTRY, [1])
    await expect(db.run("UPDATE audit_log SET actor = 'martin' WHERE seq = 1")).rejects.toThrow(/ne se modifient pas/)
    expect(await db.get('SELECT actor FROM audit_log WHERE seq = 1')).toEqual({ actor: 'dupont' })
  })

  it('refuses to delete an audit entry unless the purge gate is open', async () => {
    await db.run(INSERT_ENTRY, [1])
    await db.run(INSERT_ENTRY, [2])
    await expect(db.run('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/purge de conservation/)
    await db.transaction((sql) => {
      sql.run('INSERT INTO audit_purge_gate (open) VALUES (1)')
      sql.run('DELETE FROM audit_log WHERE seq = 1')
      sql.run('DELETE FROM audit_purge_gate')
    })
    expect(await db.all('SELECT seq FROM audit_log')).toEqual([{ seq: 2 }])
    // Closed again: the next deletion is refused.
    await expect(db.run('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/purge de conservation/)
  })

  it('refuses to update or delete a purge checkpoint', async () => {
    await db.run(
      "INSERT INTO audit_checkpoint (last_seq, last_hash, purged_count, purged_before, created_at, signature) VALUES (5, 'h', 5, 1, 2, 's')"
    )
    await expect(db.run('UPDATE audit_checkpoint SET purged_count = 1')).rejects.toThrow(/ne se modifient pas/)
    await expect(db.run('DELETE FROM audit_checkpoint')).rejects.toThrow(/ne se suppriment pas/)
  })

  it('stores strict types: an entry with a text timestamp is refused', async () => {
    await expect(
      db.run(
        "INSERT INTO audit_log (seq, at, actor, action, workstation, details, prev_hash, hash) VALUES (1, 'hier', 'a', 'auth.login', 'p', '{}', 'p', 'h')"
      )
    ).rejects.toThrow(/cannot store TEXT value in INTEGER column/)
  })
})
