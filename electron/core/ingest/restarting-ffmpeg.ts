import { backoffDelay, DEFAULT_BACKOFF } from './backoff'
import { spawnGuarded, type SpawnedProcess, type SpawnProcess } from './child-process-guard'
import { FfmpegStderrParser } from './ffmpeg-stderr'
import { LineBuffer } from './line-buffer'

export interface RestartingFfmpegOptions {
  /** How the process is named in the logs: `detect:<camera>`, `record:<camera>`. */
  name: string
  ffmpegPath: string
  /** The command line, or why none can be built (a malformed source): then nothing is spawned. */
  args: () => { ok: true; args: string[] } | { ok: false; problem: string }
  spawn?: SpawnProcess
  log?: (message: string) => void
  onStdout?: (chunk: Buffer) => void
  onStderrLine?: (line: string) => void
  /** A run has ended on its own; `problem` is ffmpeg's reason in French. A restart follows. */
  onExit?: (problem: string) => void
}

const KILL_GRACE_MS = 2000

/**
 * An ffmpeg process that is started again, with backoff, whenever it ends on its own, until stop().
 * The owner calls healthy() when output shows the run is working, so the next failure starts the
 * backoff from its shortest delay again.
 */
export class RestartingFfmpeg {
  private child: SpawnedProcess | null = null
  private stopped = false
  private attempt = 0
  private restartTimer: ReturnType<typeof setTimeout> | null = null
  private exited: Promise<void> = Promise.resolve()
  lastProblem: string | null = null

  constructor(private readonly options: RestartingFfmpegOptions) {}

  get running(): boolean {
    return this.child !== null
  }

  healthy(): void {
    this.attempt = 0
    this.lastProblem = null
  }

  start(): void {
    if (this.child || this.stopped) return
    const built = this.options.args()
    if (!built.ok) {
      this.lastProblem = built.problem
      return
    }
    const child = (this.options.spawn ?? spawnGuarded)(this.options.ffmpegPath, built.args)
    this.child = child
    const stderr = new FfmpegStderrParser()
    const lines = new LineBuffer()
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => {
      for (const line of lines.push(text)) {
        stderr.push(line)
        this.options.onStderrLine?.(line)
      }
    })
    if (this.options.onStdout) child.stdout.on('data', this.options.onStdout)
    else child.stdout.resume()
    this.exited = new Promise((resolve) => {
      child.on('close', (code, signal) => {
        this.child = null
        resolve()
        if (this.stopped) return
        this.lastProblem = stderr.describeFailure({ code, signal }).message
        this.options.log?.(`[${this.options.name}] stopped: ${this.lastProblem}; restarting`)
        this.options.onExit?.(this.lastProblem)
        this.restartTimer = setTimeout(() => this.start(), backoffDelay(this.attempt++, DEFAULT_BACKOFF))
      })
      child.on('error', (error) => {
        this.lastProblem = error.message
      })
    })
  }

  /** Ends the process for good; resolves once it has exited (SIGKILL after a short grace). */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.restartTimer) clearTimeout(this.restartTimer)
    const child = this.child
    if (!child) return
    child.kill('SIGTERM')
    const killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS)
    await this.exited
    clearTimeout(killer)
  }
}
