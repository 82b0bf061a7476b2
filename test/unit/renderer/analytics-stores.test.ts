import { describe, expect, it, vi } from 'vitest'
import type { AnalyticsEvent, AnalyticsOverlay } from '../../../electron/shared/analytics-events'
import { RpcError } from '../../../electron/shared/result'
import { EMPTY_SCENE } from '../../../electron/shared/scene'
import { orderedDetails } from '../../../renderer/src/features/events/event-format'
import { anyModuleRunning, moduleRunState } from '../../../renderer/src/features/scene/module-run'
import { matchesFilters, mergeNewestFirst, NO_EVENT_FILTERS, toEventQuery } from '../../../renderer/src/stores/event-query'
import { createEventsStore, MAX_LIVE_EVENTS } from '../../../renderer/src/stores/events-store'
import { createOverlaysStore, isFresh } from '../../../renderer/src/stores/overlays-store'
import { createScenesStore } from '../../../renderer/src/stores/scenes-store'
import { fakeClient } from './support'

function event(id: number, patch: Partial<AnalyticsEvent> = {}): AnalyticsEvent {
  return {
    id,
    cameraId: 'demo-parvis',
    ruleId: 'r1',
    ruleName: 'Intrusion',
    ruleKind: 'intrusion',
    moduleId: 'detection-intrusion',
    kind: 'intrusion',
    priority: 'normal',
    at: 1_700_000_000_000 + id,
    recordedAt: 1_700_000_000_100 + id,
    boxes: [],
    trackIds: [],
    details: {},
    alert: true,
    hasSnapshot: true,
    model: { id: 'm', name: 'M', scoreThreshold: 0.4, nmsIou: 0.5 },
    parameters: {},
    ...patch
  }
}

describe('event filters', () => {
  it('turns the form into a query: counting hidden unless asked for', () => {
    expect(toEventQuery(NO_EVENT_FILTERS)).toEqual({ alertsOnly: true })
    expect(toEventQuery({ cameraId: 'demo-parvis', kind: 'line-crossing', withCounts: true })).toEqual({
      cameraId: 'demo-parvis',
      kinds: ['line-crossing'],
      alertsOnly: false
    })
  })

  it('lets a live event in only when it matches', () => {
    expect(matchesFilters(NO_EVENT_FILTERS, event(1))).toBe(true)
    expect(matchesFilters(NO_EVENT_FILTERS, event(1, { alert: false, kind: 'people-count' }))).toBe(false)
    expect(matchesFilters({ ...NO_EVENT_FILTERS, cameraId: 'demo-piste' }, event(1))).toBe(false)
    expect(matchesFilters({ ...NO_EVENT_FILTERS, kind: 'loitering' }, event(1))).toBe(false)
  })

  it('merges newest first, each event once', () => {
    expect(mergeNewestFirst([event(5), event(3)], [event(4), event(5), event(9)]).map((e) => e.id)).toEqual([9, 5, 4, 3])
  })

  it('orders details for a reader and hides internals', () => {
    expect(orderedDetails({ dwellSeconds: 4, centreX: 10, custom: 'x', class: 'person' }).map(([key]) => key)).toEqual(['class', 'dwellSeconds', 'custom'])
  })
})

describe('events store', () => {
  it('lists, prepends live events that match, and pages on', async () => {
    const { client, calls, emit } = fakeClient({
      'events.list': (input) => (input.before ? { events: [event(1)], nextBefore: null } : { events: [event(3), event(2)], nextBefore: 2 })
    })
    const store = createEventsStore(client)
    const stop = store.getState().listen()
    await store.getState().apply(NO_EVENT_FILTERS)
    expect(store.getState().events.map((e) => e.id)).toEqual([3, 2])
    emit('events.onDidRaise', event(4))
    emit('events.onDidRaise', event(5, { alert: false, kind: 'people-count' }))
    expect(store.getState().events.map((e) => e.id)).toEqual([4, 3, 2])
    expect(store.getState().liveIds).toEqual({ 4: true })
    await store.getState().loadOlder()
    expect(store.getState().events.map((e) => e.id)).toEqual([4, 3, 2, 1])
    expect(store.getState().nextBefore).toBeNull()
    expect(calls.map((c) => c.input)).toEqual([
      { alertsOnly: true, limit: 50 },
      { alertsOnly: true, before: 2, limit: 50 }
    ])
    stop()
    emit('events.onDidRaise', event(6))
    expect(store.getState().events).toHaveLength(4)
  })

  it('keeps an event raised while the list was on its way', async () => {
    let answer: (value: { events: AnalyticsEvent[]; nextBefore: number | null }) => void = () => undefined
    const { client, emit } = fakeClient({ 'events.list': () => new Promise((resolve) => (answer = resolve)) })
    const store = createEventsStore(client)
    store.getState().listen()
    const applying = store.getState().apply(NO_EVENT_FILTERS)
    emit('events.onDidRaise', event(8))
    answer({ events: [event(7)], nextBefore: null })
    await applying
    expect(store.getState().events.map((e) => e.id)).toEqual([8, 7])
  })

  it('keeps a bounded number of live events, paging on from the oldest kept', async () => {
    const { client, emit } = fakeClient({ 'events.list': () => ({ events: [event(1)], nextBefore: null }) })
    const store = createEventsStore(client)
    store.getState().listen()
    await store.getState().apply(NO_EVENT_FILTERS)
    for (let id = 2; id <= MAX_LIVE_EVENTS + 10; id++) emit('events.onDidRaise', event(id))
    const { events, nextBefore, liveIds } = store.getState()
    expect(events).toHaveLength(MAX_LIVE_EVENTS)
    expect(events[0].id).toBe(MAX_LIVE_EVENTS + 10)
    expect(nextBefore).toBe(events[events.length - 1].id)
    expect(Object.keys(liveIds)).toHaveLength(MAX_LIVE_EVENTS)
  })

  it('fetches each snapshot once', async () => {
    const snapshot = vi.fn(() => ({ mimeType: 'image/jpeg' as const, base64: 'AAAA', width: 640, height: 360 }))
    const { client } = fakeClient({ 'events.snapshot': snapshot })
    const store = createEventsStore(client)
    const [a, b] = await Promise.all([store.getState().snapshot(3), store.getState().snapshot(3)])
    expect(a).toBe(b)
    expect(snapshot).toHaveBeenCalledTimes(1)
  })
})

