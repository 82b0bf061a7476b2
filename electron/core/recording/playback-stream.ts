import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnGuarded, type SpawnedProcess, type SpawnProcess } from '../ingest/child-process-guard'
import { FfmpegStderrParser } from '../ingest/ffmpeg-stderr'
import { Fmp4Splitter } from '../ingest/fmp4-splitter'
import { LineBuffer } from '../ingest/line-buffer'
import { LiveStream, type MediaListener } from '../ingest/live-stream'
import { buildConcatList, buildPlaybackArgs, playbackTranscodes, type PlaybackSpeed } from './playback-args'
import type { Segment } from './recording-store'
import { keyframeAtOrBefore, readSegmentTimeline, type SegmentTimeline } from './segment-timeline'

/**
 * Plays a camera's recording from a given instant as a LiveStream, the very class the live view
 * uses, so the media socket serves it to the browser's player unchanged. One ffmpeg reads the
 * segment files in a row (concat demuxer), from the keyframe at or before the instant asked for,
 * a little faster than real time, and ends at the end of the recordings.
 */

export interface PlaybackStreamOptions {
  readonly ffmpegPath: string
  /** <dataDir>/recordings, against which `Segment.file` is relative. */
  readonly recordingsDir: string
  /**
   * The camera's segments, oldest first, from the one holding `at` on. The one being written (not
   * `complete`, its `endAt` not yet known) may be last: it is read as far as it is written.
   */
  readonly segments: readonly Segment[]
  /** Where to start, ms since the epoch. */
  readonly at: number
  readonly speed: PlaybackSpeed
  /** The camera's mask image, burned in; null only without masks or under an approved lift (the caller's decision). */
  readonly maskImage: string | null
  readonly spawn?: SpawnProcess
  readonly log?: (message: string) => void
}

export type PlaybackEnd =
  /** The recordings have all been read. */
  | { readonly reason: 'end' }
  /** close() was called. */
  | { readonly reason: 'closed' }
  /** ffmpeg failed; `message` is in French, for the operator. */
  | { readonly reason: 'failed'; readonly message: string }

export interface PlaybackStream {
  readonly stream: LiveStream
  /**
   * Epoch ms of the first frame delivered: the keyframe at or before `at` (a stream can only start on
   * a keyframe), so within one GOP of it; the player may skip `at - start` to land on `at` exactly.
   */
  readonly start: number
  /** Whether ffmpeg re-encodes (masks or speed-up) rather than copying the recording. */
  readonly transcoding: boolean
  /** Settles once ffmpeg has exited (or when closed before it started); never rejects. */
  readonly ended: Promise<PlaybackEnd>
  /** Ends the playback: ffmpeg is stopped (SIGTERM, then SIGKILL) and its list file removed. */
  close(): Promise<void>
}

/** Thrown by openPlaybackStream when nothing can be played from `at`. */
export class PlaybackUnavailableError extends Error {
  override readonly name = 'PlaybackUnavailableError'
}

const KILL_GRACE_MS = 2000
/**
 * The concat demuxer starts on the keyframe at or before its in-point; a millisecond past the
 * keyframe keeps rounding from sending it back to the previous one.
 */
const INPOINT_AFTER_KEYFRAME_S = 0.001

/** @throws PlaybackUnavailableError when no segment reaches past `at`, or the first one cannot be read. */
export function openPlaybackStream(options: PlaybackStreamOptions): PlaybackStream {
  const recordingsDir = resolve(options.recordingsDir)
  // A segment still being written ends, as far as we know, now.
  const index = options.segments.findIndex((segment) => !segment.complete || segment.endAt > options.at)
  const first = options.segments[index]
  if (first === undefined) throw new PlaybackUnavailableError('Aucun enregistrement à partir de cet instant')

  let timeline: SegmentTimeline
  try {
    timeline = readSegmentTimeline(join(recordingsDir, first.file))
  } catch (error) {
    throw new PlaybackUnavailableError(`Enregistrement illisible (${first.file}) : ${(error as Error).message}`)
  }
  const wanted = timeline.origin + Math.max(0, options.at - first.startAt) / 1000
  const keyframe = keyframeAtOrBefore(timeline, wanted)
  const start = first.startAt + Math.round((keyframe - timeline.origin) * 1000)

  const list = buildConcatList(
    options.segments.slice(index).map((segment, position) => ({
      path: join(recordingsDir, segment.file),
      ...(position === 0 ? { inpoint: keyframe + INPOINT_AFTER_KEYFRAME_S } : {})
    }))
  )
  const run = new PlaybackRun({
    ffmpegPath: options.ffmpegPath,
    list,
    args: (listPath) => buildPlaybackArgs({ listPath, speed: options.speed, maskImage: options.maskImage }),
    spawn: options.spawn ?? spawnGuarded,
    log: options.log ?? (() => {})
  })
  return {
    stream: run.stream,
    start,
    transcoding: playbackTranscodes(options),
    ended: run.ended,
    close: () => run.close()
  }
}

