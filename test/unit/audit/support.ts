import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { AuditLog, type AuditAppendInput } from '../../../electron/core/audit'
import { auditHeadMarkerPath } from '../../../electron/core/audit/audit-head-marker'
import { loadOrCreateAuditKey } from '../../../electron/core/audit/audit-key'
import { openDatabase, type Database } from '../../../electron/core/store/database'
import { MIGRATIONS } from '../../../electron/core/store/migrations'

export const DAY_MS = 24 * 60 * 60 * 1000
/** 15 January 2025, 09:30 UTC: every test clock starts here. */
export const T0 = Date.UTC(2025, 0, 15, 9, 30)

/** A data folder with a database and a keys folder, as the core lays them out. */
export class AuditFixture {
  db!: Database
  log!: AuditLog
  key!: Buffer
  /** The test's clock: entries are stamped with it. */
  now = T0

  private constructor(readonly dir: string) {}

  static async create(): Promise<AuditFixture> {
    const fixture = new AuditFixture(await mkdtemp(join(tmpdir(), 'vigie-audit-')))
    await fixture.open()
    return fixture
  }

  get dbPath(): string {
    return join(this.dir, 'vigie.db')
  }

  get keysDir(): string {
    return join(this.dir, 'keys')
  }

  get headMarkerPath(): string {
    return auditHeadMarkerPath(this.keysDir)
  }

  async open(key?: Buffer): Promise<void> {
    this.db = openDatabase(this.dbPath, { migrations: MIGRATIONS })
    this.key = key ?? (await loadOrCreateAuditKey(this.keysDir))
    this.log = new AuditLog(this.db, this.key, { headMarkerPath: this.headMarkerPath, now: () => this.now })
  }

  /** Closes and reopens, as a restart of the app would (the head marker is written on close). */
  async reopen(key?: Buffer): Promise<void> {
    await this.close()
    await this.open(key)
  }

  async appendMany(count: number, input: Partial<AuditAppendInput> = {}): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      await this.log.append({ actor: 'dupont', action: 'live.start', cameraId: 'cam-1', workstation: 'poste-1', details: { i }, ...input })
      this.now += 1000
    }
  }

  async close(): Promise<void> {
    await this.log.close()
    await this.db.close()
  }

  async dispose(): Promise<void> {
    await this.close()
    await rm(this.dir, { recursive: true, force: true })
  }
}

/**
 * What an attacker holding the file does: a separate connection, the guarding triggers dropped, then
 * direct SQL. The app's own connection stays open meanwhile.
 */
export function tamper(dbPath: string, statements: string): void {
  const db = new BetterSqlite3(dbPath)
  try {
    db.exec(`
      DROP TRIGGER IF EXISTS audit_log_no_update;
      DROP TRIGGER IF EXISTS audit_log_delete_only_when_purging;
      DROP TRIGGER IF EXISTS audit_checkpoint_no_update;
      DROP TRIGGER IF EXISTS audit_checkpoint_no_delete;
      ${statements}
    `)
  } finally {
    db.close()
  }
}

/** Resolves once `condition` holds, polling; fails after `timeoutMs` with `what`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
