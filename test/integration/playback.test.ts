import { copyFileSync, mkdirSync, statSync, truncateSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CameraSupervisor } from '../../electron/core/ingest/camera-supervisor'
import { writeMaskImage } from '../../electron/core/recording/mask-image'
import { openPlaybackStream, type PlaybackStream, type PlaybackStreamOptions } from '../../electron/core/recording/playback-stream'
import { RecordingService } from '../../electron/core/recording/recording-service'
import { RecordingStore, type Segment } from '../../electron/core/recording/recording-store'
import { openDatabase, type Database } from '../../electron/core/store/database'
import { MIGRATIONS } from '../../electron/core/store/migrations'
import type { PrivacyMask } from '../../electron/shared/scene'
import { waitFor } from '../fixtures/core-harness'
import { CLIP_FPS, CLIP_HEIGHT, CLIP_WIDTH, ffmpegForTests, makeH264Clip } from '../fixtures/make-clip'
import {
  BLACK_LUMA,
  CODING_NOISE,
  decodeLuma,
  frameTimes,
  maskRegions,
  maxAt,
  meanAt,
  meanDifferenceAt,
  recordStream,
  writeStream,
  type MaskRegions
} from '../fixtures/video-frames'

/**
 * Playback of real recorded segments, and privacy masks checked on decoded pixels: what the
 * browser's player would show, not the command lines that should produce it.
 */

/** A slanted quadrilateral over the left half of the picture, where testsrc2 draws bright bars. */
const MASKS: PrivacyMask[] = [
  {
    id: 'fenetres',
    name: 'Fenêtres',
    polygon: [
      { x: 0.06, y: 0.08 },
      { x: 0.52, y: 0.14 },
      { x: 0.46, y: 0.7 },
      { x: 0.1, y: 0.58 }
    ]
  }
]
/** Pixels this close to a mask edge are not judged: masks grow by up to one 2×2 block, and H.264 blurs edges. */
const EDGE_MARGIN = 8
/** Mean luma difference allowed between a re-encoded picture and the recording (x264 at its default quality). */
const REENCODE_TOLERANCE = 3
const FRAME_MS = 1000 / CLIP_FPS