describe('scenes store', () => {
  it('fetches a scene once while it is fresh, and follows a save', async () => {
    let now = 0
    const getScene = vi.fn(() => EMPTY_SCENE)
    const saved = { ...EMPTY_SCENE, lines: [{ id: 'ligne-1', name: 'L', start: { x: 0, y: 0 }, end: { x: 1, y: 1 } }] }
    const { client } = fakeClient({ 'analytics.getScene': getScene, 'analytics.saveScene': () => saved })
    const store = createScenesStore(client, () => now)
    store.getState().ensure('demo-parvis')
    store.getState().ensure('demo-parvis')
    await vi.waitFor(() => expect(store.getState().byCamera['demo-parvis']?.status).toBe('ready'))
    expect(getScene).toHaveBeenCalledTimes(1)
    now = 61_000
    store.getState().ensure('demo-parvis')
    expect(getScene).toHaveBeenCalledTimes(2)
    await store.getState().save('demo-parvis', saved)
    expect(store.getState().byCamera['demo-parvis']?.scene).toEqual(saved)
  })

  it('rejects with the core’s error and keeps what it had', async () => {
    const { client } = fakeClient({
      'analytics.getScene': () => {
        throw new RpcError('FORBIDDEN', 'Accès refusé.')
      }
    })
    const store = createScenesStore(client)
    await expect(store.getState().load('demo-parvis')).rejects.toThrow('Accès refusé.')
    expect(store.getState().byCamera['demo-parvis']).toMatchObject({ status: 'error', scene: null })
  })
})

describe('overlays store', () => {
  const frame = (at: number, cameraId = 'demo-parvis'): AnalyticsOverlay => ({ cameraId, at, tracks: [], counts: [], still: false })

  it('keeps the newest frame of each camera, stamped on this screen’s clock', () => {
    let clock = 100
    const { client, emit } = fakeClient({})
    const store = createOverlaysStore(client, () => clock)
    store.getState().listen()
    emit('analytics.onDidUpdateOverlay', frame(2000))
    clock = 150
    emit('analytics.onDidUpdateOverlay', frame(1800))
    emit('analytics.onDidUpdateOverlay', frame(500, 'demo-piste'))
    expect(store.getState().latest['demo-parvis']).toEqual({ overlay: frame(2000), receivedAt: 100 })
    expect(store.getState().latest['demo-piste']?.receivedAt).toBe(150)
  })

  it('judges a frame stale after about a second', () => {
    expect(isFresh(1000, 1900)).toBe(true)
    expect(isFresh(1000, 2001)).toBe(false)
  })
})

describe('module run state', () => {
  const run = (running: boolean, reason = '') => ({
    cameraId: 'demo-parvis',
    moduleId: 'comptage-personnes' as const,
    running,
    reason,
    since: 5,
    framesAnalysed: 12
  })

  it('prefers the core’s report, then says when the camera does not ask for the module', () => {
    expect(moduleRunState([], { 'comptage-personnes': run(true) }, 'comptage-personnes')).toEqual({ kind: 'running', since: 5, framesAnalysed: 12 })
    expect(moduleRunState(['comptage-personnes'], { 'comptage-personnes': run(false, 'AIPD manquante') }, 'comptage-personnes')).toEqual({
      kind: 'stopped',
      reason: 'AIPD manquante'
    })
    expect(moduleRunState([], undefined, 'detection-intrusion')).toEqual({ kind: 'notRequested' })
    expect(moduleRunState(['detection-intrusion'], {}, 'detection-intrusion')).toEqual({ kind: 'unreported' })
  })

  it('says whether anything runs on a camera', () => {
    expect(anyModuleRunning(undefined)).toBe(false)
    expect(anyModuleRunning({ 'comptage-personnes': run(false) })).toBe(false)
    expect(anyModuleRunning({ 'comptage-personnes': run(true) })).toBe(true)
  })
})
