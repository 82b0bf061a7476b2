import { deliverMediaFrame, type InitFrame } from './media-frame-delivery'
import { ReconnectingMediaSocket } from './media-socket'
import { MseSession, mimeType } from './mse-session'
import { sameProblem, type LiveStats, type PlayerProblem } from './types'

export interface LivePlayerOptions {
  /** Asks the core for a stream URL (`live.open`); called again on every reconnection. */
  openUrl: () => Promise<string>
  /** About once per second. */
  onStats: (stats: LiveStats) => void
  /** Only when the problem changes. */
  onProblem: (problem: PlayerProblem | null) => void
}

const TICK_MS = 250
const TICKS_PER_REPORT = 4
/**
 * Beyond this much video waiting ahead of the playhead, the tile is no longer "live": jump forward.
 * Raised for sources whose fragments are longer (one fragment per keyframe interval): jumping over
 * every long fragment would freeze the picture instead of keeping it live.
 */
const MAX_BUFFERED_AHEAD_S = 2
/** Tolerance above one fragment's duration before a long-GOP stream counts as lagging. */
const FRAGMENT_SLACK_S = 1
/** Where a jump lands, behind the newest image: enough to absorb network jitter without stalling. */
const TARGET_BUFFERED_AHEAD_S = 0.3
const MAX_RECOVERY_DELAY_MS = 10_000


export function isLivePlaybackSupported(): boolean {
  return typeof window !== 'undefined' && 'MediaSource' in window
}

/**
 * Plays one camera's live stream in a <video> element through Media Source Extensions, and keeps it
 * live: a tile that drifts seconds behind reality is worse than one that skips a few images.
 */
export class LivePlayer {
  private readonly socket: ReconnectingMediaSocket
  private session: MseSession | null = null
  /** Set by each new connection: its first init segment must start a fresh MediaSource. */
  private connectionIsNew = true
  private tickTimer: ReturnType<typeof setInterval> | null = null
  private ticks = 0
  private lastFrameCount = 0
  private lastCurrentTime = 0
  private playPending = false
  private recentRecoveries = 0
  private problem: PlayerProblem | null = null
  private disposed = false

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly options: LivePlayerOptions
  ) {
    // Autoplay policies only let muted, inline video start on its own.
    video.muted = true
    video.autoplay = true
    video.playsInline = true
    this.socket = new ReconnectingMediaSocket({
      openUrl: options.openUrl,
      onConnected: () => {
        this.connectionIsNew = true
      },
      onFrame: (bytes) => this.onFrame(bytes),
      onProblem: (message) => {
        if (message !== null) this.setProblem({ kind: 'stream', message })
        else if (this.problem?.kind === 'stream') this.setProblem(null)
      }
    })
  }

  start(): void {
    if (!isLivePlaybackSupported()) {
      this.setProblem({ kind: 'unsupported' })
      return
    }
    this.video.addEventListener('error', this.onVideoError)
    this.socket.start()
    this.tickTimer = setInterval(() => this.tick(), TICK_MS)
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    if (this.tickTimer) clearInterval(this.tickTimer)
    this.video.removeEventListener('error', this.onVideoError)
    this.socket.dispose()
    this.session?.dispose()
    this.session = null
    // Release the decoder now rather than when the element is garbage-collected.
    this.video.removeAttribute('src')
    this.video.load()
  }

  private onFrame(bytes: Uint8Array): void {
    deliverMediaFrame(bytes, this.session, (init) => this.onInit(init))
  }

  private onInit(init: InitFrame): void {
    const current = this.session
    const sameStream = current && current.generation === init.generation && current.codec === init.codec
    if (sameStream && !this.connectionIsNew) return
    this.connectionIsNew = false
    current?.dispose()
    this.session = null
    if (!MediaSource.isTypeSupported(mimeType(init.codec))) {
      this.setProblem({ kind: 'codec', codec: init.codec })
      return
    }
    if (this.problem?.kind === 'codec') this.setProblem(null)
    this.lastFrameCount = 0
    this.session = new MseSession(this.video, init, () => this.recover())
  }

  private readonly onVideoError = (): void => {
    // Errors of a source we already dropped are not ours to handle.
    if (this.session) this.recover()
  }

  /** A decoder or buffer error: a new connection brings a new init segment and a clean MediaSource. */
  private recover(): void {
    if (this.disposed) return
    this.setProblem({ kind: 'decode' })
    this.session?.dispose()
    this.session = null
    const delay = Math.min(MAX_RECOVERY_DELAY_MS, 500 * 2 ** this.recentRecoveries)
    this.recentRecoveries += 1
    this.socket.restart(delay)
  }

  private tick(): void {
    this.keepLive()
    this.ticks += 1
    if (this.ticks % TICKS_PER_REPORT === 0) this.report()
  }

  private keepLive(): void {
    const video = this.video
    const buffered = video.buffered
    if (!this.session || buffered.length === 0) return
    const last = buffered.length - 1
    const start = buffered.start(last)
    const end = buffered.end(last)
    const maxAhead = Math.max(MAX_BUFFERED_AHEAD_S, this.session.recentFragmentSpanS + FRAGMENT_SLACK_S)
    // Behind the newest range (a gap after skipped fragments) or too far behind its end: jump.
    if (video.currentTime < start || end - video.currentTime > maxAhead) {
      video.currentTime = Math.max(start, end - TARGET_BUFFERED_AHEAD_S)
    }
    if (video.paused && !this.playPending) {
      this.playPending = true
      video
        .play()
        .catch(() => undefined)
        .finally(() => {
          this.playPending = false
        })
    }
  }

  private report(): void {
    const video = this.video
    const frameCount = video.getVideoPlaybackQuality?.().totalVideoFrames ?? 0
    const framesAdvancing =
      this.session !== null && !video.paused && (frameCount !== this.lastFrameCount || video.currentTime !== this.lastCurrentTime)
    this.lastFrameCount = frameCount
    this.lastCurrentTime = video.currentTime

    if (framesAdvancing) {
      this.recentRecoveries = 0
      if (this.problem?.kind === 'decode') this.setProblem(null)
    }

    const receivedAt = this.session?.lastAppendedReceivedAt ?? null
    const buffered = video.buffered
    const aheadS = buffered.length > 0 ? Math.max(0, buffered.end(buffered.length - 1) - video.currentTime) : 0
    const latencyMs = receivedAt === null ? null : Math.max(0, Date.now() - receivedAt) + aheadS * 1000
    this.options.onStats({ latencyMs, framesAdvancing })
  }

  private setProblem(problem: PlayerProblem | null): void {
    if (sameProblem(this.problem, problem)) return
    this.problem = problem
    this.options.onProblem(problem)
  }
}
