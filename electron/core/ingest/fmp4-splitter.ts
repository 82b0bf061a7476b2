import { fragmentStartsWithKeyframe, Mp4FormatError, readBoxHeader, readInitSegmentInfo } from './mp4-boxes'

/**
 * Cuts ffmpeg's fragmented MP4 output, which arrives in chunks of any size, into the units a player
 * needs: the init segment (ftyp+moov) and media fragments (moof+mdat). Each event's bytes are a fresh
 * copy that no later chunk touches.
 */

export type SplitterEvent =
  | { readonly kind: 'init'; readonly data: Uint8Array; readonly codec: string }
  | { readonly kind: 'fragment'; readonly data: Uint8Array; readonly keyframe: boolean }

export interface Fmp4SplitterOptions {
  /**
   * Largest top-level box accepted. A corrupt or non-MP4 stream can declare any size; without a bound
   * we would buffer until memory runs out waiting for a box that never completes.
   */
  readonly maxBoxBytes?: number
}

/** Far above a keyframe fragment of a 4K camera (a few MB), far below what would hurt the process. */
export const DEFAULT_MAX_BOX_BYTES = 64 * 1024 * 1024

/** Longest header: size(4) type(4) largesize(8). */
const MAX_HEADER_BYTES = 16

/** Top-level ISO BMFF box types are letters and digits (ftyp, moov, moof, mdat, mfra, sidx…). */
const TOP_LEVEL_BOX_TYPE = /^[A-Za-z0-9 ]{4}$/u

export { Mp4FormatError }

export class Fmp4Splitter {
  private readonly maxBoxBytes: number
  private readonly queue = new ByteQueue()
  private boxesBeforeMoov: Uint8Array[] = []
  private trexDefaults: ReadonlyMap<number, number> | undefined
  private pendingMoof: Uint8Array | undefined

  constructor(options: Fmp4SplitterOptions = {}) {
    this.maxBoxBytes = options.maxBoxBytes ?? DEFAULT_MAX_BOX_BYTES
  }

  /** @throws Mp4FormatError when the stream is not fragmented MP4 or declares an absurd box size. */
  push(chunk: Uint8Array): SplitterEvent[] {
    this.queue.push(chunk)
    const events: SplitterEvent[] = []
    for (;;) {
      const header = readBoxHeader(this.queue.peek(MAX_HEADER_BYTES))
      if (header === undefined) break
      if (!TOP_LEVEL_BOX_TYPE.test(header.type)) throw new Mp4FormatError('the stream is not MP4: unreadable box type')
      const { type, size } = header
      if (size === undefined) throw new Mp4FormatError(`box '${type}' has no size, impossible in a live stream`)
      if (size > this.maxBoxBytes) {
        throw new Mp4FormatError(`box '${type}' declares ${size} bytes, over the ${this.maxBoxBytes} byte limit`)
      }
      if (this.queue.length < size) break
      if (type === 'moof' && this.trexDefaults !== undefined) {
        // A media fragment is a moof followed by its mdat: take both in one piece, so that the
        // fragment is copied once rather than taken in two parts and joined (a hot path at 30+ fragments/s).
        const next = readBoxHeader(this.queue.peekAt(size, MAX_HEADER_BYTES))
        if (next === undefined) break
        if (next.type === 'mdat' && next.size !== undefined) {
          const total = size + next.size
          if (total > this.maxBoxBytes) throw new Mp4FormatError(`fragment declares ${total} bytes, over the ${this.maxBoxBytes} byte limit`)
          if (this.queue.length < total) break
          const data = this.queue.take(total)
          const moofBody = data.subarray(header.headerSize, size)
          events.push({ kind: 'fragment', data, keyframe: fragmentStartsWithKeyframe(moofBody, this.trexDefaults) ?? true })
          this.pendingMoof = undefined
          continue
        }
      }
      const event = this.onBox(type, header.headerSize, this.queue.take(size))
      if (event !== undefined) events.push(event)
    }
    return events
  }

  /** Bytes received but not yet part of a complete box. */
  get bufferedBytes(): number {
    return this.queue.length
  }

