import { deliverMediaFrame, type InitFrame } from '../../player/media-frame-delivery'
import { toShownError, type ShownError } from '../../api/errors'
import { isLivePlaybackSupported } from '../../player/live-player'
import { resolveMediaUrl } from '../../player/media-socket'
import { MseSession, mimeType } from '../../player/mse-session'
import type { PlayerProblem } from '../../player/types'

/** What `playback.open` answers: a one-time URL in the live view's format, from `start` on. */
export interface ClipStream {
  url: string
  /** Epoch ms of the first image the stream delivers. */
  start: number
  masked: boolean
}

export type ClipState = 'idle' | 'opening' | 'playing' | 'paused' | 'ended' | 'failed'

export interface ClipStatus {
  state: ClipState
  /** Epoch ms of the image shown, once one is. */
  position: number | null
  masked: boolean | null
  error: ShownError | null
  problem: PlayerProblem | null
}

export interface ClipPlayerOptions {
  /** Asks the core for the recording (playback.open); every call is a viewing it audits. */
  open: () => Promise<ClipStream>
  /** Epoch ms where the clip stops: it is played once, not followed on into the present. */
  endAt: number
  onChange: (status: ClipStatus) => void
}


/** How often the position is read while playing (the label and the bar follow it). */
const POSITION_MS = 200

/**
 * A short recorded clip around an alert, in one <video>: the recording's stream through the same
 * MseSession as live view, read once from the first image to `endAt`, then stopped. It never reopens
 * on its own; « replay » asks the core again.
 */
export class ClipPlayer {
  private status: ClipStatus = { state: 'idle', position: null, masked: null, error: null, problem: null }
  private socket: WebSocket | null = null
  private session: MseSession | null = null
  private stream: ClipStream | null = null
  private origin: number | null = null
  private attempt = 0
  private timer: ReturnType<typeof setInterval> | null = null
  private socketDone = false
  private disposed = false

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly options: ClipPlayerOptions
  ) {
    video.muted = true
    video.playsInline = true
    video.autoplay = false
    video.addEventListener('error', this.onVideoError)
  }

  get current(): ClipStatus {
    return this.status
  }

  async start(): Promise<void> {
    if (this.disposed) return
    const attempt = this.reset()
    this.update({ state: 'opening', position: null, masked: null, error: null, problem: null })
    if (!isLivePlaybackSupported()) {
      this.update({ state: 'failed', problem: { kind: 'unsupported' } })
      return
    }
    let stream: ClipStream
    try {
      stream = await this.options.open()
    } catch (error) {
      if (attempt === this.attempt) this.update({ state: 'failed', error: toShownError(error) })
      return
    }
    if (attempt !== this.attempt || this.disposed) return
    this.stream = stream
    this.update({ masked: stream.masked })
    this.connect(attempt, stream.url)
  }

  /** Space: play or pause; an ended or failed clip starts again. */
  toggle(): void {
    const { state } = this.status
    if (state === 'ended' || state === 'failed' || state === 'idle') {
      void this.start()
      return
    }
    if (state === 'opening') return
    if (this.video.paused) {
      void this.video.play().catch(() => undefined)
      this.update({ state: 'playing' })
    } else {
      this.video.pause()
      this.update({ state: 'paused' })
    }
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.reset()
    this.video.removeEventListener('error', this.onVideoError)
  }

  private reset(): number {
    this.attempt += 1
    this.closeSocket()
    this.stopTimer()
    this.session?.dispose()
    this.session = null
    this.stream = null
    this.origin = null
    this.socketDone = false
    this.video.pause()
    this.video.removeAttribute('src')
    this.video.load()
    return this.attempt
  }

  private connect(attempt: number, url: string): void {
    let socket: WebSocket
    try {
      socket = new WebSocket(resolveMediaUrl(url))
    } catch (error) {
      this.update({ state: 'failed', error: toShownError(error) })
      return
    }
    socket.binaryType = 'arraybuffer'
    this.socket = socket
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (attempt !== this.attempt || !(event.data instanceof ArrayBuffer)) return
      this.onFrame(new Uint8Array(event.data))
    })
    socket.addEventListener('close', () => {
      if (attempt !== this.attempt) return
      this.socket = null
      this.socketDone = true
      // Closed before any image: nothing recorded there.
      if (this.session === null && this.status.state === 'opening') this.update({ state: 'ended' })
    })
    this.startTimer(attempt)
  }

  private onFrame(bytes: Uint8Array): void {
    deliverMediaFrame(bytes, this.session, (init) => this.onInit(init))
  }

  private onInit(init: InitFrame): void {
    if (this.session) {
      // The recorder restarted within the clip: its images cannot be placed on this timeline; the clip stops here.
      if (this.session.generation !== init.generation || this.session.codec !== init.codec) {
        this.closeSocket()
        this.socketDone = true
      }
      return
    }
    if (!MediaSource.isTypeSupported(mimeType(init.codec))) {
      this.closeSocket()
      this.update({ state: 'failed', problem: { kind: 'codec', codec: init.codec } })
      return
    }
    this.session = new MseSession(this.video, init, () => this.update({ state: 'failed', problem: { kind: 'decode' } }))
  }

  private startTimer(attempt: number): void {
    this.stopTimer()
    this.timer = setInterval(() => {
      if (attempt !== this.attempt) return
      this.tick()
    }, POSITION_MS)
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }

  private tick(): void {
    const stream = this.stream
    const buffered = this.video.buffered
    if (!stream || !this.session || buffered.length === 0) return
    if (this.origin === null) {
      this.origin = buffered.start(0)
      this.video.currentTime = this.origin
      void this.video.play().catch(() => undefined)
      this.update({ state: 'playing' })
    }
    const toEpoch = (mediaTime: number): number => stream.start + (mediaTime - (this.origin ?? 0)) * 1000
    const bufferedEnd = buffered.end(buffered.length - 1)
    // Enough received: the rest of the recording is not the clip's.
    if (this.socket && toEpoch(bufferedEnd) >= this.options.endAt) {
      this.closeSocket()
      this.socketDone = true
    }
    const position = toEpoch(this.video.currentTime)
    const atEnd = position >= this.options.endAt || (this.socketDone && this.video.currentTime >= bufferedEnd - 0.05)
    if (atEnd && this.status.state === 'playing') {
      this.video.pause()
      this.stopTimer()
      this.update({ state: 'ended', position: Math.min(position, this.options.endAt) })
      return
    }
    if (position !== this.status.position) this.update({ position })
  }

  private readonly onVideoError = (): void => {
    if (this.session) this.update({ state: 'failed', problem: { kind: 'decode' } })
  }

  private closeSocket(): void {
    const socket = this.socket
    this.socket = null
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000, 'clip complete')
  }

  private update(patch: Partial<ClipStatus>): void {
    if (this.disposed) return
    this.status = { ...this.status, ...patch }
    this.options.onChange(this.status)
  }
}
