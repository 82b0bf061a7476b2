import { deliverMediaFrame, type InitFrame } from './media-frame-delivery'
import { toShownError, type ShownError } from '../api/errors'
import { isLivePlaybackSupported } from './live-player'
import { msPerMediaSecond, type MediaRange, type PlaybackSpeed, type StreamTiming } from './playback-clock'
import { resolveMediaUrl } from './media-socket'
import { MseSession, mimeType } from './mse-session'
import type { PlayerProblem } from './types'

/** What `playback.open` answers. */
export interface PlaybackStream {
  url: string
  /** Epoch ms of the first image the stream delivers. */
  start: number
  /** Whether the core burned the privacy masks in (false only while a lift is active). */
  masked: boolean
}

export interface PlaybackPlayerOptions {
  open: (at: number, speed: PlaybackSpeed) => Promise<PlaybackStream>
  /** Something the controller reads changed: a stream opened, ended, failed. */
  onChange: () => void
}

/**
 * closed: nothing asked; opening: waiting for the core's answer or the first image; streaming: media
 * arrives; ended: the core closed the stream (the recordings stop there); failed: see `error`.
 */
export type PlaybackPlayerState = 'closed' | 'opening' | 'streaming' | 'ended' | 'failed'


/** Steps between consecutive images kept to judge one image's duration. */
const FRAME_STEP_HISTORY = 30

/**
 * One camera's recording in one <video> element: the same fragmented MP4 over a WebSocket as live
 * view, through the same MseSession, but a stream that has a beginning (`start`) and an end, that is
 * never reopened on its own (every opening is a viewing the core audits) and that is placed in time
 * by the controller, not kept at its newest image.
 */
export class PlaybackPlayer {
  state: PlaybackPlayerState = 'closed'
  /** What the current stream was asked for. */
  request: { at: number; speed: PlaybackSpeed } | null = null
  stream: PlaybackStream | null = null
  error: ShownError | null = null
  problem: PlayerProblem | null = null
  /** The core's stream is still open but this player closed it, to bound the buffer during a long pause. */
  suspended = false

  private socket: WebSocket | null = null
  private session: MseSession | null = null
  private origin: number | null = null
  private streamId = 0
  private frameSteps: number[] = []
  private lastFrame: { mediaTime: number; presented: number } | null = null
  private frameCallback: number | null = null
  private lastDataAt: number | null = null
  private disposed = false

  constructor(
    readonly video: HTMLVideoElement,
    private readonly options: PlaybackPlayerOptions
  ) {
    video.muted = true
    video.autoplay = false
    video.playsInline = true
    video.addEventListener('error', this.onVideoError)
    this.watchFrames()
  }

  /** Asks the core for a stream from `at`; whatever was playing stops at once. */
  async open(at: number, speed: PlaybackSpeed): Promise<void> {
    if (this.disposed) return
    const id = this.reset()
    this.request = { at, speed }
    this.state = 'opening'
    this.options.onChange()
    if (!isLivePlaybackSupported()) {
      this.fail({ kind: 'unsupported' }, null)
      return
    }
    let stream: PlaybackStream
    try {
      stream = await this.options.open(at, speed)
    } catch (error) {
      if (id === this.streamId) this.fail(null, toShownError(error))
      return
    }
    if (id !== this.streamId || this.disposed) return
    this.stream = stream
    this.connect(id, stream.url)
    this.options.onChange()
  }

  /** Stops the stream and clears the picture. */
  close(): void {
    this.reset()
    this.options.onChange()
  }

  /** Stops receiving but keeps what was received, and the picture: the pause may be long. */
  suspend(): void {
    if (this.socket === null || this.state !== 'streaming') return
    this.streamId += 1
    this.closeSocket()
    this.suspended = true
    this.options.onChange()
  }

  /** How this stream's media time maps to recorded time; null until its first image is buffered. */
  timing(): StreamTiming | null {
    if (this.stream === null || this.request === null) return null
    if (this.origin === null) {
      const buffered = this.video.buffered
      if (this.session === null || buffered.length === 0) return null
      this.origin = buffered.start(0)
    }
    return { start: this.stream.start, origin: this.origin, msPerMediaSecond: msPerMediaSecond(this.request.speed) }
  }

  buffered(): MediaRange[] {
    if (this.session === null) return []
    const ranges = this.video.buffered
    const out: MediaRange[] = []
    for (let i = 0; i < ranges.length; i += 1) out.push({ start: ranges.start(i), end: ranges.end(i) })
    return out
  }

