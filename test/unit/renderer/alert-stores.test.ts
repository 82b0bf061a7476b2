import { describe, expect, it } from 'vitest'
import type { Alert, AlertQuery } from '../../../electron/shared/alerts'
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../electron/shared/contract'
import { RpcError } from '../../../electron/shared/result'
import { createAlertHistoryStore, HISTORY_PAGE_SIZE } from '../../../renderer/src/stores/alert-history-store'
import { NO_ALERT_FILTERS } from '../../../renderer/src/stores/alert-query'
import { createAlertsStore } from '../../../renderer/src/stores/alerts-store'
import { fakeClient, sampleAlert as alert, T0 } from './support'


/** A core's alerts.list over a fixed set: newest first, filtered by state, paged by id. */
function listFrom(all: Alert[]) {
  return (query: MethodInput<'alerts.list'>) => {
    const q = query as AlertQuery
    const limit = q.limit ?? 100
    const rows = all
      .filter((a) => (q.states ? q.states.includes(a.state) : true) && (q.before === undefined || a.id < q.before))
      .sort((a, b) => b.id - a.id)
    const page = rows.slice(0, limit)
    return { alerts: page, nextBefore: rows.length > limit ? page[page.length - 1].id : null }
  }
}

describe('alerts store (the open queue)', () => {
  it('loads every page of open alerts, in queue order', async () => {
    const all = Array.from({ length: 1200 }, (_, i) => alert(i + 1, { priority: i % 3 === 0 ? 'high' : 'normal' }))
    all.push(alert(2000, { state: 'confirmed' }))
    const { client, calls } = fakeClient({ 'alerts.list': listFrom(all) })
    const store = createAlertsStore(client)
    await store.getState().load()
    const { queue, status } = store.getState()
    expect(status).toBe('ready')
    expect(queue).toHaveLength(1200)
    expect(queue[0].priority).toBe('high')
    expect(queue[0].id).toBe(1)
    expect(calls.filter((c) => c.method === 'alerts.list')).toHaveLength(3)
  })

  it('follows the core: arrivals join, decisions leave, and a new arrival is a cue', async () => {
    const { client, emit } = fakeClient({ 'alerts.list': listFrom([alert(1)]) })
    const store = createAlertsStore(client)
    store.getState().listen()
    await store.getState().load()
    emit('alerts.onDidChange', alert(2, { priority: 'high' }))
    expect(store.getState().queue.map((a) => a.id)).toEqual([2, 1])
    expect(store.getState().cue).toMatchObject({ seq: 1, kind: 'new', alert: { id: 2 } })
    expect(store.getState().freshIds[2]).toBe(true)
    emit('alerts.onDidChange', alert(2, { priority: 'high', state: 'in_review', owner: 'olga' }))
    expect(store.getState().cue?.seq).toBe(1)
    emit('alerts.onDidChange', alert(1, { state: 'escalated', escalatedBy: 'system' }))
    expect(store.getState().cue).toMatchObject({ seq: 2, kind: 'escalated', alert: { id: 1 } })
    emit('alerts.onDidChange', alert(2, { priority: 'high', state: 'confirmed', decidedBy: 'olga' }))
    expect(store.getState().queue.map((a) => a.id)).toEqual([1])
    expect(store.getState().freshIds[2]).toBeUndefined()
  })

  it('keeps what arrives while the queue loads', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const { client, emit } = fakeClient({
      'alerts.list': async (query) => {
        await gate
        return listFrom([alert(1), alert(2)])(query)
      }
    })
    const store = createAlertsStore(client)
    store.getState().listen()
    const loading = store.getState().load()
    emit('alerts.onDidChange', alert(3))
    emit('alerts.onDidChange', alert(1, { state: 'false_alarm' }))
    release()
    await loading
    expect(store.getState().queue.map((a) => a.id)).toEqual([2, 3])
  })

  it('applies the core’s answer to a decision at once, and passes its refusal on', async () => {
    const { client, calls } = fakeClient({
      'alerts.list': listFrom([alert(1), alert(2), alert(3)]),
      'alerts.decide': (input) => input.eventIds.map((id) => alert(id, { state: 'false_alarm', decidedBy: 'olga', reason: input.reason ?? null, note: input.note ?? null })),
      'alerts.claim': () => {
        throw new RpcError('CONFLICT', 'Cette alerte est en cours de revue par marc.')
      }
    })
    const store = createAlertsStore(client)
    await store.getState().load()
    await store.getState().decide({ eventIds: [1, 2], decision: 'false_alarm', reason: 'animal', note: 'un chat' })
    expect(store.getState().queue.map((a) => a.id)).toEqual([3])
    expect(calls.at(-1)).toEqual({ method: 'alerts.decide', input: { eventIds: [1, 2], decision: 'false_alarm', reason: 'animal', note: 'un chat' } })
    await expect(store.getState().claim(3)).rejects.toThrow('en cours de revue par marc')
  })
})

