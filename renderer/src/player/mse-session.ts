/**
 * One MediaSource for one encoder generation of a camera: the init segment, then fragments appended
 * one at a time (a SourceBuffer accepts a single operation until `updateend`), and old media removed so
 * that a wall of sixteen tiles left running for days keeps a small, constant memory footprint.
 */
export interface InitSegment {
  generation: number
  codec: string
  data: Uint8Array
}

export interface Fragment {
  keyframe: boolean
  receivedAt: number
  data: Uint8Array
}

type Queued =
  | { kind: 'init'; data: Uint8Array<ArrayBuffer> }
  | { kind: 'fragment'; keyframe: boolean; receivedAt: number; data: Uint8Array<ArrayBuffer> }

/** How many recent fragment durations are remembered to judge how much buffer is normal. */
const SPAN_HISTORY = 8

/** Seconds of already-played video kept behind the playhead. */
const KEEP_BEHIND_S = 10
/** Removing in batches avoids a remove() after every single fragment. */
const TRIM_BATCH_S = 2
/** Beyond this backlog (a hidden or overloaded window), skipping to the newest keyframe beats lagging. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024

export function mimeType(codec: string): string {
  return `video/mp4; codecs="${codec}"`
}

/** SourceBuffer wants bytes backed by a plain ArrayBuffer; frames from a WebSocket already are. */
function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes)
}

function bufferedEnd(sourceBuffer: SourceBuffer): number {
  const buffered = sourceBuffer.buffered
  return buffered.length > 0 ? buffered.end(buffered.length - 1) : 0
}

export class MseSession {
  readonly generation: number
  readonly codec: string
  /** `receivedAt` of the newest fragment the SourceBuffer has accepted. */
  lastAppendedReceivedAt: number | null = null

  private readonly recentSpans: number[] = []
  private endBeforeAppend = 0

  private readonly mediaSource = new MediaSource()
  private readonly objectUrl: string
  private sourceBuffer: SourceBuffer | null = null
  private queue: Queued[] = []
  private queuedBytes = 0
  private appending: Queued | null = null
  private disposed = false

  constructor(
    private readonly video: HTMLVideoElement,
    init: InitSegment,
    private readonly onError: () => void
  ) {
    this.generation = init.generation
    this.codec = init.codec
    this.enqueue({ kind: 'init', data: plainBytes(init.data) })
    this.objectUrl = URL.createObjectURL(this.mediaSource)
    this.mediaSource.addEventListener('sourceopen', this.onSourceOpen, { once: true })
    video.src = this.objectUrl
  }

  appendFragment(fragment: Fragment): void {
    if (this.disposed) return
    this.enqueue({ kind: 'fragment', keyframe: fragment.keyframe, receivedAt: fragment.receivedAt, data: plainBytes(fragment.data) })
    if (this.queuedBytes > MAX_QUEUED_BYTES) this.skipToNewestKeyframe()
    this.pump()
  }

  /**
   * Seconds of video the longest recent fragment carried. A camera fragments at its keyframes, so a
   * source with a 3 s GOP delivers 3 s at once: that much buffer ahead is normal, not lag.
   */
  get recentFragmentSpanS(): number {
    return this.recentSpans.length > 0 ? Math.max(...this.recentSpans) : 0
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.queue = []
    this.queuedBytes = 0
    this.mediaSource.removeEventListener('sourceopen', this.onSourceOpen)
    this.sourceBuffer?.removeEventListener('updateend', this.onUpdateEnd)
    this.sourceBuffer?.removeEventListener('error', this.onBufferError)
    URL.revokeObjectURL(this.objectUrl)
  }

