import { parseCameraSource } from '../ingest/camera-source'
import type { SpawnProcess } from '../ingest/child-process-guard'
import { buildAnalysisArgs } from '../ingest/ffmpeg-args'
import { RestartingFfmpeg } from '../ingest/restarting-ffmpeg'

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
  /** See AnalysisArgsOptions.minWidth. */
  minWidth?: number
  spawn?: SpawnProcess
  log?: (message: string) => void
}

/** "Stream #0:0: Video: rawvideo (RGB[24] / 0x18424752), rgb24(pc…), 640x360 …" in the Output block. */
const OUTPUT_FRAME_SIZE = /Video: rawvideo.*?, (\d{2,5})x(\d{2,5})/u

/**
 * The analytics' own view of a camera (`detect:<camera>` in the logs): a low-rate decode to raw
 * frames, about 5 per second and 640 pixels wide, separate from the display stream so that neither
 * slows the other. It runs only while a module is allowed on the camera; stop() ends it for good.
 */
export class AnalysisFeed {
  private readonly process: RestartingFfmpeg
  private readonly listeners = new Set<(frame: AnalysisFrame) => void>()
  private size: { width: number; height: number } | null = null
  private pending: Buffer[] = []
  private pendingBytes = 0
  framesDecoded = 0

  constructor(private readonly options: AnalysisFeedOptions) {
    this.process = new RestartingFfmpeg({
      name: `detect:${options.cameraId}`,
      ffmpegPath: options.ffmpegPath,
      spawn: options.spawn,
      log: options.log,
      args: () => {
        const parsed = parseCameraSource(options.source, { rtspTransport: options.rtspTransport })
        if (!parsed.ok) return { ok: false, problem: parsed.error.message }
        return { ok: true, args: buildAnalysisArgs({ source: parsed.value, fps: options.fps ?? 5, width: options.width ?? 640, minWidth: options.minWidth }) }
      },
      onStderrLine: (line) => {
        // Each run announces its output size; a restart may bring a different one.
        const match = OUTPUT_FRAME_SIZE.exec(line)
        if (match) this.size = { width: Number(match[1]), height: Number(match[2]) }
      },
      onStdout: (chunk) => this.receive(chunk),
      onExit: () => {
        this.size = null
        this.pending = []
        this.pendingBytes = 0
      }
    })
  }

  get lastProblem(): string | null {
    return this.process.lastProblem
  }

  onFrame(listener: (frame: AnalysisFrame) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  start(): void {
    this.process.start()
  }

  /** Ends the decode; resolves once ffmpeg has exited (SIGKILL after a short grace). */
  async stop(): Promise<void> {
    this.listeners.clear()
    await this.process.stop()
  }

  private receive(chunk: Buffer): void {
    const size = this.size
    if (!size) return
    const frameBytes = size.width * size.height * 3
    this.pending.push(chunk)
    this.pendingBytes += chunk.length
    while (this.pendingBytes >= frameBytes) {
      const joined = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending)
      const frame = joined.subarray(0, frameBytes)
      const rest = joined.subarray(frameBytes)
      this.pending = rest.length > 0 ? [rest] : []
      this.pendingBytes = rest.length
      this.process.healthy()
      this.framesDecoded += 1
      const event = { ...size, data: new Uint8Array(frame), at: Date.now() }
      for (const listener of this.listeners) listener(event)
    }
  }
}
