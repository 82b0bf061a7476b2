import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEPLOYER_TYPES, ROLES } from '../../../electron/shared/accounts'
import { accounts } from '../../../electron/core/store/migrations/001-accounts'
import { openAccountsDatabase, type TestDatabase } from './support'

let test: TestDatabase

beforeEach(async () => {
  test = await openAccountsDatabase()
})

afterEach(async () => {
  await test.dispose()
})

const now = 1_700_000_000_000

async function insertUser(username: string): Promise<number> {
  const { lastInsertRowid } = await test.db.run(
    `INSERT INTO users (username, display_name, password_hash, password_salt, scrypt_n, scrypt_r, scrypt_p, created_at, password_changed_at)
     VALUES (?, ?, ?, ?, 32768, 8, 1, ?, ?)`,
    [username, username, Buffer.alloc(32), Buffer.alloc(16), now, now]
  )
  return lastInsertRowid
}

function insertOrganisation(columns: Record<string, string | number>): Promise<unknown> {
  const row = { id: 1, name: 'Ville', deployer: 'commune', updated_at: now, ...columns }
  const names = Object.keys(row)
  return test.db.run(`INSERT INTO organisation (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, Object.values(row))
}

describe('migration 001: accounts', () => {
  it('brings an empty database to schema 1 with the four account tables', async () => {
    expect(accounts.version).toBe(1)
    expect(test.db.schemaVersion).toBe(1)
    const tables = await test.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    expect(tables.map((table) => table.name)).toEqual(['organisation', 'user_groups', 'user_roles', 'users'])
  })

  it('fills the organisation defaults: 15 minutes idle, 183 days of audit, no DPO contact', async () => {
    await insertOrganisation({})
    expect(await test.db.get('SELECT dpo_contact, idle_timeout_minutes, audit_retention_days FROM organisation')).toEqual({
      dpo_contact: '',
      idle_timeout_minutes: 15,
      audit_retention_days: 183
    })
  })

  it('keeps a single organisation row and refuses an audit retention under six months', async () => {
    await expect(insertOrganisation({ id: 2 })).rejects.toThrow(/CHECK/)
    await expect(insertOrganisation({ audit_retention_days: 182 })).rejects.toThrow(/CHECK/)
  })

  it('accepts exactly the seven deployer types', async () => {
    for (const deployer of DEPLOYER_TYPES) {
      await insertOrganisation({ deployer })
      await test.db.run('DELETE FROM organisation')
    }
    await expect(insertOrganisation({ deployer: 'mairie' })).rejects.toThrow(/CHECK/)
  })

  it('makes usernames unique whatever their case', async () => {
    await insertUser('Jean.Dupont')
    await expect(insertUser('jean.dupont')).rejects.toThrow(/UNIQUE/)
    expect(await test.db.get('SELECT username FROM users WHERE username = ?', ['JEAN.DUPONT'])).toEqual({ username: 'Jean.Dupont' })
  })

  it('never deletes an account', async () => {
    const id = await insertUser('agent')
    await expect(test.db.run('DELETE FROM users WHERE id = ?', [id])).rejects.toThrow(/ne se supprime pas/)
    expect(await test.db.get('SELECT COUNT(*) AS count FROM users')).toEqual({ count: 1 })
  })

  it('accepts the four roles only, and only for an existing user', async () => {
    const id = await insertUser('agent')
    for (const role of ROLES) await test.db.run('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [id, role])
    await expect(test.db.run('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [id, 'root'])).rejects.toThrow(/CHECK/)
    await expect(test.db.run('INSERT INTO user_roles (user_id, role) VALUES (?, ?)', [id + 1, 'operator'])).rejects.toThrow(/FOREIGN KEY/)
    await expect(test.db.run('INSERT INTO user_groups (user_id, group_name) VALUES (?, ?)', [id + 1, 'centre'])).rejects.toThrow(/FOREIGN KEY/)
  })

  it('runs once: reopening the database keeps its rows and its version', async () => {
    await insertUser('agent')
    const reopened = await test.reopen()
    expect(reopened.schemaVersion).toBe(1)
    expect(await reopened.get('SELECT username FROM users')).toEqual({ username: 'agent' })
  })
})
