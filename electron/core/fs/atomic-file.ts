import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Produces a file under a temporary name beside `finalPath`, flushes it to disk, then renames it into
 * place. A crash, a kill or a full disk at any moment leaves either the old file or the new one, never
 * a torn or unchecked one: `produce` writes (and may verify) the temporary file, and if anything
 * throws, the temporary file is removed and the final path is untouched. Same folder, same file
 * system: that is what makes the rename atomic.
 */
export async function writeAtomically(finalPath: string, produce: (tempPath: string) => Promise<void>): Promise<void> {
  const directory = dirname(finalPath)
  await mkdir(directory, { recursive: true })
  const tempPath = join(directory, `.${basename(finalPath)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`)
  try {
    await produce(tempPath)
    await fsync(tempPath)
    await rename(tempPath, finalPath)
  } catch (error) {
    await rm(tempPath, { force: true })
    throw error
  }
  // Persist the rename itself; some file systems refuse to fsync a folder, which is harmless.
  await fsync(directory).catch(() => undefined)
}

/** Replaces a small file (configuration, settings) atomically; readable by its owner only. */
export function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  return writeAtomically(path, (tempPath) => writeFile(tempPath, content, { flag: 'wx', mode: 0o600 }))
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
