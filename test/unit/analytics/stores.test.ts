import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EventQuerySchema, type EventQueryInput } from '../../../electron/shared/analytics-events'
import { SceneSchema } from '../../../electron/shared/scene'
import { AlertQueue } from '../../../electron/core/events/alert-queue'
import { EventSink } from '../../../electron/core/events/event-sink'
import { EventStore } from '../../../electron/core/events/event-store'
import { SceneStore } from '../../../electron/core/analytics/scene-store'
import { openDatabase, type Database } from '../../../electron/core/store/database'
import { MIGRATIONS } from '../../../electron/core/store/migrations'
import { sampleEvent } from './sample-event'

const T0 = Date.UTC(2026, 10, 29, 10, 0)

const event = sampleEvent

describe('event and scene stores', () => {
  let dir: string
  let db: Database
  let events: EventStore
  const list = (query: EventQueryInput, cameras = ['a', 'b']) => events.list(EventQuerySchema.parse(query), cameras)

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-events-'))
    db = openDatabase(join(dir, 'vigie.db'), { migrations: MIGRATIONS })
    events = new EventStore({ db, snapshotsDir: join(dir, 'snapshots'), now: () => T0 + 500 })
  })

  afterEach(async () => {
    await db.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('sinks an event: stored, pushed, queued as an alert; an image that cannot be encoded costs the image only', async () => {
    const raised: number[] = []
    const queued: number[] = []
    let failEncoding = false
    const sink = new EventSink({
      events,
      alerts: new AlertQueue(db, () => T0),
      snapshots: { encode: async () => (failEncoding ? Promise.reject(new Error('disque plein')) : Buffer.from([0xff, 0xd8, 0xff, 0xd9])) },
      onRaised: (stored) => raised.push(stored.id),
      onAlert: (alert) => queued.push(alert.id)
    })
    const { snapshot: _jpeg, ...fields } = event('a', T0)
    const frame = { width: 4, height: 2, data: new Uint8Array(24) }
    const first = await sink.store({ ...fields, snapshot: frame })
    failEncoding = true
    const second = await sink.store({ ...fields, snapshot: frame })
    const counted = await sink.store({ ...fields, alert: false, snapshot: null })
    expect([first.hasSnapshot, second.hasSnapshot, counted.hasSnapshot]).toEqual([true, false, false])
    expect(raised).toEqual([first.id, second.id, counted.id])
    expect(queued).toEqual([first.id, second.id])
  })

  it('stores an event with its snapshot in a per-camera, per-day folder and gives both back', async () => {
    const stored = await events.record(event('a', T0))
    expect(stored).toMatchObject({ id: 1, cameraId: 'a', recordedAt: T0 + 500, hasSnapshot: true, details: { class: 'person' } })
    expect(await readdir(join(dir, 'snapshots', 'a', '2026-11-29'))).toEqual(['1.jpg'])
    expect(await events.get(1)).toEqual(stored)
    const snapshot = await events.snapshot(1)
    expect(snapshot).toMatchObject({ cameraId: 'a', width: 640, height: 360 })
    expect([...(snapshot?.jpeg ?? [])]).toEqual([0xff, 0xd8, 0xff, 0xd9])
  })

  it('pages newest first and filters by camera, kind, period, alerts, and the cameras the reader may see', async () => {
    for (let i = 0; i < 5; i++) await events.record(event(i % 2 === 0 ? 'a' : 'b', T0 + i * 1000))
    await events.record(event('a', T0 + 9000, { kind: 'people-count', ruleKind: 'people-counting', alert: false, snapshot: null }))
    await events.record(event('secret', T0))

    const first = await list({ limit: 2 })
    expect(first.events.map((e) => e.id)).toEqual([5, 4])
    const second = await list({ limit: 2, before: first.nextBefore ?? undefined })
    expect(second.events.map((e) => e.id)).toEqual([3, 2])
    expect((await list({ limit: 2, before: second.nextBefore ?? undefined })).nextBefore).toBeNull()

    expect((await list({ cameraId: 'b' })).events.map((e) => e.id)).toEqual([4, 2])
    expect((await list({ from: T0 + 1000, to: T0 + 3000 })).events.map((e) => e.id)).toEqual([3, 2])
    expect((await list({ alertsOnly: false, kinds: ['people-count'] })).events.map((e) => e.id)).toEqual([6])
    expect((await list({ cameraId: 'secret' })).events).toEqual([])
    expect((await list({}, [])).events).toEqual([])
  })

  it('keeps the event when its snapshot cannot be written, and says it has none', async () => {
    await writeFile(join(dir, 'snapshots'), 'not a folder')
    const logged: string[] = []
    events = new EventStore({ db, snapshotsDir: join(dir, 'snapshots'), now: () => T0, log: (line) => logged.push(line) })
    const stored = await events.record(event('a', T0))
    expect(stored.hasSnapshot).toBe(false)
    expect((await events.get(stored.id))?.hasSnapshot).toBe(false)
    expect(await events.snapshot(stored.id)).toBeNull()
    expect(logged[0]).toMatch(/snapshot of event 1 not kept/)
  })

  it('keeps scenes across restarts, falls back to defaults, and ignores a stored scene that no longer validates', async () => {
    const defaults = SceneSchema.parse({ zones: [{ id: 'd', name: 'Défaut', polygon: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }] }] })
    const scenes = await SceneStore.open(db, (cameraId) => (cameraId === 'demo' ? defaults : undefined))
    expect(scenes.get('demo')).toEqual(defaults)
    expect(scenes.get('autre').rules).toEqual([])
    const changed: string[] = []
    scenes.onDidChange((cameraId) => changed.push(cameraId))
    const mine = SceneSchema.parse({ masks: [{ id: 'm', name: 'Masque', polygon: [{ x: 0, y: 0 }, { x: 0.5, y: 0 }, { x: 0.5, y: 0.5 }] }] })
    expect(await scenes.save('demo', mine, 'alice', T0)).toEqual(defaults)
    expect(changed).toEqual(['demo'])
    await db.run("INSERT INTO camera_scenes VALUES ('cassee', '{\"rules\":[{\"kind\":\"inconnu\"}]}', 0, 'x')")

    const logged: string[] = []
    const reopened = await SceneStore.open(db, () => undefined, (line) => logged.push(line))
    expect(reopened.get('demo')).toEqual(mine)
    expect(reopened.get('cassee').rules).toEqual([])
    expect(logged[0]).toMatch(/cassee is invalid/)
  })
})
