import type { MediaFrame } from '../../shared/media-frames'

/**
 * Fans one camera's fMP4 out to any number of viewers. Each viewer gets a playable stream: the init
 * segment first, then fragments starting at a keyframe, never from the middle of a GOP.
 *
 * The same byte arrays are handed to every viewer; listeners must treat them as read-only.
 */

/** What a viewer receives: exactly the frames of the media channel (electron/shared/media-frames.ts). */
export type MediaMessage = MediaFrame

export interface MediaListener {
  onMessage(message: MediaMessage): void
  /**
   * Bytes handed over but not yet sent by the transport (e.g. WebSocket#bufferedAmount). When given and
   * above the stream's bound, fragments are dropped up to the next keyframe: a slow viewer skips ahead
   * instead of falling ever further behind live.
   */
  bufferedAmount?(): number
}

export interface LiveStreamOptions {
  readonly maxBufferedBytes?: number
  /** Called when a listener throws; that listener is then removed so it cannot disturb the others. */
  readonly onListenerError?: (error: unknown) => void
}

/** About two seconds of a 4 Mbit/s camera. */
export const DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024

interface CurrentInit {
  readonly generation: number
  readonly codec: string
  readonly data: Uint8Array
}

interface Subscriber {
  readonly listener: MediaListener
  /** True until a keyframe is delivered: after joining, a new init segment, or a drop. */
  waitingForKeyframe: boolean
}

export class LiveStream {
  private readonly maxBufferedBytes: number
  private readonly onListenerError: ((error: unknown) => void) | undefined
  private readonly subscribers = new Set<Subscriber>()
  private currentInit: CurrentInit | undefined
  private currentGeneration = 0

  constructor(options: LiveStreamOptions = {}) {
    this.maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES
    this.onListenerError = options.onListenerError
  }

  /** Incremented by every init segment; 0 until the first one. */
  get generation(): number {
    return this.currentGeneration
  }

  get init(): CurrentInit | undefined {
    return this.currentInit
  }

  get subscriberCount(): number {
    return this.subscribers.size
  }

  /** Returns the function that unsubscribes. A late subscriber gets the current init segment at once. */
  subscribe(listener: MediaListener): () => void {
    const subscriber: Subscriber = { listener, waitingForKeyframe: true }
    this.subscribers.add(subscriber)
    if (this.currentInit !== undefined) this.deliver(subscriber, { type: 'init', ...this.currentInit })
    return () => {
      this.subscribers.delete(subscriber)
    }
  }

  /** A new init segment starts a new generation (ffmpeg restarted, maybe with another codec). */
  publishInit(init: { readonly codec: string; readonly data: Uint8Array }): void {
    this.currentGeneration += 1
    this.currentInit = { generation: this.currentGeneration, codec: init.codec, data: init.data }
    const message: MediaMessage = { type: 'init', ...this.currentInit }
    for (const subscriber of this.subscribers) {
      subscriber.waitingForKeyframe = true
      this.deliver(subscriber, message)
    }
  }

  publishFragment(fragment: { readonly keyframe: boolean; readonly data: Uint8Array; readonly receivedAt?: number }): void {
    // Fragments without an init segment cannot be decoded by anyone.
    if (this.currentInit === undefined) return
    const message: MediaMessage = {
      type: 'fragment',
      generation: this.currentGeneration,
      keyframe: fragment.keyframe,
      receivedAt: fragment.receivedAt ?? Date.now(),
      data: fragment.data
    }
    for (const subscriber of this.subscribers) {
      if (this.isBehind(subscriber)) {
        subscriber.waitingForKeyframe = true
        continue
      }
      if (subscriber.waitingForKeyframe) {
        if (!fragment.keyframe) continue
        subscriber.waitingForKeyframe = false
      }
      this.deliver(subscriber, message)
    }
  }

  private isBehind(subscriber: Subscriber): boolean {
    const buffered = subscriber.listener.bufferedAmount?.()
    return buffered !== undefined && buffered > this.maxBufferedBytes
  }

  private deliver(subscriber: Subscriber, message: MediaMessage): void {
    try {
      subscriber.listener.onMessage(message)
    } catch (error) {
      this.subscribers.delete(subscriber)
      this.onListenerError?.(error)
    }
  }
}
