import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AnalyticsEvent } from '../../../electron/shared/analytics-events'
import type { MethodOutput } from '../../../electron/shared/contract'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError, type ShownError } from '../api/errors'
import { matchesFilters, mergeNewestFirst, NO_EVENT_FILTERS, toEventQuery, type EventFilters } from './event-query'

export type EventSnapshot = MethodOutput<'events.snapshot'>

export interface EventsState {
  filters: EventFilters
  /** Newest first: live events on top, older pages appended as the reader asks. */
  events: AnalyticsEvent[]
  nextBefore: number | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  loadingOlder: boolean
  error: ShownError | null
  /** Ids of events that arrived while the journal was open, to set them apart for a moment. */
  liveIds: Record<number, true>
  apply(filters: EventFilters): Promise<void>
  refresh(): Promise<void>
  loadOlder(): Promise<void>
  /** Follows `events.onDidRaise`; returns the function that stops following. */
  listen(): () => void
  /** The event's image (masks applied by the core), cached; rejects with the core's error. */
  snapshot(eventId: number): Promise<EventSnapshot>
}

export type EventsStore = StoreApi<EventsState>

const PAGE_SIZE = 50
/** Events kept while following live: older ones drop off the list (and come back by paging). */
export const MAX_LIVE_EVENTS = 500
/** Snapshots kept in memory: a few pages of thumbnails. */
const SNAPSHOT_CACHE = 200
/** Snapshots asked for at once: a page of thumbnails must not crowd out the wall's calls. */
const SNAPSHOT_CONCURRENCY = 4

export function createEventsStore(client: RpcClient): EventsStore {
  let searchVersion = 0
  // Events raised while a search travels are merged into its answer rather than lost.
  let pendingLive: AnalyticsEvent[] = []
  const snapshots = new Map<number, Promise<EventSnapshot>>()
  const queue: Array<() => void> = []
  let running = 0

  const runQueued = <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        running += 1
        task()
          .then(resolve, reject)
          .finally(() => {
            running -= 1
            queue.shift()?.()
          })
      }
      if (running < SNAPSHOT_CONCURRENCY) start()
      else queue.push(start)
    })

  return createStore<EventsState>()((set, get) => ({
    filters: NO_EVENT_FILTERS,
    events: [],
    nextBefore: null,
    status: 'idle',
    loadingOlder: false,
    error: null,
    liveIds: {},

    async apply(filters) {
      const version = ++searchVersion
      pendingLive = []
      set({ filters, status: 'loading', error: null, events: [], nextBefore: null, loadingOlder: false, liveIds: {} })
      try {
        const page = await client.call('events.list', { ...toEventQuery(filters), limit: PAGE_SIZE })
        if (version !== searchVersion) return
        set({ status: 'ready', events: mergeNewestFirst(page.events, pendingLive), nextBefore: page.nextBefore })
        pendingLive = []
      } catch (error) {
        if (version !== searchVersion) return
        set({ status: 'error', error: toShownError(error), events: [], nextBefore: null })
      }
    },

    refresh: () => get().apply(get().filters),

    async loadOlder() {
      const { filters, nextBefore, loadingOlder } = get()
      if (nextBefore === null || loadingOlder) return
      const version = searchVersion
      set({ loadingOlder: true, error: null })
      try {
        const page = await client.call('events.list', { ...toEventQuery(filters), before: nextBefore, limit: PAGE_SIZE })
        if (version !== searchVersion) return
        set((state) => ({ events: mergeNewestFirst(state.events, page.events), nextBefore: page.nextBefore, loadingOlder: false }))
      } catch (error) {
        if (version !== searchVersion) return
        set({ loadingOlder: false, error: toShownError(error) })
      }
    },

    listen: () =>
      client.on('events.onDidRaise', (event) => {
        const { filters, status } = get()
        if (!matchesFilters(filters, event)) return
        if (status === 'loading') {
          pendingLive.push(event)
          return
        }
        if (status !== 'ready') return
        set((state) => {
          const merged = mergeNewestFirst(state.events, [event])
          if (merged.length <= MAX_LIVE_EVENTS) return { events: merged, liveIds: { ...state.liveIds, [event.id]: true } }
          // A day of live events must not pile up in memory: the oldest go, and paging starts again from them.
          const events = merged.slice(0, MAX_LIVE_EVENTS)
          const kept = new Set(events.map((e) => e.id))
          const liveIds = Object.fromEntries(Object.keys(state.liveIds).filter((id) => kept.has(Number(id))).map((id) => [id, true as const]))
          return { events, liveIds: { ...liveIds, [event.id]: true as const }, nextBefore: events[events.length - 1].id }
        })
      }),

    snapshot(eventId) {
      const cached = snapshots.get(eventId)
      if (cached) {
        // Most recently used last, so the oldest is the one dropped.
        snapshots.delete(eventId)
        snapshots.set(eventId, cached)
        return cached
      }
      const loading = runQueued(() => client.call('events.snapshot', { eventId }))
      snapshots.set(eventId, loading)
      loading.catch(() => snapshots.delete(eventId))
      while (snapshots.size > SNAPSHOT_CACHE) {
        const oldest = snapshots.keys().next().value
        if (oldest === undefined) break
        snapshots.delete(oldest)
      }
      return loading
    }
  }))
}
