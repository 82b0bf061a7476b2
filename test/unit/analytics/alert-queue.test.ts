import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AlertQuerySchema, DecideAlertsSchema } from '../../../electron/shared/alerts'
import { AlertQueue } from '../../../electron/core/events/alert-queue'
import { EventStore } from '../../../electron/core/events/event-store'
import { openDatabase, type Database } from '../../../electron/core/store/database'
import { MIGRATIONS } from '../../../electron/core/store/migrations'
import { sampleEvent } from './sample-event'

const T0 = Date.UTC(2026, 10, 29, 10, 0)

const intrusion = (cameraId: string, at: number, ruleId = 'intrusion') =>
  sampleEvent(cameraId, at, { ruleId, ruleName: `Règle ${ruleId}`, priority: 'high', boxes: [], trackIds: [1], details: {}, parameters: {}, snapshot: null })

describe('AlertQueue', () => {
  let dir: string
  let db: Database
  let events: EventStore
  let queue: AlertQueue
  let clock: number
  const raise = async (cameraId = 'quai', ruleId = 'intrusion') => queue.add(await events.record(intrusion(cameraId, clock, ruleId)))
  const decide = (input: unknown, actor: string) => queue.decide(DecideAlertsSchema.parse(input), actor)

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-alerts-'))
    db = openDatabase(join(dir, 'vigie.db'), { migrations: MIGRATIONS })
    clock = T0
    events = new EventStore({ db, snapshotsDir: join(dir, 'snapshots'), now: () => clock })
    queue = new AlertQueue(db, () => clock, 5 * 60_000)
  })

  afterEach(async () => {
    await db.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('takes an alert from new to in review to confirmed, one person at a time, and keeps it decided', async () => {
    const alert = await raise()
    expect(alert).toMatchObject({ state: 'new', owner: null, priority: 'high' })
    expect((await queue.claim(alert.id, 'olga')).state).toBe('in_review')
    await expect(queue.claim(alert.id, 'paul')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/olga/) })
    await expect(decide({ eventIds: [alert.id], decision: 'confirmed' }, 'paul')).rejects.toMatchObject({ code: 'CONFLICT' })
    const [confirmed] = await decide({ eventIds: [alert.id], decision: 'confirmed', note: 'Intrus vu en direct' }, 'olga')
    expect(confirmed).toMatchObject({ state: 'confirmed', decidedBy: 'olga', decidedAt: T0, owner: 'olga' })
    await expect(decide({ eventIds: [alert.id], decision: 'false_alarm', reason: 'no-object', note: 'finalement non' }, 'olga')).rejects.toMatchObject({ code: 'CONFLICT' })
    const history = await db.all<{ from_state: string; to_state: string; actor: string }>('SELECT from_state, to_state, actor FROM alert_decisions ORDER BY id')
    expect(history).toEqual([
      { from_state: 'new', to_state: 'in_review', actor: 'olga' },
      { from_state: 'in_review', to_state: 'confirmed', actor: 'olga' }
    ])
  })

  it('needs a reason and a note to dismiss or escalate', () => {
    expect(DecideAlertsSchema.safeParse({ eventIds: [1], decision: 'false_alarm' }).success).toBe(false)
    expect(DecideAlertsSchema.safeParse({ eventIds: [1], decision: 'escalated', reason: 'other' }).success).toBe(false)
    expect(DecideAlertsSchema.safeParse({ eventIds: [1], decision: 'false_alarm', reason: 'shadow-or-light', note: 'Ombre portée' }).success).toBe(true)
    expect(DecideAlertsSchema.safeParse({ eventIds: [1], decision: 'confirmed' }).success).toBe(true)
  })

  it('decides a burst on one camera at once, or none of it', async () => {
    const burst = [await raise(), await raise(), await raise()]
    const other = await raise()
    await queue.claim(other.id, 'paul')
    await expect(decide({ eventIds: [...burst.map((a) => a.id), other.id], decision: 'false_alarm', reason: 'shadow-or-light', note: 'Reflets' }, 'olga')).rejects.toMatchObject({ code: 'CONFLICT' })
    expect((await queue.get(burst[0].id))?.state).toBe('new')
    const decided = await decide({ eventIds: burst.map((a) => a.id), decision: 'false_alarm', reason: 'shadow-or-light', note: 'Reflets du soleil' }, 'olga')
    expect(decided.map((a) => a.state)).toEqual(['false_alarm', 'false_alarm', 'false_alarm'])
  })

  it('escalates to the supervisors what nobody decided in time, and keeps it open for them', async () => {
    const early = await raise()
    clock += 3 * 60_000
    const late = await raise()
    clock += 2 * 60_000
    const escalated = await queue.escalateOverdue()
    expect(escalated.map((a) => a.id)).toEqual([early.id])
    expect(escalated[0]).toMatchObject({ state: 'escalated', escalatedBy: 'system', reason: 'needs-supervisor' })
    expect((await queue.get(late.id))?.state).toBe('new')
    const open = await queue.list(AlertQuerySchema.parse({ states: ['new', 'in_review', 'escalated'] }), ['quai'])
    expect(open.alerts.map((a) => a.id)).toEqual([late.id, early.id])
    const [decided] = await decide({ eventIds: [early.id], decision: 'confirmed', note: 'Vu par la superviseuse' }, 'sophie')
    expect(decided.state).toBe('confirmed')
  })

  it('filters by camera, rule, state and operator, and pages without losing any', async () => {
    for (let i = 0; i < 25; i++) await raise(i % 2 ? 'quai' : 'gare', i % 3 ? 'intrusion' : 'sortie')
    const first = await raise('quai')
    await decide({ eventIds: [first.id], decision: 'confirmed' }, 'olga')
    const pages: number[] = []
    let before: number | undefined
    do {
      const page = await queue.list(AlertQuerySchema.parse({ limit: 7, before }), ['quai', 'gare'])
      pages.push(...page.alerts.map((a) => a.id))
      before = page.nextBefore ?? undefined
    } while (before !== undefined)
    expect(pages).toEqual(Array.from({ length: 26 }, (_, i) => 26 - i))
    expect((await queue.list(AlertQuerySchema.parse({ operator: 'olga' }), ['quai', 'gare'])).alerts.map((a) => a.id)).toEqual([first.id])
    expect((await queue.list(AlertQuerySchema.parse({ cameraId: 'gare', ruleId: 'sortie' }), ['quai', 'gare'])).alerts).toHaveLength(5)
    expect((await queue.list(AlertQuerySchema.parse({ cameraId: 'gare' }), ['quai'])).alerts).toEqual([])
  })

  it('reports false alarms per rule and camera, and suggests recalibrating a noisy rule', async () => {
    const noisy = await Promise.all(Array.from({ length: 12 }, () => raise('quai', 'intrusion')))
    for (const [index, alert] of noisy.entries()) {
      if (index < 9) await decide({ eventIds: [alert.id], decision: 'false_alarm', reason: 'shadow-or-light', note: 'Ombre' }, 'olga')
      else await decide({ eventIds: [alert.id], decision: 'confirmed' }, 'olga')
    }
    const quiet = await raise('gare', 'sortie')
    await decide({ eventIds: [quiet.id], decision: 'confirmed' }, 'olga')
    const quality = await queue.quality(['quai', 'gare'])
    expect(quality[0]).toMatchObject({ cameraId: 'quai', ruleId: 'intrusion', decided: 12, falseAlarms: 9, falseAlarmShare: 0.75, topReason: 'shadow-or-light' })
    expect(quality[0].suggestion).toMatch(/75 %/)
    expect(quality[1]).toMatchObject({ cameraId: 'gare', ruleId: 'sortie', falseAlarms: 0, suggestion: null })
  })
})