  private onBox(type: string, headerSize: number, box: Uint8Array): SplitterEvent | undefined {
    switch (type) {
      case 'ftyp':
        // A new ftyp after an init segment means a new stream has started on the same pipe.
        this.boxesBeforeMoov = [box]
        this.trexDefaults = undefined
        this.pendingMoof = undefined
        return undefined
      case 'moov': {
        const info = readInitSegmentInfo(box.subarray(headerSize))
        const data = concat([...this.boxesBeforeMoov, box])
        this.boxesBeforeMoov = []
        this.trexDefaults = info.defaultSampleFlags
        return { kind: 'init', data, codec: info.codec }
      }
      case 'moof':
        if (this.trexDefaults === undefined) throw new Mp4FormatError('media fragment received before the init segment')
        this.pendingMoof = box
        return undefined
      case 'mdat': {
        const moof = this.pendingMoof
        // An mdat without a moof belongs to a non-fragmented file: nothing we can play live.
        if (moof === undefined || this.trexDefaults === undefined) return undefined
        this.pendingMoof = undefined
        const keyframe = fragmentStartsWithKeyframe(moof.subarray(moofHeaderSize(moof)), this.trexDefaults) ?? true
        return { kind: 'fragment', data: concat([moof, box]), keyframe }
      }
      default:
        // styp, sidx, free, mfra (written when ffmpeg stops)…: nothing a live player needs.
        if (this.trexDefaults === undefined) this.boxesBeforeMoov.push(box)
        return undefined
    }
  }
}

function moofHeaderSize(moof: Uint8Array): number {
  return readBoxHeader(moof)?.headerSize ?? 8
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0)
  const out = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** A FIFO of byte chunks that hands out prefixes without copying more than needed. */
class ByteQueue {
  private chunks: Uint8Array[] = []
  /** Index of the first live chunk: consumed chunks are dropped in batches, not shifted one by one. */
  private head = 0
  private total = 0

  get length(): number {
    return this.total
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return
    this.chunks.push(chunk)
    this.total += chunk.length
  }

  /** Up to `count` bytes from the front, left in the queue. */
  peek(count: number): Uint8Array {
    const first = this.chunks[this.head]
    if (first === undefined) return new Uint8Array(0)
    if (first.length >= count || this.head === this.chunks.length - 1) return first.subarray(0, count)
    return this.copyFront(Math.min(count, this.total))
  }

  /** Up to `count` bytes starting `offset` bytes from the front, left in the queue. */
  peekAt(offset: number, count: number): Uint8Array {
    let skip = offset
    for (let index = this.head; index < this.chunks.length; index += 1) {
      const chunk = this.chunks[index] ?? new Uint8Array(0)
      if (skip >= chunk.length) {
        skip -= chunk.length
        continue
      }
      if (chunk.length - skip >= count || index === this.chunks.length - 1) return chunk.subarray(skip, skip + count)
      const out = new Uint8Array(Math.min(count, this.total - offset))
      let filled = 0
      for (let next = index; next < this.chunks.length && filled < out.length; next += 1) {
        const piece = (this.chunks[next] ?? new Uint8Array(0)).subarray(next === index ? skip : 0)
        const part = piece.subarray(0, out.length - filled)
        out.set(part, filled)
        filled += part.length
      }
      return out
    }
    return new Uint8Array(0)
  }

  /** Exactly `count` bytes from the front, removed from the queue. The caller checked `length`. */
  take(count: number): Uint8Array {
    const first = this.chunks[this.head]
    const front = first !== undefined && first.length >= count ? first.subarray(0, count) : this.copyFront(count)
    this.dropFront(count)
    return front
  }

  private copyFront(count: number): Uint8Array {
    const out = new Uint8Array(count)
    let filled = 0
    for (let index = this.head; index < this.chunks.length && filled < count; index += 1) {
      const piece = (this.chunks[index] ?? new Uint8Array(0)).subarray(0, count - filled)
      out.set(piece, filled)
      filled += piece.length
    }
    return out
  }

  private dropFront(count: number): void {
    let remaining = count
    while (remaining > 0 && this.head < this.chunks.length) {
      const first = this.chunks[this.head] ?? new Uint8Array(0)
      if (first.length <= remaining) {
        remaining -= first.length
        this.head += 1
      } else {
        this.chunks[this.head] = first.subarray(remaining)
        remaining = 0
      }
    }
    this.total -= count
    if (this.head > 64 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head)
      this.head = 0
    }
  }
}