  private readonly onSourceOpen = (): void => {
    // The element holds the MediaSource now; the URL is no longer needed.
    URL.revokeObjectURL(this.objectUrl)
    if (this.disposed) return
    try {
      const sourceBuffer = this.mediaSource.addSourceBuffer(mimeType(this.codec))
      sourceBuffer.mode = 'segments'
      sourceBuffer.addEventListener('updateend', this.onUpdateEnd)
      sourceBuffer.addEventListener('error', this.onBufferError)
      this.sourceBuffer = sourceBuffer
    } catch {
      this.onError()
      return
    }
    this.pump()
  }

  private readonly onUpdateEnd = (): void => {
    const done = this.appending
    this.appending = null
    if (done?.kind === 'fragment') {
      this.lastAppendedReceivedAt = done.receivedAt
      if (this.sourceBuffer) this.rememberSpan(bufferedEnd(this.sourceBuffer) - this.endBeforeAppend)
    }
    this.pump()
  }

  private readonly onBufferError = (): void => {
    if (!this.disposed) this.onError()
  }

  private rememberSpan(span: number): void {
    // The first fragment after a gap or a removal says nothing about the stream's rhythm.
    if (!(span > 0 && span < 30)) return
    this.recentSpans.push(span)
    if (this.recentSpans.length > SPAN_HISTORY) this.recentSpans.shift()
  }

  private enqueue(item: Queued): void {
    this.queue.push(item)
    this.queuedBytes += item.data.byteLength
  }

  private pump(): void {
    const sourceBuffer = this.sourceBuffer
    if (this.disposed || !sourceBuffer || sourceBuffer.updating || this.mediaSource.readyState !== 'open') return
    // A removal is an operation too: its updateend calls pump() again.
    if (this.trimPlayed(sourceBuffer)) return
    const next = this.queue.shift()
    if (!next) return
    this.queuedBytes -= next.data.byteLength
    try {
      this.endBeforeAppend = bufferedEnd(sourceBuffer)
      sourceBuffer.appendBuffer(next.data)
      this.appending = next
    } catch (error) {
      if (error instanceof DOMException && error.name === 'QuotaExceededError') {
        this.queue.unshift(next)
        this.queuedBytes += next.data.byteLength
        this.freeSpace(sourceBuffer)
        return
      }
      this.onError()
    }
  }

  private trimPlayed(sourceBuffer: SourceBuffer): boolean {
    const buffered = sourceBuffer.buffered
    if (buffered.length === 0) return false
    const start = buffered.start(0)
    const keepFrom = this.video.currentTime - KEEP_BEHIND_S
    if (keepFrom - start < TRIM_BATCH_S) return false
    return this.tryRemove(sourceBuffer, start, keepFrom)
  }

  /** The buffer is full: keep only the last second behind the playhead, or skip ahead if that is not enough. */
  private freeSpace(sourceBuffer: SourceBuffer): void {
    const buffered = sourceBuffer.buffered
    const keepFrom = this.video.currentTime - 1
    if (buffered.length > 0 && keepFrom > buffered.start(0) && this.tryRemove(sourceBuffer, buffered.start(0), keepFrom)) return
    this.skipToNewestKeyframe()
  }

  private tryRemove(sourceBuffer: SourceBuffer, start: number, end: number): boolean {
    try {
      sourceBuffer.remove(start, end)
      return true
    } catch {
      return false
    }
  }

  /** Drops queued fragments up to the newest keyframe; a pending init segment is always kept. */
  private skipToNewestKeyframe(): void {
    let newestKeyframe = -1
    for (let i = this.queue.length - 1; i >= 0; i -= 1) {
      const item = this.queue[i]
      if (item.kind === 'fragment' && item.keyframe) {
        newestKeyframe = i
        break
      }
    }
    if (newestKeyframe <= 0) return
    const kept = this.queue.slice(newestKeyframe)
    const pendingInit = this.queue.slice(0, newestKeyframe).filter((item) => item.kind === 'init')
    this.queue = [...pendingInit, ...kept]
    this.queuedBytes = this.queue.reduce((total, item) => total + item.data.byteLength, 0)
  }
}
