import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Alert } from '../../../electron/shared/alerts'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError, type ShownError } from '../api/errors'
import { matchesAlertFilters, NO_ALERT_FILTERS, toAlertQuery, type AlertHistoryFilters } from './alert-query'

export interface AlertHistoryState {
  filters: AlertHistoryFilters
  /** Newest first; pages are appended as the reader scrolls. */
  alerts: Alert[]
  nextBefore: number | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  loadingMore: boolean
  error: ShownError | null
  /**
   * True when what is held may have missed changes (the store stopped following the core, as while
   * the screen was locked): the next visit searches again rather than trusting it.
   */
  stale: boolean
  apply(filters: AlertHistoryFilters): Promise<void>
  refresh(): Promise<void>
  /**
   * Another visit while the list was followed live: the rows held stay on screen (and the reader's
   * place in them); the newest page is fetched again to catch up on anything the pushes could not say.
   */
  revalidate(): Promise<void>
  /** The next page (older alerts); does nothing while one is on its way or when there is none. */
  loadMore(): Promise<void>
  /** Follows `alerts.onDidChange`: rows change state in place, new alerts come on top. */
  listen(): () => void
}

export type AlertHistoryStore = StoreApi<AlertHistoryState>

/** Rows per page: a few screens' worth, small enough to arrive within a frame or two. */
export const HISTORY_PAGE_SIZE = 200

export function createAlertHistoryStore(client: RpcClient): AlertHistoryStore {
  let searchVersion = 0
  let pendingLive: Alert[] = []

  return createStore<AlertHistoryState>()((set, get) => {
    const mergeLive = (alerts: Alert[], live: readonly Alert[], filters: AlertHistoryFilters): Alert[] => {
      let next = alerts
      for (const alert of live) {
        const index = next.findIndex((candidate) => candidate.id === alert.id)
        const matches = matchesAlertFilters(filters, alert)
        if (index !== -1) {
          next = matches ? next.with(index, alert) : next.filter((candidate) => candidate.id !== alert.id)
        } else if (matches && (next.length === 0 || alert.id > next[0].id)) {
          next = [alert, ...next]
        }
      }
      return next
    }

    return {
      filters: NO_ALERT_FILTERS,
      alerts: [],
      nextBefore: null,
      status: 'idle',
      loadingMore: false,
      error: null,
      stale: false,

      async apply(filters) {
        const version = ++searchVersion
        pendingLive = []
        set({ filters, status: 'loading', error: null, alerts: [], nextBefore: null, loadingMore: false, stale: false })
        try {
          const page = await client.call('alerts.list', { ...toAlertQuery(filters), limit: HISTORY_PAGE_SIZE })
          if (version !== searchVersion) return
          set({ status: 'ready', alerts: mergeLive(page.alerts, pendingLive, filters), nextBefore: page.nextBefore })
          pendingLive = []
        } catch (error) {
          if (version !== searchVersion) return
          set({ status: 'error', error: toShownError(error) })
        }
      },

      refresh: () => get().apply(get().filters),

      async revalidate() {
        const { filters, status, stale } = get()
        if (status !== 'ready' || stale) return get().apply(filters)
        const version = searchVersion
        try {
          const page = await client.call('alerts.list', { ...toAlertQuery(filters), limit: HISTORY_PAGE_SIZE })
          if (version !== searchVersion) return
          set((state) => {
            const fresh = new Map(page.alerts.map((alert) => [alert.id, alert]))
            const newest = state.alerts[0]?.id ?? 0
            const updated = state.alerts.map((alert) => fresh.get(alert.id) ?? alert)
            const arrived = page.alerts.filter((alert) => alert.id > newest)
            return { alerts: arrived.length > 0 ? [...arrived, ...updated] : updated }
          })
        } catch (error) {
          if (version !== searchVersion) return
          set({ error: toShownError(error) })
        }
      },

      async loadMore() {
        const { filters, nextBefore, loadingMore, status } = get()
        if (status !== 'ready' || nextBefore === null || loadingMore) return
        const version = searchVersion
        set({ loadingMore: true, error: null })
        try {
          const page = await client.call('alerts.list', { ...toAlertQuery(filters), before: nextBefore, limit: HISTORY_PAGE_SIZE })
          if (version !== searchVersion) return
          set((state) => {
            // A row may have come live meanwhile: each alert once.
            const seen = new Set(state.alerts.map((alert) => alert.id))
            return { alerts: state.alerts.concat(page.alerts.filter((alert) => !seen.has(alert.id))), nextBefore: page.nextBefore, loadingMore: false }
          })
        } catch (error) {
          if (version !== searchVersion) return
          set({ loadingMore: false, error: toShownError(error) })
        }
      },

      listen: () => {
        // Whatever was held was not followed until now.
        if (get().status !== 'idle') set({ stale: true })
        return client.on('alerts.onDidChange', (alert) => {
          const { status, filters } = get()
          if (status === 'loading') {
            pendingLive.push(alert)
            return
          }
          if (status !== 'ready') return
          set((state) => {
            const alerts = mergeLive(state.alerts, [alert], filters)
            return alerts === state.alerts ? {} : { alerts }
          })
        })
      }
    }
  })
}
