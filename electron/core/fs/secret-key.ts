import { randomBytes } from 'node:crypto'
import { link, mkdir, open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'

export const SECRET_KEY_BYTES = 32

async function readKey(path: string, invalid: (path: string, size: number) => Error): Promise<Buffer | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  if (bytes.length !== SECRET_KEY_BYTES) throw invalid(path, bytes.length)
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
      await handle.writeFile(randomBytes(SECRET_KEY_BYTES))
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
 * A 32-byte secret kept outside the database (`<keysDir>/<fileName>`), created on first use and
 * readable by its owner only. A file of the wrong size is never replaced: `invalid` says why.
 */
export async function loadOrCreateSecretKey(keysDir: string, fileName: string, invalid: (path: string, size: number) => Error): Promise<Buffer> {
  const path = join(keysDir, fileName)
  const existing = await readKey(path, invalid)
  if (existing) return existing
  await mkdir(keysDir, { recursive: true, mode: 0o700 })
  await createKey(path)
  const created = await readKey(path, invalid)
  if (!created) throw new Error(`La clé ${path} a disparu juste après sa création.`)
  return created
}
