import { mkdirSync } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { parseCameraSource } from '../ingest/camera-source'
import type { SpawnProcess } from '../ingest/child-process-guard'
import { buildRecordingArgs } from '../ingest/ffmpeg-args'
import { LineBuffer } from '../ingest/line-buffer'
import { RestartingFfmpeg } from '../ingest/restarting-ffmpeg'
import type { RecordingStore } from './recording-store'

export interface RecordedCamera {
  id: string
  source: string
  rtspTransport: 'tcp' | 'udp'
}

export interface SegmentRecorderOptions {
  camera: RecordedCamera
  ffmpegPath: string
  /** <dataDir>/recordings; each camera records into its own folder there. */
  recordingsDir: string
  store: RecordingStore
  segmentSeconds?: number
  spawn?: SpawnProcess
  now?: () => number
  log?: (message: string) => void
}

/** "[segment @ 0x…] [info] Opening '/…/cam/1764400000000-00003.mp4' for writing" */
const OPENING = /Opening '(.+\.mp4)' for writing/u
export const DEFAULT_SEGMENT_SECONDS = 30
/** Below this a segment file holds headers at most (ftyp and an empty moov are under 1 KiB). */
const MIN_PLAYABLE_BYTES = 1024

/**
 * Continuous recording of one camera (`record:<camera>` in the logs): its own ffmpeg, copying the
 * stream into segment files without re-encoding. Each segment is indexed when ffmpeg opens it and
 * completed when ffmpeg closes it; one left open by a crash is completed from its file by
 * recoverOpenSegments(), and still plays up to its last whole second.
 */
export class SegmentRecorder {
  private readonly process: RestartingFfmpeg
  /** Open segments by file name (the segment list gives names, not paths) → path and wall-clock start. */
  private readonly openedAt = new Map<string, { path: string; at: number }>()
  /** Index writes in ffmpeg's order: a segment is completed only after it was opened. */
  private writes: Promise<void> = Promise.resolve()
  private readonly now: () => number

  constructor(private readonly options: SegmentRecorderOptions) {
    this.now = options.now ?? Date.now
    const cameraDir = join(options.recordingsDir, options.camera.id)
    const list = new LineBuffer()
    this.process = new RestartingFfmpeg({
      name: `record:${options.camera.id}`,
      ffmpegPath: options.ffmpegPath,
      spawn: options.spawn,
      log: options.log,
      args: () => {
        const parsed = parseCameraSource(options.camera.source, { rtspTransport: options.camera.rtspTransport })
        if (!parsed.ok) return { ok: false, problem: parsed.error.message }
        mkdirSync(cameraDir, { recursive: true, mode: 0o700 })
        return {
          ok: true,
          args: buildRecordingArgs({
            source: parsed.value,
            // A new prefix per run: a restart never overwrites the segments of the run before.
            outputPattern: join(cameraDir, `${this.now()}-%05d.mp4`),
            segmentSeconds: options.segmentSeconds ?? DEFAULT_SEGMENT_SECONDS
          })
        }
      },
      onStderrLine: (line) => {
        const match = OPENING.exec(line)
        if (match) this.opened(match[1])
      },
      onStdout: (chunk) => {
        for (const line of list.push(chunk.toString('utf8'))) this.closed(line)
      },
      onExit: () => {
        this.enqueue(() => recoverOpenSegments(options.store, options.recordingsDir, options.camera.id))
      }
    })
  }

  get problem(): string | null {
    return this.process.lastProblem
  }

  get running(): boolean {
    return this.process.running
  }

  start(): void {
    this.process.start()
  }

  /** Stops recording; the segment in progress is closed by ffmpeg and indexed before this resolves. */
  async stop(): Promise<void> {
    await this.process.stop()
    await this.writes
    await recoverOpenSegments(this.options.store, this.options.recordingsDir, this.options.camera.id)
  }

  /** Resolves once every index write so far is done (tests, shutdown). */
  settled(): Promise<void> {
    return this.writes
  }

  private opened(path: string): void {
    const at = this.now()
    this.openedAt.set(basename(path), { path, at })
    this.process.healthy()
    this.enqueue(() => this.options.store.openSegment(this.options.camera.id, relative(this.options.recordingsDir, path), at).then(() => undefined))
  }

  /** A CSV line of the segment list: `name,startSeconds,endSeconds`. */
  private closed(line: string): void {
    const match = /^(.+\.mp4),([\d.]+),([\d.]+)$/u.exec(line.trim())
    if (!match) return
    const [, name, start, end] = match
    const opened = this.openedAt.get(basename(name))
    if (opened === undefined) return
    this.openedAt.delete(basename(name))
    const { path } = opened
    const endAt = opened.at + Math.round((Number(end) - Number(start)) * 1000)
    this.enqueue(async () => {
      const { size } = await stat(path)
      await this.options.store.completeSegment(relative(this.options.recordingsDir, path), endAt, size)
    })
  }

  private enqueue(write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((error: unknown) => {
      this.options.log?.(`[record:${this.options.camera.id}] index not updated: ${(error as Error).message}`)
    })
  }
}

/**
 * Completes the segments a run left open (ffmpeg killed, disk full, power cut): the file's last
 * write is the end of what it holds. A file that is gone is dropped from the index.
 */
export async function recoverOpenSegments(store: RecordingStore, recordingsDir: string, cameraId?: string): Promise<void> {
  for (const segment of await store.openSegments()) {
    if (cameraId !== undefined && segment.cameraId !== cameraId) continue
    const path = join(recordingsDir, segment.file)
    try {
      const { size, mtimeMs } = await stat(path)
      if (size < MIN_PLAYABLE_BYTES) {
        // Opened but killed before its first fragment: headers only, nothing to play.
        await rm(path, { force: true })
        await store.deleteSegments([segment.id])
        continue
      }
      await store.completeSegment(segment.file, Math.max(segment.startAt, Math.round(mtimeMs)), size)
    } catch {
      await store.deleteSegments([segment.id])
    }
  }
}
