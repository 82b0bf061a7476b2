import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodInput, MethodOutput } from '../../../electron/shared/contract'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError, type ShownError } from '../api/errors'

export type HotlistInfo = MethodOutput<'lapi.hotlists'>[number]
export type PlateHit = MethodOutput<'lapi.reads'>['hits'][number]
export type ImportHotlistInput = MethodInput<'lapi.importHotlist'>
export type ImportHotlistResult = MethodOutput<'lapi.importHotlist'>

type Status = 'idle' | 'loading' | 'ready' | 'error'

export interface LapiState {
  /** Plate lists, active and withdrawn (a withdrawn list stays on record, without its plates). */
  hotlists: HotlistInfo[]
  hotlistsStatus: Status
  hotlistsError: ShownError | null
  /** Hits still within their retention, newest first. */
  hits: PlateHit[]
  /** Reads that matched no list, kept as keyed hashes only: a count, never which plates. */
  unmatchedKept: number
  readsStatus: Status
  readsError: ShownError | null
  /** When the read log last came from the core. */
  readsAt: number | null
  /** Loaded when the screen opens. */
  loadHotlists(): Promise<void>
  loadReads(): Promise<void>
  /** These reject with the core's RpcError (a forbidden purpose…), so that a dialog can show it and keep its input. */
  importHotlist(input: ImportHotlistInput): Promise<ImportHotlistResult>
  withdrawHotlist(hotlistId: number, reason: string): Promise<HotlistInfo[]>
  /**
   * Follows `alerts.onDidChange`: an alert of a LAPI module means a new hit (or a decided one), so the
   * read log is asked again. Returns the function that stops following.
   */
  listen(): () => void
}

export type LapiStore = StoreApi<LapiState>

const LAPI_MODULES: ReadonlySet<string> = new Set(['lapi-securite', 'lapi-stationnement'])

function newestFirst(a: HotlistInfo, b: HotlistInfo): number {
  return b.importedAt - a.importedAt || b.id - a.id
}

export function createLapiStore(client: RpcClient, now: () => number = Date.now): LapiStore {
  // Each request takes a number; an answer is applied only if no newer request of its kind left since.
  let hotlistsRequest = 0
  let readsRequest = 0
  // Alerts may come in bursts: one reload at a time, and one more if some arrived meanwhile.
  let reloading: Promise<void> | null = null
  let reloadAgain = false

  return createStore<LapiState>()((set, get) => {
    const refreshReads = (): void => {
      if (reloading) {
        reloadAgain = true
        return
      }
      reloading = get()
        .loadReads()
        .finally(() => {
          reloading = null
          if (reloadAgain) {
            reloadAgain = false
            refreshReads()
          }
        })
    }

    return {
      hotlists: [],
      hotlistsStatus: 'idle',
      hotlistsError: null,
      hits: [],
      unmatchedKept: 0,
      readsStatus: 'idle',
      readsError: null,
      readsAt: null,

      async loadHotlists() {
        const request = ++hotlistsRequest
        set((state) => ({ hotlistsStatus: state.hotlistsStatus === 'ready' ? 'ready' : 'loading', hotlistsError: null }))
        try {
          const hotlists = await client.call('lapi.hotlists', {})
          if (request === hotlistsRequest) set({ hotlistsStatus: 'ready', hotlists: [...hotlists].sort(newestFirst) })
        } catch (error) {
          if (request === hotlistsRequest) set({ hotlistsStatus: 'error', hotlistsError: toShownError(error) })
        }
      },

      async loadReads() {
        const request = ++readsRequest
        set((state) => ({ readsStatus: state.readsStatus === 'ready' ? 'ready' : 'loading', readsError: null }))
        try {
          const { hits, unmatchedKept } = await client.call('lapi.reads', {})
          if (request === readsRequest) set({ readsStatus: 'ready', hits, unmatchedKept, readsAt: now() })
        } catch (error) {
          if (request === readsRequest) set({ readsStatus: 'error', readsError: toShownError(error) })
        }
      },

      async importHotlist(input) {
        const result = await client.call('lapi.importHotlist', input)
        // Any list answer still travelling predates this import.
        hotlistsRequest += 1
        set((state) => ({
          hotlistsStatus: 'ready',
          hotlists: [result.hotlist, ...state.hotlists.filter((list) => list.id !== result.hotlist.id)].sort(newestFirst)
        }))
        return result
      },

      async withdrawHotlist(hotlistId, reason) {
        const hotlists = await client.call('lapi.withdrawHotlist', { hotlistId, reason })
        hotlistsRequest += 1
        set({ hotlistsStatus: 'ready', hotlists: [...hotlists].sort(newestFirst) })
        return hotlists
      },

      listen: () =>
        client.on('alerts.onDidChange', (alert) => {
          if (LAPI_MODULES.has(alert.moduleId)) refreshReads()
        })
    }
  })
}
