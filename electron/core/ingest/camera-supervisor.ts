import { existsSync } from 'node:fs'
import type { CameraHealth, HealthReason, HealthReasonCode, HealthState as CameraHealthState } from '../../shared/camera'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff'
import { parseCameraSource, type CameraSource, type RtspTransport } from './camera-source'
import { spawnGuarded, type SpawnedProcess, type SpawnProcess } from './child-process-guard'
import { systemClock, type Clock } from './clock'
import { buildDisplayArgs, canCopyForDisplay } from './ffmpeg-args'
import { FfmpegStderrParser, type ProcessExit } from './ffmpeg-stderr'
import { Fmp4Splitter, type SplitterEvent } from './fmp4-splitter'
import { LineBuffer } from './line-buffer'
import { LiveStream } from './live-stream'

/**
 * Keeps one camera's ffmpeg running: spawns it, turns its output into a LiveStream, watches for
 * silence, explains failures, and reconnects with backoff until stopped.
 */

export type TranscodeMode = 'auto' | 'always'

export interface CameraConfig {
  readonly id: string
  readonly source: string
  readonly rtspTransport?: RtspTransport
  /** `auto`: copy H.264 as is, re-encode anything else. `always`: always re-encode. */
  readonly transcode?: TranscodeMode
  /**
   * The camera's privacy masks as an image (recording/mask-image.ts), burned into the display stream,
   * which is then always transcoded. Absent: nothing to mask, or a mask lift in force (the caller's call).
   */
  readonly maskImage?: string
}

/** Health as the contract defines it (electron/shared/camera.ts): one definition for core and screen. */
export type { CameraHealth, HealthReason, HealthReasonCode, HealthState as CameraHealthState } from '../../shared/camera'

export interface CameraSupervisorOptions {
  /** Restart when a live ffmpeg writes nothing for this long. */
  readonly stallTimeoutMs?: number
  /** Restart when a starting ffmpeg has written nothing for this long (probing a camera takes seconds). */
  readonly connectTimeoutMs?: number
  readonly backoff?: Partial<BackoffPolicy>
  /** Time between SIGTERM and SIGKILL when stopping ffmpeg. */
  readonly killGraceMs?: number
  /** ffmpeg's own network I/O timeout (see ffmpeg-args.ts). */
  readonly ioTimeoutMs?: number
  readonly clock?: Clock
  /** Returns a number in [0, 1) for the backoff jitter. */
  readonly random?: () => number
  readonly spawn?: SpawnProcess
}

export interface CameraSupervisorParams {
  readonly camera: CameraConfig
  readonly ffmpegPath: string
  readonly options?: CameraSupervisorOptions
  readonly log?: (message: string) => void
  /** Reuse a stream (and its viewers) from a previous supervisor of the same camera. */
  readonly stream?: LiveStream
}

export const DEFAULT_STALL_TIMEOUT_MS = 5000
export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000
export const DEFAULT_KILL_GRACE_MS = 2000

/** Errors that retrying soon will not fix: they need someone to change the configuration or the camera. */
const PERMANENT_FAILURES: ReadonlySet<HealthReasonCode> = new Set([
  'UNAUTHORIZED',
  'NOT_FOUND',
  'FILE_NOT_FOUND',
  'FFMPEG_UNAVAILABLE'
])

const INVALID_STREAM: HealthReason = { code: 'INVALID_STREAM', message: 'Flux vidéo illisible (sortie MP4 invalide)' }
const NO_PICTURE_AT_START: HealthReason = { code: 'TIMEOUT', message: 'La caméra ne répond pas (aucune image reçue)' }
const MASK_IMAGE_MISSING: HealthReason = {
  code: 'FILE_NOT_FOUND',
  message: 'Image des masques de confidentialité introuvable : la caméra n’est pas affichée'
}

/** One ffmpeg process and what we know about it. */
interface Run {
  readonly child: SpawnedProcess
  readonly transcoding: boolean
  readonly splitter: Fmp4Splitter
  readonly stderr: FfmpegStderrParser
  readonly stderrLines: LineBuffer
  readonly startedAt: number
  lastDataAt: number | undefined
  live: boolean
  /** Set when we end the run ourselves, to say why and what to do next. */
  ending: { readonly reason?: HealthReason; readonly relaunchAtOnce: boolean } | undefined
  spawnError: Error | undefined
  cancelWatchdog: () => void
  cancelKill: () => void
  closed: boolean
  readonly whenClosed: Promise<void>
  markClosed: () => void
}

