import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatabaseTooNewError, openDatabase } from '../../../electron/core/store/database'
import { MIGRATIONS } from '../../../electron/core/store/migrations'

let dir: string
let path: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-database-'))
  path = join(dir, 'vigie.db')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const latestVersion = Math.max(...MIGRATIONS.map((migration) => migration.version))

function tableNames(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true })
  try {
    return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  } finally {
    db.close()
  }
}

const sha256 = async (file: string): Promise<string> => createHash('sha256').update(await readFile(file)).digest('hex')

describe('openDatabase with the shipped migrations', () => {
  it('numbers the migrations 1, 2, 3… without gaps or repeats', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1))
  })

  it('brings a fresh database to the latest schema version', async () => {
    const db = openDatabase(path, { migrations: MIGRATIONS })
    expect(db.schemaVersion).toBe(latestVersion)
    expect(await db.get<{ user_version: number }>('PRAGMA user_version')).toEqual({ user_version: latestVersion })
    await db.close()
    // Every migration ran: one table from the accounts migration, the audit trail's from the audit one.
    expect(tableNames(path)).toEqual(expect.arrayContaining(['users', 'audit_log', 'audit_checkpoint']))
  })

  it('reopens an up-to-date database without running anything again', async () => {
    await openDatabase(path, { migrations: MIGRATIONS }).close()
    const before = await sha256(path)
    const db = openDatabase(path, { migrations: MIGRATIONS })
    expect(db.schemaVersion).toBe(latestVersion)
    await db.close()
    expect(await sha256(path)).toBe(before)
  })
})

describe('a database written by a newer Vigie', () => {
  /** A database whose schema version is beyond what this build knows, closed cleanly (WAL folded in). */
  async function newerDatabase(): Promise<void> {
    await openDatabase(path, { migrations: MIGRATIONS }).close()
    const writer = new BetterSqlite3(path)
    writer.pragma(`user_version = ${latestVersion + 1}`)
    writer.close()
    expect(await readdir(dir)).toEqual(['vigie.db'])
  }

  it('is refused with DatabaseTooNewError, its bytes unchanged', async () => {
    await newerDatabase()
    const before = await sha256(path)
    let error: unknown
    try {
      openDatabase(path, { migrations: MIGRATIONS })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError)
    expect(error).toMatchObject({ found: latestVersion + 1, supported: latestVersion, path })
    expect((error as Error).message).toContain("n'a pas été modifiée")
    expect(await sha256(path)).toBe(before)
  })

  it('is refused without creating a -wal or -shm file beside it', async () => {
    await newerDatabase()
    expect(() => openDatabase(path, { migrations: MIGRATIONS })).toThrow(DatabaseTooNewError)
    expect(await readdir(dir)).toEqual(['vigie.db'])
  })
})
