import { parseCameraSource } from '../ingest/camera-source'
import { backoffDelay, DEFAULT_BACKOFF } from '../ingest/backoff'
import { spawnGuarded, type SpawnedProcess, type SpawnProcess } from '../ingest/child-process-guard'
import { buildAnalysisArgs } from '../ingest/ffmpeg-args'
import { FfmpegStderrParser } from '../ingest/ffmpeg-stderr'
import { LineBuffer } from '../ingest/line-buffer'

export interface AnalysisFrame {
  width: number
  height: number
  /** RGB, 3 bytes per pixel, row by row. */
  data: Uint8Array
  at: number
}

export interface AnalysisFeedOptions {
  cameraId: string
  source: string
  rtspTransport: 'tcp' | 'udp'
  ffmpegPath: string
  fps?: number
  width?: number
  spawn?: SpawnProcess
  log?: (message: string) => void
}

/** "Stream #0:0: Video: rawvideo (RGB[24] / 0x18424752), rgb24(pc…), 640x360 …" in the Output block. */
const OUTPUT_FRAME_SIZE = /Video: rawvideo.*?, (\d{2,5})x(\d{2,5})/u
const KILL_GRACE_MS = 2000

/**
 * The analytics' own view of a camera (`detect:<camera>` in the logs): a low-rate decode to raw
 * frames, about 5 per second and 640 pixels wide, separate from the display stream so that neither
 * slows the other. It runs only while a module is allowed on the camera; stop() ends it for good.
 */
export class AnalysisFeed {
  private child: SpawnedProcess | null = null
  private stopped = false
  private attempt = 0
  private restartTimer: ReturnType<typeof setTimeout> | null = null
  private readonly listeners = new Set<(frame: AnalysisFrame) => void>()
  private exited: Promise<void> = Promise.resolve()
  framesDecoded = 0
  lastProblem: string | null = null

  constructor(private readonly options: AnalysisFeedOptions) {}

  onFrame(listener: (frame: AnalysisFrame) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  start(): void {
    if (this.child || this.stopped) return
    const parsed = parseCameraSource(this.options.source, { rtspTransport: this.options.rtspTransport })
    if (!parsed.ok) {
      this.lastProblem = parsed.error.message
      return
    }
    const args = buildAnalysisArgs({ source: parsed.value, fps: this.options.fps ?? 5, width: this.options.width ?? 640 })
    const child = (this.options.spawn ?? spawnGuarded)(this.options.ffmpegPath, args)
    this.child = child
    const stderr = new FfmpegStderrParser()
    const lines = new LineBuffer()
    let frameBytes = 0
    let size: { width: number; height: number } | null = null
    let pending: Buffer[] = []
    let pendingBytes = 0

    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => {
      for (const line of lines.push(text)) {
        stderr.push(line)
        const match = size === null ? OUTPUT_FRAME_SIZE.exec(line) : null
        if (match) {
          size = { width: Number(match[1]), height: Number(match[2]) }
          frameBytes = size.width * size.height * 3
        }
      }
    })
    child.stdout.on('data', (chunk: Buffer) => {
      if (!size || frameBytes === 0) return
      pending.push(chunk)
      pendingBytes += chunk.length
      while (pendingBytes >= frameBytes) {
        const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending)
        const frame = joined.subarray(0, frameBytes)
        const rest = joined.subarray(frameBytes)
        pending = rest.length > 0 ? [rest] : []
        pendingBytes = rest.length
        this.attempt = 0
        this.framesDecoded += 1
        this.lastProblem = null
        const event = { ...size, data: new Uint8Array(frame), at: Date.now() }
        for (const listener of this.listeners) listener(event)
      }
    })
    this.exited = new Promise((resolve) => {
      child.on('close', (code, signal) => {
        this.child = null
        resolve()
        if (this.stopped) return
        this.lastProblem = stderr.describeFailure({ code, signal }).message
        this.options.log?.(`[detect:${this.options.cameraId}] stopped: ${this.lastProblem}; restarting`)
        this.restartTimer = setTimeout(() => this.start(), backoffDelay(this.attempt++, DEFAULT_BACKOFF))
      })
      child.on('error', (error) => {
        this.lastProblem = error.message
      })
    })
  }

  /** Ends the decode; resolves once ffmpeg has exited (SIGKILL after a short grace). */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.restartTimer) clearTimeout(this.restartTimer)
    this.listeners.clear()
    const child = this.child
    if (!child) return
    child.kill('SIGTERM')
    const killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS)
    await this.exited
    clearTimeout(killer)
  }
}
