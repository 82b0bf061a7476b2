import BetterSqlite3 from 'better-sqlite3'
import { closeSync, existsSync, openSync, readSync } from 'node:fs'
import type { Migration } from './migrations'

export type SqlValue = string | number | bigint | Buffer | null
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>

/** The synchronous face of the database, handed to a transaction body: everything in it commits or none. */
export interface SqlExecutor {
  run(sql: string, params?: SqlParams): { changes: number; lastInsertRowid: number }
  get<T>(sql: string, params?: SqlParams): T | undefined
  all<T>(sql: string, params?: SqlParams): T[]
  /** Streams rows without loading them all: for verifying or exporting large tables. */
  iterate<T>(sql: string, params?: SqlParams): IterableIterator<T>
}

/**
 * The core's database. Async at the boundary so that it can move to a worker thread without touching
 * its callers; today the calls run in the core's own thread, where better-sqlite3 is fastest.
 */
export interface Database {
  run(sql: string, params?: SqlParams): Promise<{ changes: number; lastInsertRowid: number }>
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>
  all<T>(sql: string, params?: SqlParams): Promise<T[]>
  /**
   * Runs `body` in one IMMEDIATE transaction: the write lock is taken first, so a read-then-write
   * (the audit chain's head, a counter) cannot race another process writing the same file.
   */
  transaction<T>(body: (sql: SqlExecutor) => T): Promise<T>
  /** Schema version, as numbered by the migrations. */
  readonly schemaVersion: number
  readonly path: string
  close(): Promise<void>
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number
  ) {
    super(
      `La base de données ${path} a été écrite par une version plus récente de Vigie (schéma ${found}, ` +
        `cette version connaît le schéma ${supported}). Elle n'a pas été modifiée : installez une version à jour.`
    )
    this.name = 'DatabaseTooNewError'
  }
}

export interface OpenOptions {
  migrations: readonly Migration[]
  /** Path of a better-sqlite3 binary built for the running runtime (Electron needs its own build). */
  nativeBinding?: string
}

function asParams(params: SqlParams | undefined): unknown[] {
  if (params === undefined) return []
  return Array.isArray(params) ? [...params] : [params]
}

function executor(db: BetterSqlite3.Database): SqlExecutor {
  const cache = new Map<string, BetterSqlite3.Statement>()
  const statement = (sql: string): BetterSqlite3.Statement => {
    let prepared = cache.get(sql)
    if (!prepared) {
      prepared = db.prepare(sql)
      cache.set(sql, prepared)
    }
    return prepared
  }
  return {
    run(sql, params) {
      const result = statement(sql).run(...asParams(params))
      return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) }
    },
    get: <T>(sql: string, params?: SqlParams) => statement(sql).get(...asParams(params)) as T | undefined,
    all: <T>(sql: string, params?: SqlParams) => statement(sql).all(...asParams(params)) as T[],
    iterate: <T>(sql: string, params?: SqlParams) => statement(sql).iterate(...asParams(params)) as IterableIterator<T>
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0'
/** Where SQLite keeps `user_version` in the file header: 4 bytes, big-endian, at offset 60. */
const USER_VERSION_OFFSET = 60

/**
 * Reads the schema version without writing anything. SQLite itself would create -wal and -shm files
 * beside a WAL database even when opened read-only, so the header is read directly; only when a
 * -wal file already exists (the newest version may be in it) does SQLite read it.
 */
function readSchemaVersion(path: string, nativeBinding: string | undefined): number | null {
  if (!existsSync(path)) return null
  if (!existsSync(`${path}-wal`)) {
    const header = Buffer.alloc(100)
    const fd = openSync(path, 'r')
    try {
      const read = readSync(fd, header, 0, header.length, 0)
      if (read === 0) return null
      if (read < header.length || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
        throw new Error(`${path} n'est pas une base de données SQLite : elle n'a pas été modifiée.`)
      }
      return header.readUInt32BE(USER_VERSION_OFFSET)
    } finally {
      closeSync(fd)
    }
  }
  let probe: BetterSqlite3.Database
  try {
    probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true, nativeBinding })
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') return null
    throw error
  }
  try {
    return probe.pragma('user_version', { simple: true }) as number
  } finally {
    probe.close()
  }
}

/**
 * Opens (or creates) the database and brings it to the latest schema, one numbered migration per
 * transaction. A database written by a newer Vigie is refused before anything is written to it.
 */
export function openDatabase(path: string, options: OpenOptions): Database {
  const latest = options.migrations.reduce((max, m) => Math.max(max, m.version), 0)
  const existing = readSchemaVersion(path, options.nativeBinding)
  if (existing !== null && existing > latest) throw new DatabaseTooNewError(path, existing, latest)

  const db = new BetterSqlite3(path, { nativeBinding: options.nativeBinding })
  db.pragma('journal_mode = WAL')
  // NORMAL in WAL mode: a killed process loses nothing it committed; only a power cut may lose the
  // last transactions, and the file stays consistent either way.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')

  let version = db.pragma('user_version', { simple: true }) as number
  for (const migration of [...options.migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= version) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
    version = migration.version
  }

  const sql = executor(db)
  return {
    path,
    get schemaVersion() {
      return version
    },
    run: async (text, params) => sql.run(text, params),
    get: async (text, params) => sql.get(text, params),
    all: async (text, params) => sql.all(text, params),
    transaction: async (body) => db.transaction(() => body(sql)).immediate(),
    close: async () => {
      db.close()
    }
  }
}
