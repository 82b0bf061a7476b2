import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AuditKeyError, loadOrCreateAuditKey } from '../../../electron/core/audit/audit-key'

let dir: string
let keysDir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-audit-key-'))
  keysDir = join(dir, 'keys')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('loadOrCreateAuditKey', () => {
  it('creates 32 random bytes in audit.key, readable by its owner only, and nothing else', async () => {
    const key = await loadOrCreateAuditKey(keysDir)
    expect(key).toHaveLength(32)
    expect(await readFile(join(keysDir, 'audit.key'))).toEqual(key)
    expect((await stat(join(keysDir, 'audit.key'))).mode & 0o777).toBe(0o600)
    expect((await stat(keysDir)).mode & 0o777).toBe(0o700)
    expect(await readdir(keysDir)).toEqual(['audit.key'])
  })

  it('reuses the key it finds', async () => {
    const first = await loadOrCreateAuditKey(keysDir)
    expect(await loadOrCreateAuditKey(keysDir)).toEqual(first)
  })

  it('gives one key to processes that start together', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateAuditKey(keysDir)))
    for (const key of keys) expect(key).toEqual(keys[0])
    expect(await readdir(keysDir)).toEqual(['audit.key'])
  })

  it.each([0, 16, 33])('refuses a %i-byte key file and leaves it as it is', async (size) => {
    await loadOrCreateAuditKey(keysDir)
    const path = join(keysDir, 'audit.key')
    const damaged = Buffer.alloc(size, 7)
    await writeFile(path, damaged)
    const error = await loadOrCreateAuditKey(keysDir).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuditKeyError)
    expect((error as Error).message).toContain(`(${size} octets au lieu de 32)`)
    expect((error as Error).message).toContain("Il n'a pas été remplacé")
    expect(await readFile(path)).toEqual(damaged)
  })
})