type HealthListener = (health: CameraHealth) => void

export class CameraSupervisor {
  readonly stream: LiveStream
  readonly camera: CameraConfig

  private readonly ffmpegPath: string
  private readonly log: (message: string) => void
  private readonly clock: Clock
  private readonly random: () => number
  private readonly spawnProcess: SpawnProcess
  private readonly backoff: BackoffPolicy
  private readonly stallTimeoutMs: number
  private readonly connectTimeoutMs: number
  private readonly killGraceMs: number
  private readonly ioTimeoutMs: number | undefined
  private readonly listeners = new Set<HealthListener>()

  private currentHealth: CameraHealth
  private source: CameraSource | undefined
  private transcode: boolean
  private run: Run | undefined
  private failures = 0
  private cancelRetry: (() => void) | undefined
  private started = false
  private stopping: Promise<void> | undefined

  constructor(params: CameraSupervisorParams) {
    const options = params.options ?? {}
    this.camera = params.camera
    this.ffmpegPath = params.ffmpegPath
    this.stream = params.stream ?? new LiveStream()
    this.log = params.log ?? (() => {})
    this.clock = options.clock ?? systemClock
    this.random = options.random ?? Math.random
    this.spawnProcess = options.spawn ?? spawnGuarded
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff }
    this.stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
    this.killGraceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS
    this.ioTimeoutMs = options.ioTimeoutMs
    this.transcode = params.camera.transcode === 'always' || params.camera.maskImage !== undefined
    this.currentHealth = { state: 'connecting', since: this.clock.now(), attempt: 0, transcoding: this.transcode }
  }

  get health(): CameraHealth {
    return this.currentHealth
  }

  /** The listener is called after every change; returns the function that removes it. */
  onDidChangeHealth(listener: HealthListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Starts ingesting. Calling it again, or after stop(), does nothing: a supervisor runs once. */
  start(): void {
    if (this.started || this.stopping !== undefined) return
    this.started = true
    const parsed = parseCameraSource(this.camera.source, { rtspTransport: this.camera.rtspTransport ?? 'tcp' })
    if (!parsed.ok) {
      // Retrying cannot fix a malformed address, so nothing is spawned and nothing is scheduled.
      this.log(`${this.logPrefix()} ${parsed.error.message}`)
      this.setHealth({ state: 'failed', reason: parsed.error })
      return
    }
    this.source = parsed.value
    this.log(`${this.logPrefix()} starting ${parsed.value.display}`)
    this.launch()
  }

  /** Stops reconnecting and ends ffmpeg (SIGTERM, then SIGKILL after the grace period). */
  stop(): Promise<void> {
    if (this.stopping !== undefined) return this.stopping
    this.cancelRetry?.()
    this.cancelRetry = undefined
    const run = this.run
    this.stopping = run === undefined ? Promise.resolve() : this.terminate(run)
    return this.stopping
  }

  private launch(): void {
    const source = this.source
    if (source === undefined || this.stopping !== undefined) return
    const transcoding = this.transcode
    const { maskImage } = this.camera
    if (maskImage !== undefined && !existsSync(maskImage)) {
      // ffmpeg would fail too (the camera is never shown unmasked); this only says why in plain words.
      this.scheduleRetry(MASK_IMAGE_MISSING)
      return
    }
    const args = buildDisplayArgs({
      source,
      transcode: transcoding,
      ...(this.ioTimeoutMs !== undefined ? { ioTimeoutMs: this.ioTimeoutMs } : {}),
      ...(maskImage !== undefined ? { maskImage } : {})
    })
    let child: SpawnedProcess
    try {
      child = this.spawnProcess(this.ffmpegPath, args)
    } catch (error) {
      this.scheduleRetry(ffmpegUnavailable(error))
      return
    }
    let markClosed = (): void => {}
    const whenClosed = new Promise<void>((resolve) => {
      markClosed = resolve
    })
    const run: Run = {
      child,
      transcoding,
      splitter: new Fmp4Splitter(),
      stderr: new FfmpegStderrParser(),
      stderrLines: new LineBuffer(),
      startedAt: this.clock.now(),
      lastDataAt: undefined,
      live: false,
      ending: undefined,
      spawnError: undefined,
      cancelWatchdog: () => {},
      cancelKill: () => {},
      closed: false,
      whenClosed,
      markClosed
    }
    this.run = run
    this.setHealth({ transcoding })

    child.stdout.on('data', (chunk: Uint8Array) => this.onStdout(run, chunk))
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => this.onStderrText(run, text))
    child.on('error', (error) => {
      // Also emitted when a signal cannot be delivered; only a failed spawn leaves no pid.
      if (child.pid === undefined) run.spawnError = error
    })
    child.on('close', (code, signal) => this.onClose(run, { code, signal }))
    this.armWatchdog(run)
  }

  private onStdout(run: Run, chunk: Uint8Array): void {
    if (!this.isCurrent(run)) return
    const now = this.clock.now()
    const firstData = run.lastDataAt === undefined
    run.lastDataAt = now
    if (firstData) {
      // From now on silence is judged by the (shorter) stall timeout, not the connect timeout.
      run.cancelWatchdog()
      this.armWatchdog(run)
    }
    let events: SplitterEvent[]
    try {
      events = run.splitter.push(chunk)
    } catch (error) {
      this.log(`${this.logPrefix()} unreadable ffmpeg output: ${errorMessage(error)}`)
      this.endRun(run, { reason: INVALID_STREAM, relaunchAtOnce: false })
      return
    }
    for (const event of events) {
      if (!this.isCurrent(run)) return
      if (event.kind === 'init') {
        // Backstop for when stderr did not tell us the codec: never hand the browser something it cannot play.
        if (!run.transcoding && !/^avc[13]\./u.test(event.codec)) {
          this.switchToTranscoding(run, event.codec)
          return
        }
        this.stream.publishInit({ codec: event.codec, data: event.data })
      } else {
        this.stream.publishFragment({ keyframe: event.keyframe, data: event.data, receivedAt: now })
        if (!run.live) this.goLive(run)
      }
    }
  }

  private goLive(run: Run): void {
    run.live = true
    this.failures = 0
    this.log(`${this.logPrefix()} live${run.transcoding ? ' (transcoded)' : ''}`)
    this.setHealth({ state: 'live', reason: undefined, attempt: 0 })
  }

  private onStderrText(run: Run, text: string): void {
    for (const line of run.stderrLines.push(text)) this.onStderrLine(run, line)
  }

  private onStderrLine(run: Run, line: string): void {
    const video = run.stderr.push(line)
    if (video === undefined || !this.isCurrent(run)) return
    this.setHealth({ codec: video.codec })
    if (run.transcoding || canCopyForDisplay(video)) return
    this.switchToTranscoding(run, video.profile === undefined ? video.codec : `${video.codec} (${video.profile})`)
  }

  private switchToTranscoding(run: Run, codec: string): void {
    this.log(`${this.logPrefix()} ${codec} cannot be shown as is: restarting with H.264 transcoding`)
    this.transcode = true
    this.endRun(run, { relaunchAtOnce: true })
  }

  /** Stall detection: one timer per deadline rather than one reset per chunk. */
  private armWatchdog(run: Run): void {
    const deadline =
      run.lastDataAt === undefined ? run.startedAt + this.connectTimeoutMs : run.lastDataAt + this.stallTimeoutMs
    run.cancelWatchdog = this.clock.setTimeout(() => this.checkWatchdog(run), Math.max(0, deadline - this.clock.now()))
  }

  private checkWatchdog(run: Run): void {
    if (!this.isCurrent(run)) return
    const now = this.clock.now()
    if (run.lastDataAt === undefined) {
      if (now - run.startedAt < this.connectTimeoutMs) return this.armWatchdog(run)
      this.endRun(run, { reason: NO_PICTURE_AT_START, relaunchAtOnce: false })
      return
    }
    if (now - run.lastDataAt < this.stallTimeoutMs) return this.armWatchdog(run)
    const seconds = Math.round(this.stallTimeoutMs / 1000)
    const reason: HealthReason = { code: 'STALLED', message: `Plus d’image depuis ${seconds} s` }
    this.log(`${this.logPrefix()} stalled: no data for ${this.stallTimeoutMs} ms`)
    this.setHealth({ state: 'stalled', reason })
    this.endRun(run, { reason, relaunchAtOnce: false })
  }

  /** Ends a run on purpose; what happens next is decided in onClose. */
  private endRun(run: Run, ending: NonNullable<Run['ending']>): void {
    if (run.ending !== undefined || run.closed) return
    run.ending = ending
    void this.terminate(run)
  }

  private terminate(run: Run): Promise<void> {
    run.cancelWatchdog()
    if (run.closed) return run.whenClosed
    run.ending ??= { relaunchAtOnce: false }
    run.child.kill('SIGTERM')
    run.cancelKill()
    run.cancelKill = this.clock.setTimeout(() => {
      if (!run.closed) run.child.kill('SIGKILL')
    }, this.killGraceMs)
    return run.whenClosed
  }

  private onClose(run: Run, exit: ProcessExit): void {
    if (run.closed) return
    run.closed = true
    run.cancelWatchdog()
    run.cancelKill()
    for (const line of run.stderrLines.flush()) run.stderr.push(line)
    run.markClosed()
    if (this.run !== run) return
    this.run = undefined
    if (this.stopping !== undefined) return
    if (run.ending?.relaunchAtOnce === true) return this.launch()

    const reason: HealthReason =
      run.ending?.reason ??
      (run.spawnError !== undefined ? ffmpegUnavailable(run.spawnError) : run.stderr.describeFailure(exit))
    const status = `code ${exit.code ?? '-'}, signal ${exit.signal ?? '-'}`
    this.log(`${this.logPrefix()} ffmpeg ended (${status}): ${reason.code} ${reason.message}`)
    this.scheduleRetry(reason)
  }

  private scheduleRetry(reason: HealthReason): void {
    this.failures += 1
    const permanent = PERMANENT_FAILURES.has(reason.code)
    // Permanent errors are still retried, slowly: someone may fix the camera without touching the app.
    const delay = permanent
      ? backoffDelay(Number.MAX_SAFE_INTEGER, this.backoff, this.random)
      : backoffDelay(this.failures, this.backoff, this.random)
    this.setHealth({ state: permanent ? 'failed' : 'reconnecting', reason, attempt: this.failures })
    this.cancelRetry = this.clock.setTimeout(() => {
      this.cancelRetry = undefined
      this.launch()
    }, delay)
  }

  private isCurrent(run: Run): boolean {
    return this.run === run && run.ending === undefined && this.stopping === undefined
  }

  private setHealth(patch: {
    readonly state?: CameraHealthState
    readonly reason?: HealthReason | undefined
    readonly attempt?: number
    readonly transcoding?: boolean
    readonly codec?: string
  }): void {
    const previous = this.currentHealth
    const state = patch.state ?? previous.state
    const reason = 'reason' in patch ? patch.reason : previous.reason
    const codec = patch.codec ?? previous.codec
    const next: CameraHealth = {
      state,
      since: state === previous.state ? previous.since : this.clock.now(),
      attempt: patch.attempt ?? previous.attempt,
      transcoding: patch.transcoding ?? previous.transcoding,
      ...(reason !== undefined ? { reason } : {}),
      ...(codec !== undefined ? { codec } : {})
    }
    if (sameHealth(previous, next)) return
    this.currentHealth = next
    for (const listener of [...this.listeners]) {
      try {
        listener(next)
      } catch (error) {
        // A failing observer (a closed connection…) must not stop the camera from being supervised.
        this.log(`${this.logPrefix()} health listener failed: ${errorMessage(error)}`)
      }
    }
  }

  private logPrefix(): string {
    return `[capture:${this.camera.id}]`
  }
}

function sameHealth(a: CameraHealth, b: CameraHealth): boolean {
  return (
    a.state === b.state &&
    a.since === b.since &&
    a.attempt === b.attempt &&
    a.transcoding === b.transcoding &&
    a.codec === b.codec &&
    a.reason?.code === b.reason?.code &&
    a.reason?.message === b.reason?.message
  )
}

function ffmpegUnavailable(error: unknown): HealthReason {
  const notFound = error instanceof Error && 'code' in error && error.code === 'ENOENT'
  const message = notFound
    ? 'ffmpeg est introuvable : installez-le ou réglez FFMPEG_PATH'
    : `Impossible de lancer ffmpeg : ${errorMessage(error)}`
  return { code: 'FFMPEG_UNAVAILABLE', message }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
