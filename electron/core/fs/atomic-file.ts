import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { dirname, basename, join } from 'node:path'

/**
 * Replaces a file so that a crash, a kill or a full disk at any moment leaves either the old
 * content or the new one, never a torn file: write a sibling temp file, fsync it, rename over.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(path)
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const handle = await open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(content)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  // Persist the rename itself; some filesystems refuse to fsync a directory, which is harmless.
  try {
    const dirHandle = await open(dir, 'r')
    try {
      await dirHandle.sync()
    } finally {
      await dirHandle.close()
    }
  } catch {
    /* best effort */
  }
}

/** Reads a file, or returns null when it does not exist (any other failure is thrown). */
export async function readFileIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
