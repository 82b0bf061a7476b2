import Database from 'better-sqlite3'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN, runVigieCli } from '../e2e/fixtures/vigie-host'

/**
 * The command line an installation's administrator uses, run as a real process on a real data folder:
 * provisioning, then `audit verify` before and after someone edits the audit table behind Vigie's back.
 */
describe('npm run vigie -- audit verify', () => {
  let dataDir: string

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vigie-cli-'))
    expect(runVigieCli(['org', 'set', '--name', 'Ville de Test', '--deployer', 'commune', '--data', dataDir]).status).toBe(0)
    expect(runVigieCli(['user', 'add', '--name', 'admin', '--role', 'admin', '--data', dataDir], `${ADMIN.password}\n`).status).toBe(0)
    expect(runVigieCli(['user', 'add', '--name', 'superviseur', '--role', 'supervisor', '--data', dataDir], 'Phare-Ouest-Marée-Haute\n').status).toBe(0)
  })

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  it('refuses a common password and a user before the organisation exists', async () => {
    const weak = runVigieCli(['user', 'add', '--name', 'faible', '--role', 'operator', '--data', dataDir], 'motdepasse2024\n')
    expect(weak.status).toBe(1)
    expect(weak.stderr).toMatch(/courant/)
    const empty = await mkdtemp(join(tmpdir(), 'vigie-cli-empty-'))
    try {
      const early = runVigieCli(['user', 'add', '--name', 'tôt', '--role', 'admin', '--data', empty], 'Phrase-Assez-Longue-99\n')
      expect(early.status).toBe(2)
      expect(early.stderr).toMatch(/org set/)
    } finally {
      await rm(empty, { recursive: true, force: true })
    }
  })

  it('holds on an untouched trail, and names the row someone edited in the SQLite file', () => {
    const clean = runVigieCli(['audit', 'verify', '--data', dataDir])
    expect(clean.status).toBe(0)
    expect(clean.stdout).toMatch(/intègre/)

    // What an intruder with the file (but not the key) would do: drop the guard, rewrite history.
    const db = new Database(join(dataDir, 'vigie.db'))
    const target = db.prepare("SELECT seq FROM audit_log WHERE action = 'account.create' ORDER BY seq LIMIT 1").get() as { seq: number }
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as Array<{ name: string }>) {
      db.exec(`DROP TRIGGER "${name}"`)
    }
    db.prepare("UPDATE audit_log SET actor = 'personne' WHERE seq = ?").run(target.seq)
    db.close()

    const tampered = runVigieCli(['audit', 'verify', '--data', dataDir])
    expect(tampered.status).toBe(1)
    expect(tampered.stdout).toContain(`n° ${target.seq}`)
  })

  it('exports the trail as CSV with the result of the check', async () => {
    const out = join(dataDir, 'journal.csv')
    const result = runVigieCli(['audit', 'export', '--format', 'csv', '--out', out, '--data', dataDir])
    expect(result.status).toBe(0)
    const { readFile } = await import('node:fs/promises')
    const csv = await readFile(out, 'utf8')
    expect(csv).toContain('account.create')
    expect(csv).toMatch(/intègre/i)
  })
})