  /**
   * Milliseconds since this stream last brought anything (Infinity before its first frame). The core
   * reads ahead of the player; a stream silent for long has reached the end of what is recorded.
   */
  silentMs(): number {
    return this.lastDataAt === null ? Infinity : performance.now() - this.lastDataAt
  }

  /** Recorded ms between the last images shown, for the frame duration (see frameDurationMs). */
  recentFrameSteps(): readonly number[] {
    return this.frameSteps
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.reset()
    this.video.removeEventListener('error', this.onVideoError)
    if (this.frameCallback !== null && 'cancelVideoFrameCallback' in this.video) this.video.cancelVideoFrameCallback(this.frameCallback)
  }

  /** Drops the stream, the decoder and the picture; returns the id of the next stream. */
  private reset(): number {
    this.streamId += 1
    this.closeSocket()
    this.session?.dispose()
    this.session = null
    this.origin = null
    this.stream = null
    this.request = null
    this.error = null
    this.problem = null
    this.suspended = false
    this.state = 'closed'
    this.lastFrame = null
    this.lastDataAt = null
    this.video.pause()
    this.video.removeAttribute('src')
    this.video.load()
    return this.streamId
  }

  private fail(problem: PlayerProblem | null, error: ShownError | null): void {
    this.closeSocket()
    this.state = 'failed'
    this.problem = problem
    this.error = error
    this.options.onChange()
  }

  private connect(id: number, url: string): void {
    let socket: WebSocket
    try {
      socket = new WebSocket(resolveMediaUrl(url))
    } catch (error) {
      this.fail(null, toShownError(error))
      return
    }
    socket.binaryType = 'arraybuffer'
    this.socket = socket
    let received = false
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (id !== this.streamId || !(event.data instanceof ArrayBuffer)) return
      received = true
      this.lastDataAt = performance.now()
      this.onFrame(id, new Uint8Array(event.data))
    })
    socket.addEventListener('close', () => {
      if (id !== this.streamId) return
      this.socket = null
      if (this.state === 'failed') return
      // A stream closed before its first image: nothing recorded from there, or refused.
      this.state = 'ended'
      if (!received) this.problem = null
      this.options.onChange()
    })
  }

  private onFrame(id: number, bytes: Uint8Array): void {
    deliverMediaFrame(bytes, this.session, (init) => this.onInit(id, init))
  }

  private onInit(id: number, init: InitFrame): void {
    const current = this.session
    if (current && current.generation === init.generation && current.codec === init.codec) return
    if (current) {
      // The recorder restarted within the stream: its images start a new timeline, which this
      // stream cannot place. End here; the controller asks again from the moment reached.
      this.streamId += 1
      this.closeSocket()
      this.state = 'ended'
      this.options.onChange()
      return
    }
    if (!MediaSource.isTypeSupported(mimeType(init.codec))) {
      this.fail({ kind: 'codec', codec: init.codec }, null)
      return
    }
    this.session = new MseSession(this.video, init, () => {
      if (id === this.streamId) this.fail({ kind: 'decode' }, null)
    })
    this.state = 'streaming'
    this.options.onChange()
  }

  private readonly onVideoError = (): void => {
    if (this.session) this.fail({ kind: 'decode' }, null)
  }

  private closeSocket(): void {
    const socket = this.socket
    this.socket = null
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000, 'playback closed')
  }

  /** Measures the media time between images as they are shown (Chromium's requestVideoFrameCallback). */
  private watchFrames(): void {
    if (!('requestVideoFrameCallback' in this.video)) return
    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
      if (this.disposed) return
      const last = this.lastFrame
      const speed = this.request?.speed
      if (last && speed !== undefined && metadata.presentedFrames === last.presented + 1 && metadata.mediaTime > last.mediaTime) {
        this.frameSteps.push((metadata.mediaTime - last.mediaTime) * msPerMediaSecond(speed))
        if (this.frameSteps.length > FRAME_STEP_HISTORY) this.frameSteps.shift()
      }
      this.lastFrame = { mediaTime: metadata.mediaTime, presented: metadata.presentedFrames }
      this.frameCallback = this.video.requestVideoFrameCallback(onFrame)
    }
    this.frameCallback = this.video.requestVideoFrameCallback(onFrame)
  }
}
