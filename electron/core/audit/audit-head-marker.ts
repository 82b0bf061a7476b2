import { join } from 'node:path'
import { z } from 'zod'
import { readFileIfExists, writeFileAtomic } from '../fs/atomic-file'
import type { ChainHead } from './audit-rows'
import type { AuditSigner } from './audit-signer'

/**
 * The head marker: the last entry known to be in the chain, signed, kept beside the key and outside
 * the database. The chain alone cannot tell that its last entries were deleted (what remains still
 * links up); the marker can.
 *
 * Residual window: the marker is written after the entries it names, at most once per interval and
 * on close. Entries appended since the last marker, or lost along with a marker that could not be
 * written, can be removed from the end without detection. With the default interval, that is the
 * last second of activity.
 */
export const AUDIT_HEAD_FILE = 'audit.head'

export function auditHeadMarkerPath(keysDir: string): string {
  return join(keysDir, AUDIT_HEAD_FILE)
}

const MarkerFileSchema = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string(),
  writtenAt: z.number(),
  signature: z.string()
})

export type HeadMarkerReading =
  | { state: 'absent' }
  /** Unparseable, or its signature does not match: altered, or signed with another key. */
  | { state: 'invalid' }
  | ({ state: 'valid' } & ChainHead)

export async function readHeadMarker(path: string, signer: AuditSigner): Promise<HeadMarkerReading> {
  const text = await readFileIfExists(path)
  if (text === null) return { state: 'absent' }
  let parsed: z.infer<typeof MarkerFileSchema>
  try {
    parsed = MarkerFileSchema.parse(JSON.parse(text))
  } catch {
    return { state: 'invalid' }
  }
  const head = { seq: parsed.seq, hash: parsed.hash }
  return signer.headSignature(head) === parsed.signature ? { state: 'valid', ...head } : { state: 'invalid' }
}

export async function writeHeadMarker(path: string, signer: AuditSigner, head: ChainHead, now: number): Promise<void> {
  const marker = { seq: head.seq, hash: head.hash, writtenAt: now, signature: signer.headSignature(head) }
  await writeFileAtomic(path, `${JSON.stringify(marker, null, 2)}\n`)
}

export interface HeadMarkerWriterOptions {
  path: string
  signer: AuditSigner
  /** The chain's current last entry, read from the database (another process may have appended). */
  readHead: () => Promise<ChainHead | null>
  minIntervalMs: number
  onError: (error: Error) => void
}

/**
 * Keeps the head marker up to date without slowing appends down: an append only notes that the head
 * moved; the marker is rewritten (atomically) at most once per interval, and on close.
 */
export class HeadMarkerWriter {
  private timer: NodeJS.Timeout | null = null
  private lastWriteAt = Number.NEGATIVE_INFINITY
  /** Writes run one after the other, so an older head never lands after a newer one. */
  private queue: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(private readonly options: HeadMarkerWriterOptions) {}

  noteAppend(): void {
    if (this.timer || this.stopped) return
    const delay = Math.max(0, this.lastWriteAt + this.options.minIntervalMs - Date.now())
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, delay)
    // A marker due later must not keep a command-line process alive; close() writes it anyway.
    this.timer.unref()
  }

  /**
   * Brings the marker up to date now. Never rejects: the marker only narrows what verify() can miss,
   * so failing to write it must not fail an append or a shutdown; the failure is reported instead.
   */
  flush(): Promise<void> {
    const write = this.queue.then(() => this.write()).catch((error: Error) => this.options.onError(error))
    this.queue = write
    return write
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.flush()
    this.stopped = true
  }

  private async write(): Promise<void> {
    if (this.stopped) return
    this.lastWriteAt = Date.now()
    const head = await this.options.readHead()
    if (!head) return
    const existing = await readHeadMarker(this.options.path, this.options.signer)
    if (existing.state === 'invalid') {
      // Overwriting it would erase the evidence verify() reports; stop maintaining the marker instead.
      this.stopped = true
      throw new Error(
        `Le repère de fin du journal d'audit ${this.options.path} est illisible ou falsifié : il n'est plus mis à jour. ` +
          `Vérifiez le journal d'audit.`
      )
    }
    // Another process may already have recorded a later head; a marker ahead of the table is evidence.
    if (existing.state === 'valid' && existing.seq >= head.seq) return
    await writeHeadMarker(this.options.path, this.options.signer, head, this.lastWriteAt)
  }
}
