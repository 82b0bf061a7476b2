import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { MediaMessage } from '../../../electron/core/ingest/live-stream'
import { openPlaybackStream, PlaybackUnavailableError, type PlaybackStreamOptions } from '../../../electron/core/recording/playback-stream'
import type { Segment } from '../../../electron/core/recording/recording-store'
import { fakeSpawner, fragment, initSegment, settle, SYNC_SAMPLE } from '../ingest/test-support'
import { recordedSegment, regularSegment } from './recorded-segment'

/** The playback's life with a fake ffmpeg: when it starts, what it is given, how it ends. */

const recordingsDir = mkdtempSync(join(tmpdir(), 'vigie-playback-unit-'))
afterAll(() => rmSync(recordingsDir, { recursive: true, force: true }))

const T0 = 1_764_400_000_000
mkdirSync(join(recordingsDir, 'quai'))
/** Three 6 s segments, a keyframe every 2 s (at 0.08, 2.08 and 4.08 s on each file's clock). */
const SEGMENTS: Segment[] = [0, 1, 2].map((index) => {
  const file = `quai/${T0}-0000${index}.mp4`
  writeFileSync(join(recordingsDir, file), recordedSegment(regularSegment(6, 2)))
  return { id: index + 1, cameraId: 'quai', file, startAt: T0 + index * 6000, endAt: T0 + (index + 1) * 6000, bytes: 1, complete: true }
})

function setup(options: Partial<PlaybackStreamOptions> = {}) {
  const spawner = fakeSpawner()
  const playback = openPlaybackStream({
    ffmpegPath: '/usr/bin/ffmpeg',
    recordingsDir,
    segments: SEGMENTS,
    at: T0 + 9000,
    speed: 1,
    maskImage: null,
    spawn: spawner.spawn,
    ...options
  })
  const messages: MediaMessage[] = []
  const watch = (): void => {
    playback.stream.subscribe({ onMessage: (message) => messages.push(message) })
  }
  const child = () => {
    const spawned = spawner.spawned[0]
    if (spawned === undefined) throw new Error('nothing spawned')
    return spawned
  }
  const listPath = () => child().args[child().args.indexOf('-i') + 1]
  return { spawner, playback, messages, watch, child, listPath }
}

describe('openPlaybackStream', () => {
  it('starts on the keyframe at or before the instant asked for', () => {
    expect(setup({ at: T0 + 9000 }).playback.start).toBe(T0 + 8000)
    expect(setup({ at: T0 + 8000 }).playback.start).toBe(T0 + 8000)
    expect(setup({ at: T0 + 7999 }).playback.start).toBe(T0 + 6000)
    // Before the recordings (a gap): from the first frame of the next segment.
    expect(setup({ at: T0 - 60_000 }).playback.start).toBe(T0)
  })

  it('starts ffmpeg only when the first viewer subscribes, once', async () => {
    const { spawner, watch, playback } = setup()
    expect(spawner.spawned).toHaveLength(0)
    watch()
    watch()
    expect(spawner.spawned).toHaveLength(1)
    await playback.close()
  })

  it('lists the segments from the one holding the instant, entering the first at its keyframe', async () => {
    const { watch, listPath, playback } = setup({ at: T0 + 9000 })
    watch()
    expect(readFileSync(listPath(), 'utf8')).toBe(
      [
        'ffconcat version 1.0',
        `file '${join(recordingsDir, SEGMENTS[1].file)}'`,
        'inpoint 2.081000',
        `file '${join(recordingsDir, SEGMENTS[2].file)}'`,
        ''
      ].join('\n')
    )
    await playback.close()
  })

  it('passes what ffmpeg writes to the viewers, and ends at the end of the recordings', async () => {
    const { watch, child, listPath, messages, playback } = setup()
    watch()
    child().writeStdout(initSegment())
    child().writeStdout(fragment('trun-first', SYNC_SAMPLE))
    await settle()
    expect(messages.map((message) => message.type)).toEqual(['init', 'fragment'])
    const list = listPath()
    child().exit(0)
    expect(await playback.ended).toEqual({ reason: 'end' })
    expect(existsSync(list)).toBe(false)
  })

  it('explains a failure in French', async () => {
    const { watch, child, playback } = setup()
    watch()
    child().writeStderr(["[error] /data/recordings/quai/x.mp4: No such file or directory"])
    await settle()
    child().exit(1)
    expect(await playback.ended).toEqual({ reason: 'failed', message: 'Fichier vidéo introuvable' })
  })

  it('close() stops ffmpeg, or ends at once when it never started', async () => {
    const running = setup()
    running.watch()
    running.child().exitOn = new Set(['SIGTERM'])
    await running.playback.close()
    expect(running.child().signals).toEqual(['SIGTERM'])
    expect(await running.playback.ended).toEqual({ reason: 'closed' })

    const idle = setup()
    await idle.playback.close()
    expect(await idle.playback.ended).toEqual({ reason: 'closed' })
    idle.watch()
    expect(idle.spawner.spawned).toHaveLength(0)
  })

  it('transcodes for masks and speed-ups only', () => {
    expect(setup().playback.transcoding).toBe(false)
    expect(setup({ maskImage: '/data/masks/quai.pgm' }).playback.transcoding).toBe(true)
    expect(setup({ speed: 2 }).playback.transcoding).toBe(true)
  })

  it('plays from the segment being written, whose end is not known yet', () => {
    const open = { ...SEGMENTS[2], endAt: SEGMENTS[2].startAt, complete: false }
    const { playback } = setup({ segments: [SEGMENTS[1], open], at: open.startAt + 3000 })
    expect(playback.start).toBe(open.startAt + 2000)
  })

  it('refuses an instant after the recordings, or a first segment it cannot read', () => {
    expect(() => setup({ at: T0 + 18_000 })).toThrow(PlaybackUnavailableError)
    expect(() => setup({ segments: [] })).toThrow(PlaybackUnavailableError)
    const missing = { ...SEGMENTS[0], file: 'quai/missing.mp4' }
    expect(() => setup({ segments: [missing], at: T0 })).toThrow(/Enregistrement illisible/u)
  })
})
