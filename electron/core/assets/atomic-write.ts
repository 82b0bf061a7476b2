import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Produces a file under a temporary name next to `finalPath`, then renames it into place.
 * `produce` writes and checks the temporary file; if it throws, the temporary file is removed and the final
 * path is untouched, so readers never see a half-written or unchecked file. Same directory = same file
 * system, which is what makes the rename atomic.
 */
export async function writeAtomically(finalPath: string, produce: (tempPath: string) => Promise<void>): Promise<void> {
  const directory = dirname(finalPath)
  await mkdir(directory, { recursive: true })
  const tempPath = join(directory, `.${basename(finalPath)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`)
  try {
    await produce(tempPath)
    await rename(tempPath, finalPath)
  } catch (error) {
    await rm(tempPath, { force: true })
    throw error
  }
}
