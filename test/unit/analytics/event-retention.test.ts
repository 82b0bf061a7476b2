import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AlertQueue } from '../../../electron/core/events/alert-queue'
import { purgeExpiredEvents } from '../../../electron/core/events/event-retention'
import { EventStore } from '../../../electron/core/events/event-store'
import { openDatabase, type Database } from '../../../electron/core/store/database'
import { MIGRATIONS } from '../../../electron/core/store/migrations'
import { sampleEvent } from './sample-event'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 11, 31, 12, 0)

const alertAt = (cameraId: string, at: number) => sampleEvent(cameraId, at)

describe('purgeExpiredEvents', () => {
  let dir: string
  let db: Database
  let clock: number
  const audited: Array<{ cameraId: string; events: number; snapshots: number }> = []

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-retention-'))
    db = openDatabase(join(dir, 'vigie.db'), { migrations: MIGRATIONS })
    audited.length = 0
  })

  afterEach(async () => {
    await db.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('deletes exactly the alerts, reviews and images past retention, spares those under hold, and audits each camera', async () => {
    clock = NOW
    const events = new EventStore({ db, snapshotsDir: join(dir, 'snapshots'), now: () => clock })
    const queue = new AlertQueue(db, () => clock)
    const ids: Record<string, number> = {}
    for (const [name, cameraId, age] of [
      ['old', 'quai', 31],
      ['edge', 'quai', 29],
      ['held', 'gare', 40],
      ['oldGare', 'gare', 35],
      ['fresh', 'gare', 1]
    ] as const) {
      const stored = await events.record(alertAt(cameraId, NOW - age * DAY))
      await queue.add(stored)
      ids[name] = stored.id
    }
    const run = () =>
      purgeExpiredEvents({
        db,
        snapshotsDir: join(dir, 'snapshots'),
        retentionDays: async () => 30,
        holds: async () => [{ cameraId: 'gare', from: NOW - 41 * DAY, to: NOW - 39 * DAY }],
        recordPurge: async (cameraId, details) => {
          audited.push({ cameraId, events: details.events, snapshots: details.snapshots })
        },
        now: () => NOW
      })
    expect(await run()).toBe(2)
    const left = (await db.all<{ id: number }>('SELECT id FROM analytics_events ORDER BY id')).map((row) => row.id)
    expect(left).toEqual([ids.edge, ids.held, ids.fresh])
    expect((await db.all<{ event_id: number }>('SELECT event_id FROM alert_reviews ORDER BY event_id')).map((row) => row.event_id)).toEqual(left)
    expect(audited).toEqual(
      expect.arrayContaining([
        { cameraId: 'quai', events: 1, snapshots: 1 },
        { cameraId: 'gare', events: 1, snapshots: 1 }
      ])
    )
    expect(audited).toHaveLength(2)
    const quaiImages = await readdir(join(dir, 'snapshots', 'quai'), { recursive: true })
    expect(quaiImages.filter((name) => name.endsWith('.jpg'))).toEqual([expect.stringMatching(new RegExp(`${ids.edge}\\.jpg$`))])
    expect(await run()).toBe(0)
  })

  it('never keeps images longer than the legal month, whatever the rule pack says', async () => {
    const events = new EventStore({ db, snapshotsDir: join(dir, 'snapshots'), now: () => NOW })
    await events.record(alertAt('quai', NOW - 45 * DAY))
    const deleted = await purgeExpiredEvents({
      db,
      snapshotsDir: join(dir, 'snapshots'),
      retentionDays: async () => 365,
      holds: async () => [],
      recordPurge: async () => undefined,
      now: () => NOW
    })
    expect(deleted).toBe(1)
  })
})
