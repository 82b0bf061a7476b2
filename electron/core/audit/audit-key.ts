import { randomBytes } from 'node:crypto'
import { link, mkdir, open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'

export const AUDIT_KEY_BYTES = 32
export const AUDIT_KEY_FILE = 'audit.key'

/** The key file exists but cannot be the audit key. Never replaced automatically: see the message. */
export class AuditKeyError extends Error {
  constructor(
    readonly path: string,
    readonly size: number
  ) {
    super(
      `Le fichier de clé d'audit ${path} est invalide (${size} octets au lieu de ${AUDIT_KEY_BYTES}). ` +
        `Il n'a pas été remplacé : une nouvelle clé rendrait invérifiable tout le journal d'audit existant. ` +
        `Restaurez ce fichier depuis une sauvegarde.`
    )
    this.name = 'AuditKeyError'
  }
}

async function readKey(path: string): Promise<Buffer | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  if (bytes.length !== AUDIT_KEY_BYTES) throw new AuditKeyError(path, bytes.length)
  return bytes
}

/**
 * Writes a new key under a temporary name, flushes it, then hard-links it into place. Unlike a
 * rename, a link refuses to replace an existing file: when the app and the command line start at
 * the same time, one key wins and both end up using it.
 */
async function createKey(path: string): Promise<void> {
  const tempPath = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.partial`
  try {
    const handle = await open(tempPath, 'wx', 0o600)
    try {
      await handle.writeFile(randomBytes(AUDIT_KEY_BYTES))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await link(tempPath, path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error
    })
  } finally {
    await rm(tempPath, { force: true })
  }
}

/**
 * The secret that authenticates the audit chain, kept outside the database so that rewriting the
 * table is not enough to rewrite history. Created on first use, readable by its owner only.
 */
export async function loadOrCreateAuditKey(keysDir: string): Promise<Buffer> {
  const path = join(keysDir, AUDIT_KEY_FILE)
  const existing = await readKey(path)
  if (existing) return existing
  await mkdir(keysDir, { recursive: true, mode: 0o700 })
  await createKey(path)
  const created = await readKey(path)
  if (!created) throw new Error(`La clé d'audit ${path} a disparu juste après sa création.`)
  return created
}
