import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecordingService } from '../../electron/core/recording/recording-service'
import { RecordingStore } from '../../electron/core/recording/recording-store'
import { openDatabase, type Database } from '../../electron/core/store/database'
import { MIGRATIONS } from '../../electron/core/store/migrations'
import { ffmpegForTests, makeH264Clip } from '../fixtures/make-clip'
import { waitFor } from '../fixtures/core-harness'
import { ffmpegWith } from '../fixtures/processes'

/** Frames ffmpeg can decode from a file: what "it plays" means for a recording. */
function decodableFrames(path: string): number {
  const result = spawnSync(ffmpegForTests(), ['-hide_banner', '-v', 'error', '-i', path, '-map', '0:v:0', '-f', 'framecrc', '-'], { encoding: 'utf8' })
  return result.stdout.split('\n').filter((line) => /^0,/u.test(line)).length
}

describe('recording', () => {
  let dir: string
  let db: Database
  let store: RecordingStore
  let service: RecordingService | null = null
  const purges: Array<{ cameraId: string; segments: number }> = []

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-recording-'))
    db = openDatabase(join(dir, 'vigie.db'), { migrations: MIGRATIONS })
    store = new RecordingStore(db)
    purges.length = 0
  })

  afterEach(async () => {
    await service?.dispose()
    service = null
    await db.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('records segments without re-encoding, and a segment cut by an ffmpeg crash still plays', async () => {
    const clip = await makeH264Clip()
    service = new RecordingService({
      store,
      ffmpegPath: ffmpegForTests(),
      recordingsDir: join(dir, 'recordings'),
      cameras: () => [{ id: 'quai', source: clip, rtspTransport: 'tcp' }],
      recordPurge: async (cameraId, details) => {
        purges.push({ cameraId, segments: details.segments })
      },
      segmentSeconds: 4
    })
    await service.start()
    await waitFor(async () => (await store.allSegments()).filter((s) => s.complete).length >= 1, 'a closed segment', 30_000)

    // Kill the recorder's ffmpeg in the middle of a segment, as a crash would.
    const [pid] = ffmpegWith(join(dir, 'recordings'))
    await waitFor(async () => (await store.openSegments()).length === 1, 'a segment being written', 10_000)
    const open = (await store.openSegments())[0]
    // About a second into a 4 s segment: well before ffmpeg would close it.
    await waitFor(async () => (await stat(join(dir, 'recordings', open.file))).size > 40_000, 'some of it on disk', 10_000)
    process.kill(pid, 'SIGKILL')

    await waitFor(async () => (await store.allSegments()).find((s) => s.file === open.file)?.complete, 'the cut segment to be recovered', 10_000)
    const recovered = (await store.allSegments()).find((s) => s.file === open.file)
    expect(recovered?.bytes).toBeGreaterThan(20_000)
    expect(recovered && recovered.endAt > recovered.startAt).toBe(true)
    expect(decodableFrames(join(dir, 'recordings', open.file))).toBeGreaterThan(0)

    // It records again on its own, in new files.
    await waitFor(async () => (await store.allSegments()).some((s) => s.startAt > (recovered?.endAt ?? 0) && s.complete), 'recording to resume', 30_000)
    const files = await readdir(join(dir, 'recordings', 'quai'))
    expect(new Set(files.map((file) => file.split('-')[0])).size).toBeGreaterThanOrEqual(2)

    // Every indexed segment plays, and the closed ones hold about their length of video.
    for (const segment of (await store.allSegments()).filter((s) => s.complete && s.file !== open.file)) {
      expect(decodableFrames(join(dir, 'recordings', segment.file))).toBeGreaterThanOrEqual(25)
    }
  }, 90_000)
})