describe('playback of recorded segments', () => {
  let dir: string
  let db: Database
  let recordingsDir: string
  let segments: Segment[]
  let maskImage: string
  let regions: MaskRegions
  const opened: PlaybackStream[] = []

  function open(options: Partial<PlaybackStreamOptions> & Pick<PlaybackStreamOptions, 'at'>): PlaybackStream {
    const playback = openPlaybackStream({ ffmpegPath: ffmpegForTests(), recordingsDir, segments, speed: 1, maskImage: null, ...options })
    opened.push(playback)
    return playback
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-playback-test-'))
    recordingsDir = join(dir, 'recordings')
    db = openDatabase(join(dir, 'vigie.db'), { migrations: MIGRATIONS })
    const store = new RecordingStore(db)
    const clip = await makeH264Clip()
    const service = new RecordingService({
      store,
      ffmpegPath: ffmpegForTests(),
      recordingsDir,
      cameras: () => [{ id: 'quai', source: clip, rtspTransport: 'tcp' }],
      recordPurge: async () => {},
      segmentSeconds: 4
    })
    await service.start()
    await waitFor(async () => (await store.allSegments()).filter((s) => s.complete).length >= 3, 'three closed segments', 40_000)
    await service.dispose()
    segments = (await store.allSegments()).filter((s) => s.cameraId === 'quai')
    maskImage = join(dir, 'masks', 'quai.pgm')
    await writeMaskImage(MASKS, maskImage)
    regions = maskRegions(MASKS, CLIP_WIDTH, CLIP_HEIGHT, EDGE_MARGIN)
  }, 60_000)

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((playback) => playback.close()))
  })

  afterAll(async () => {
    await db?.close()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('starts on the keyframe at or before the instant asked for, within a second of it', async () => {
    const segment = segments[1]
    const at = segment.startAt + 2500
    const playback = open({ at })
    expect(playback.transcoding).toBe(false)
    expect(playback.start).toBeLessThanOrEqual(at)
    expect(at - playback.start).toBeLessThan(1000)

    const recorder = recordStream(playback.stream)
    await waitFor(() => recorder.fragments >= 1, 'the first fragment', 10_000)
    recorder.stop()

    // Copied, so the first picture is bit for bit a frame of the segment: find which one it is.
    const [first] = decodeLuma(writeStream(recorder, join(dir, 'first.mp4')), CLIP_WIDTH, CLIP_HEIGHT, 1)
    const recorded = decodeLuma(join(recordingsDir, segment.file), CLIP_WIDTH, CLIP_HEIGHT)
    const expectedIndex = (playback.start - segment.startAt) / FRAME_MS
    const matches = recorded.flatMap((frame, index) => (Buffer.compare(frame, first) === 0 ? [index] : []))
    const nearest = Math.min(...matches.map((index) => Math.abs(index - expectedIndex)))
    expect(nearest).toBeLessThanOrEqual(1)
  }, 30_000)

  it('burns the masks into a playback: masked pixels black, the others as recorded', async () => {
    const at = segments[1].startAt + 1200
    const masked = open({ at, maskImage })
    const plain = open({ at })
    expect(masked.transcoding).toBe(true)
    expect(masked.start).toBe(plain.start)
    const maskedRecorder = recordStream(masked.stream)
    const plainRecorder = recordStream(plain.stream)
    await waitFor(() => maskedRecorder.fragments >= 4 && plainRecorder.fragments >= 4, 'two seconds of both playbacks', 15_000)

    const maskedFrames = decodeLuma(writeStream(maskedRecorder, join(dir, 'masked.mp4')), CLIP_WIDTH, CLIP_HEIGHT, CLIP_FPS)
    const plainFrames = decodeLuma(writeStream(plainRecorder, join(dir, 'plain.mp4')), CLIP_WIDTH, CLIP_HEIGHT, CLIP_FPS)
    expect(maskedFrames.length).toBe(CLIP_FPS)
    for (const [index, frame] of maskedFrames.entries()) {
      const original = plainFrames[index]
      // The recording does show something there: black would prove nothing.
      expect(meanAt(original, regions.inside)).toBeGreaterThan(60)
      expect(maxAt(frame, regions.inside)).toBeLessThanOrEqual(BLACK_LUMA + CODING_NOISE)
      expect(meanAt(frame, regions.inside)).toBeLessThan(BLACK_LUMA + 0.5)
      expect(meanDifferenceAt(frame, original, regions.outside)).toBeLessThan(REENCODE_TOLERANCE)
    }
  }, 30_000)

  it('burns the masks into the live view', async () => {
    const clip = await makeH264Clip()
    const supervisor = new CameraSupervisor({ camera: { id: 'quai', source: clip, maskImage }, ffmpegPath: ffmpegForTests() })
    supervisor.start()
    try {
      expect(supervisor.health.transcoding).toBe(true)
      const recorder = recordStream(supervisor.stream)
      await waitFor(() => recorder.fragments >= 4, 'two seconds of live view', 20_000)
      recorder.stop()
      const frames = decodeLuma(writeStream(recorder, join(dir, 'live.mp4')), CLIP_WIDTH, CLIP_HEIGHT)
      expect(frames.length).toBeGreaterThanOrEqual(CLIP_FPS)
      for (const frame of frames) {
        expect(maxAt(frame, regions.inside)).toBeLessThanOrEqual(BLACK_LUMA + CODING_NOISE)
        expect(meanAt(frame, regions.inside)).toBeLessThan(BLACK_LUMA + 0.5)
      }

      // Outside the masks, each picture is one of the clip's, give or take the re-encoding.
      const source = decodeLuma(clip, CLIP_WIDTH, CLIP_HEIGHT)
      const sample = regions.outside.filter((_, index) => index % 7 === 0)
      for (const frame of frames.slice(0, 3)) {
        const closest = Math.min(...source.map((original) => meanDifferenceAt(frame, original, sample)))
        expect(closest).toBeLessThan(REENCODE_TOLERANCE)
      }
    } finally {
      await supervisor.stop()
    }
  }, 40_000)

  it('at ×4 covers four times the recorded time per second of video, at no more than 25 frames per second, masked', async () => {
    const at = segments[0].startAt + 1000
    const playback = open({ at, speed: 4, maskImage })
    const recorder = recordStream(playback.stream)
    expect(await playback.ended).toEqual({ reason: 'end' })

    const output = writeStream(recorder, join(dir, 'fast.mp4'))
    const { times, end } = frameTimes(output)
    const played = end - times[0]
    const first = segments[0]
    const recordedSpan = (segments.reduce((sum, s) => sum + (s.endAt - s.startAt), 0) - (playback.start - first.startAt)) / 1000
    expect(played * 4).toBeGreaterThan(recordedSpan * 0.9)
    expect(played * 4).toBeLessThan(recordedSpan * 1.1)
    expect(times.length / played).toBeLessThanOrEqual(CLIP_FPS * 1.05)
    for (const frame of decodeLuma(output, CLIP_WIDTH, CLIP_HEIGHT)) {
      expect(maxAt(frame, regions.inside)).toBeLessThanOrEqual(BLACK_LUMA + CODING_NOISE)
    }
  }, 30_000)

  it('plays on past a segment cut short by a crash, to the end of the recordings', async () => {
    const crashDir = join(dir, 'crash')
    for (const segment of segments) {
      mkdirSync(join(crashDir, segment.cameraId), { recursive: true })
      copyFileSync(join(recordingsDir, segment.file), join(crashDir, segment.file))
    }
    // Cut in the middle of a fragment, as a power cut would.
    const cut = join(crashDir, segments[1].file)
    truncateSync(cut, Math.round(statSync(cut).size * 0.6))

    const at = segments[0].endAt - 1000
    const playback = openPlaybackStream({ ffmpegPath: ffmpegForTests(), recordingsDir: crashDir, segments: segments.slice(0, 3), at, speed: 1, maskImage: null })
    opened.push(playback)
    const recorder = recordStream(playback.stream)
    expect(await playback.ended).toEqual({ reason: 'end' })

    const { times, end } = frameTimes(writeStream(recorder, join(dir, 'after-crash.mp4')))
    // What was before the cut, at least a second of the cut segment, and all of the next one.
    const beforeAndAfter = (segments[0].endAt - playback.start + (segments[2].endAt - segments[2].startAt)) / 1000
    expect(end - times[0]).toBeGreaterThan(beforeAndAfter + 1)
  }, 30_000)
})