/** A LiveStream that calls `onFirstViewer` when its first viewer subscribes. */
class OnDemandStream extends LiveStream {
  constructor(private readonly onFirstViewer: () => void) {
    super()
  }

  override subscribe(listener: MediaListener): () => void {
    const unsubscribe = super.subscribe(listener)
    this.onFirstViewer()
    return unsubscribe
  }
}

interface PlaybackRunParams {
  readonly ffmpegPath: string
  /** The ffconcat list, written to a private temporary folder when ffmpeg starts, removed when it ends. */
  readonly list: string
  readonly args: (listPath: string) => string[]
  readonly spawn: SpawnProcess
  readonly log: (message: string) => void
}

/**
 * The ffmpeg of one playback. It starts when the first viewer subscribes, not when the playback is
 * opened: the browser connects a moment after asking, and would otherwise miss the first keyframe
 * (a late viewer of a LiveStream waits for the next one), so the picture would not start at `start`.
 */
class PlaybackRun {
  readonly stream: LiveStream
  readonly ended: Promise<PlaybackEnd>
  private child: SpawnedProcess | undefined
  private closing = false
  private settle: (end: PlaybackEnd) => void = () => {}
  private finished = false
  private workDir: string | undefined

  constructor(private readonly params: PlaybackRunParams) {
    this.stream = new OnDemandStream(() => this.launch())
    this.ended = new Promise((resolveEnd) => {
      this.settle = resolveEnd
    })
  }

  close(): Promise<void> {
    this.closing = true
    const child = this.child
    if (child === undefined) this.finish({ reason: 'closed' })
    else if (!this.finished) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS)
      void this.ended.then(() => clearTimeout(killer))
    }
    return this.ended.then(() => undefined)
  }

  private launch(): void {
    if (this.child !== undefined || this.closing || this.finished) return
    let child: SpawnedProcess
    try {
      this.workDir = mkdtempSync(join(tmpdir(), 'vigie-playback-'))
      const listPath = join(this.workDir, 'segments.ffconcat')
      writeFileSync(listPath, this.params.list, { mode: 0o600 })
      child = this.params.spawn(this.params.ffmpegPath, this.params.args(listPath))
    } catch (error) {
      this.finish({ reason: 'failed', message: `Impossible de lancer ffmpeg : ${(error as Error).message}` })
      return
    }
    this.child = child
    const splitter = new Fmp4Splitter()
    const stderr = new FfmpegStderrParser()
    const lines = new LineBuffer()
    let spawnError: Error | undefined
    let badOutput: string | undefined

    child.stdout.on('data', (chunk: Uint8Array) => {
      if (badOutput !== undefined) return
      try {
        for (const event of splitter.push(chunk)) {
          if (event.kind === 'init') this.stream.publishInit({ codec: event.codec, data: event.data })
          else this.stream.publishFragment({ keyframe: event.keyframe, data: event.data, receivedAt: Date.now() })
        }
      } catch (error) {
        badOutput = (error as Error).message
        this.params.log(`[playback] unreadable ffmpeg output: ${badOutput}`)
        child.kill('SIGKILL')
      }
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (text: string) => {
      for (const line of lines.push(text)) stderr.push(line)
    })
    child.on('error', (error) => {
      // Also emitted when a signal cannot be delivered; only a failed spawn leaves no pid.
      if (child.pid === undefined) spawnError = error
    })
    child.on('close', (code, signal) => {
      for (const line of lines.flush()) stderr.push(line)
      if (this.closing) return this.finish({ reason: 'closed' })
      if (spawnError !== undefined) return this.finish({ reason: 'failed', message: `Impossible de lancer ffmpeg : ${spawnError.message}` })
      if (badOutput !== undefined) return this.finish({ reason: 'failed', message: 'Flux de relecture illisible (sortie MP4 invalide)' })
      if (code === 0) return this.finish({ reason: 'end' })
      const { message } = stderr.describeFailure({ code, signal })
      this.params.log(`[playback] ffmpeg ended (code ${code ?? '-'}, signal ${signal ?? '-'}): ${message}`)
      this.finish({ reason: 'failed', message })
    })
  }

  private finish(end: PlaybackEnd): void {
    if (this.finished) return
    this.finished = true
    if (this.workDir !== undefined) {
      try {
        rmSync(this.workDir, { recursive: true, force: true })
      } catch (error) {
        this.params.log(`[playback] list file not removed: ${(error as Error).message}`)
      }
    }
    this.settle(end)
  }
}
