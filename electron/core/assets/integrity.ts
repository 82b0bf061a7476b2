import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'

/** What we know for sure about a file's content. */
export interface FileDigest {
  sha256: string
  bytes: number
}

export class IntegrityError extends Error {
  constructor(
    readonly expected: FileDigest,
    readonly actual: FileDigest
  ) {
    super(
      `sha256 mismatch: expected ${expected.sha256} (${expected.bytes} bytes), ` +
        `got ${actual.sha256} (${actual.bytes} bytes)`
    )
    this.name = 'IntegrityError'
  }
}

export function sameDigest(a: FileDigest, b: FileDigest): boolean {
  return a.sha256 === b.sha256 && a.bytes === b.bytes
}

export function assertDigest(actual: FileDigest, expected: FileDigest): void {
  if (!sameDigest(actual, expected)) throw new IntegrityError(expected, actual)
}

export async function digestFile(path: string): Promise<FileDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk)
    bytes += chunk.length
  }
  return { sha256: hash.digest('hex'), bytes }
}

/**
 * Writes chunks to a new file while hashing them, so a download is read once. Stops as soon as more than
 * `maxBytes` arrive: a wrong URL serving a huge page must not fill the disk before the hash check fails.
 */
export async function writeDigesting(
  chunks: AsyncIterable<Uint8Array>,
  path: string,
  maxBytes: number
): Promise<FileDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  // 'wx': the path is a fresh temporary name; finding a file there means something else is writing it.
  const file = await open(path, 'wx')
  try {
    for await (const chunk of chunks) {
      bytes += chunk.length
      if (bytes > maxBytes) throw new Error(`received more than the expected ${maxBytes} bytes`)
      hash.update(chunk)
      await file.write(chunk)
    }
    // Flush before the caller renames: after a crash the final path must hold all the bytes or none.
    await file.sync()
  } finally {
    await file.close()
  }
  return { sha256: hash.digest('hex'), bytes }
}
