import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RecordingService } from '../../electron/core/recording/recording-service'
import { RecordingStore } from '../../electron/core/recording/recording-store'
import { openDatabase, type Database } from '../../electron/core/store/database'
import { MIGRATIONS } from '../../electron/core/store/migrations'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 10, 29, 12, 0)

/**
 * The purge against real files and a real index: it deletes exactly what has expired, spares what
 * is held, frees the disk oldest first when it runs short, and audits each camera's deletions.
 */
describe('recording purge', () => {
  let dir: string
  let db: Database
  let store: RecordingStore
  let service: RecordingService
  let free: number
  const audited: Array<{ cameraId: string; segments: number; reason: string }> = []
  const alarms: string[] = []

  /** One 1 MB segment per day for `days` days, the newest ending now. */
  const fill = async (cameraId: string, days: number): Promise<string[]> => {
    await mkdir(join(dir, 'recordings', cameraId), { recursive: true })
    const files: string[] = []
    for (let day = days; day >= 1; day--) {
      const file = join(cameraId, `${NOW - day * DAY}-00000.mp4`)
      await writeFile(join(dir, 'recordings', file), Buffer.alloc(1000))
      await store.openSegment(cameraId, file, NOW - day * DAY)
      await store.completeSegment(file, NOW - (day - 1) * DAY, 1_000_000)
      files.push(file)
    }
    return files
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-purge-'))
    db = openDatabase(join(dir, 'vigie.db'), { migrations: MIGRATIONS })
    store = new RecordingStore(db)
    free = Number.POSITIVE_INFINITY
    audited.length = 0
    alarms.length = 0
    service = new RecordingService({
      store,
      ffmpegPath: null,
      recordingsDir: join(dir, 'recordings'),
      cameras: () => [],
      recordPurge: async (cameraId, details) => {
        audited.push({ cameraId, segments: details.segments, reason: details.reason })
      },
      onAlarm: (alarm) => alarms.push(alarm.kind),
      freeBytes: async () => free,
      now: () => NOW
    })
  })

  afterEach(async () => {
    await service.dispose()
    await db.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('deletes exactly the segments past retention, files and rows, and audits them', async () => {
    const files = await fill('quai', 40)
    await store.setPolicy('gare', { enabled: true, retentionDays: 7, quotaBytes: null })
    const gare = await fill('gare', 10)
    await service.purge()
    // 30 days for quai (the default and the legal maximum): the 10 oldest days go.
    expect((await readdir(join(dir, 'recordings', 'quai'))).sort()).toEqual(files.slice(10).map((file) => file.split('/')[1]).sort())
    expect((await readdir(join(dir, 'recordings', 'gare'))).sort()).toEqual(gare.slice(3).map((file) => file.split('/')[1]).sort())
    expect((await store.allSegments()).map((segment) => segment.file).sort()).toEqual([...files.slice(10), ...gare.slice(3)].sort())
    expect(audited).toEqual([
      { cameraId: 'quai', segments: 10, reason: 'retention' },
      { cameraId: 'gare', segments: 3, reason: 'retention' }
    ])
    await service.purge()
    expect(audited).toHaveLength(2)
  })

  it('spares a period under legal hold until it is released', async () => {
    const files = await fill('quai', 35)
    const hold = await store.placeHold({ cameraId: 'quai', from: NOW - 34 * DAY, to: NOW - 33 * DAY, reference: 'PV 2026/123', reason: 'Réquisition du parquet', createdBy: 'alice', createdAt: NOW })
    await service.purge()
    const left = (await store.allSegments()).map((segment) => segment.file)
    // Only the day that overlaps the hold stays; its neighbours, touching it end to end, go.
    expect(left).toContain(files[1])
    expect(left).not.toContain(files[0])
    expect(left).not.toContain(files[2])
    await store.releaseHold(hold.id, 'alice', NOW)
    await service.purge()
    expect((await store.allSegments()).map((segment) => segment.file)).toEqual(files.slice(5))
  })

  it('frees the disk oldest first when it runs short, warns the supervisors, and never deletes held footage to do so', async () => {
    await fill('quai', 5)
    await fill('gare', 5)
    await store.setStorage({ totalQuotaBytes: null, minFreeBytes: 3_000_000 })
    free = 500_000
    await service.purge()
    // 2.5 MB short: three segments, the oldest of all cameras.
    expect((await store.allSegments()).length).toBe(7)
    expect(alarms).toContain('disk-low')
    await store.placeHold({ cameraId: 'quai', from: 0, to: NOW, reference: 'PV 1', reason: 'Enquête en cours', createdBy: 'alice', createdAt: NOW })
    await store.placeHold({ cameraId: 'gare', from: 0, to: NOW, reference: 'PV 2', reason: 'Enquête en cours', createdBy: 'alice', createdAt: NOW })
    alarms.length = 0
    await service.purge()
    expect((await store.allSegments()).length).toBe(7)
    expect(alarms).toEqual(['disk-low'])
  })
})