describe('alert history store', () => {
  it('pages older alerts on demand and stops at the end', async () => {
    const all = Array.from({ length: HISTORY_PAGE_SIZE * 2 + 10 }, (_, i) => alert(i + 1, { state: 'confirmed', decidedBy: 'olga' }))
    const { client } = fakeClient({ 'alerts.list': listFrom(all) })
    const store = createAlertHistoryStore(client)
    await store.getState().apply(NO_ALERT_FILTERS)
    expect(store.getState().alerts).toHaveLength(HISTORY_PAGE_SIZE)
    await store.getState().loadMore()
    await store.getState().loadMore()
    expect(store.getState().alerts).toHaveLength(all.length)
    expect(store.getState().nextBefore).toBeNull()
    expect(store.getState().alerts[0].id).toBe(all.length)
    await store.getState().loadMore()
    expect(store.getState().alerts).toHaveLength(all.length)
  })

  it('changes rows in place, puts new alerts on top, and drops those that no longer match', async () => {
    const { client, emit } = fakeClient({ 'alerts.list': listFrom([alert(1), alert(2)]) })
    const store = createAlertHistoryStore(client)
    store.getState().listen()
    await store.getState().apply({ ...NO_ALERT_FILTERS, state: 'open' })
    emit('alerts.onDidChange', alert(3))
    expect(store.getState().alerts.map((a) => a.id)).toEqual([3, 2, 1])
    emit('alerts.onDidChange', alert(2, { state: 'in_review', owner: 'olga' }))
    expect(store.getState().alerts[1].owner).toBe('olga')
    emit('alerts.onDidChange', alert(1, { state: 'confirmed', decidedBy: 'olga' }))
    expect(store.getState().alerts.map((a) => a.id)).toEqual([3, 2])
  })

  it('keeps the rows on a new visit and catches up with the newest page, unless it stopped following', async () => {
    const all = [alert(1), alert(2)]
    const { client, calls } = fakeClient({ 'alerts.list': (query) => listFrom(all)(query) })
    const store = createAlertHistoryStore(client)
    const stop = store.getState().listen()
    await store.getState().apply(NO_ALERT_FILTERS)
    all.push(alert(3))
    all[0] = alert(1, { state: 'confirmed', decidedBy: 'olga' })
    const revalidating = store.getState().revalidate()
    // Still on screen while the newest page travels.
    expect(store.getState().status).toBe('ready')
    expect(store.getState().alerts.map((a) => a.id)).toEqual([2, 1])
    await revalidating
    expect(store.getState().alerts.map((a) => a.id)).toEqual([3, 2, 1])
    expect(store.getState().alerts[2].state).toBe('confirmed')
    // Stopped (the screen locked) then started again: the next visit searches anew.
    stop()
    store.getState().listen()
    expect(store.getState().stale).toBe(true)
    const before = calls.length
    await store.getState().revalidate()
    expect(store.getState().stale).toBe(false)
    expect(calls.length).toBe(before + 1)
  })

  it('shows the core’s refusal and keeps the filters', async () => {
    const { client } = fakeClient({
      'alerts.list': () => {
        throw new RpcError('FORBIDDEN', 'Permission alert.review requise.')
      }
    })
    const store = createAlertHistoryStore(client)
    await store.getState().apply({ ...NO_ALERT_FILTERS, operator: 'olga' })
    expect(store.getState().status).toBe('error')
    expect(store.getState().error?.message).toContain('alert.review')
    expect(store.getState().filters.operator).toBe('olga')
  })
})
