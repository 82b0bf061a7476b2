import { createStore, type StoreApi } from 'zustand/vanilla'
import type { AuditEntry, AuditExportFormat, AuditQueryInput, AuditVerification } from '../../../electron/shared/audit'
import type { MethodOutput } from '../../../electron/shared/contract'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError, type ShownError } from '../api/errors'

/** The filters of a search; paging (`before`, `limit`) is the store's business. */
export type AuditSearch = Omit<AuditQueryInput, 'before' | 'limit'>
export type AuditExport = MethodOutput<'audit.export'>

export type AuditVerifyState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: AuditVerification }
  | { status: 'error'; error: ShownError }

export interface AuditState {
  /** The filters the table shows; exports use them too. */
  search: AuditSearch
  /** Newest first, pages appended as the reader asks for older ones. */
  entries: AuditEntry[]
  nextBefore: number | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  loadingOlder: boolean
  error: ShownError | null
  verification: AuditVerifyState
  apply(search: AuditSearch): Promise<void>
  /** The same search again, for entries recorded since. */
  refresh(): Promise<void>
  loadOlder(): Promise<void>
  verify(): Promise<void>
  /** Rejects with the core's RpcError. */
  exportFile(format: AuditExportFormat): Promise<AuditExport>
}

export type AuditStore = StoreApi<AuditState>

const PAGE_SIZE = 100

export function createAuditStore(client: RpcClient): AuditStore {
  // Bumped by each new search: the answer to an older search, or its older pages, must not mix in.
  let searchVersion = 0

  return createStore<AuditState>()((set, get) => ({
    search: {},
    entries: [],
    nextBefore: null,
    status: 'idle',
    loadingOlder: false,
    error: null,
    verification: { status: 'idle' },

    async apply(search) {
      const version = ++searchVersion
      // Rows of the previous search must not pass for results of this one while it runs.
      set({ search, status: 'loading', error: null, entries: [], nextBefore: null, loadingOlder: false })
      try {
        const page = await client.call('audit.query', { ...search, limit: PAGE_SIZE })
        if (version !== searchVersion) return
        set({ status: 'ready', entries: page.entries, nextBefore: page.nextBefore })
      } catch (error) {
        if (version !== searchVersion) return
        set({ status: 'error', error: toShownError(error), entries: [], nextBefore: null })
      }
    },

    refresh: () => get().apply(get().search),

    async loadOlder() {
      const { search, nextBefore, loadingOlder } = get()
      if (nextBefore === null || loadingOlder) return
      const version = searchVersion
      set({ loadingOlder: true, error: null })
      try {
        const page = await client.call('audit.query', { ...search, before: nextBefore, limit: PAGE_SIZE })
        if (version !== searchVersion) return
        set((state) => ({ entries: [...state.entries, ...page.entries], nextBefore: page.nextBefore, loadingOlder: false }))
      } catch (error) {
        if (version !== searchVersion) return
        set({ loadingOlder: false, error: toShownError(error) })
      }
    },

    async verify() {
      set({ verification: { status: 'running' } })
      try {
        set({ verification: { status: 'done', result: await client.call('audit.verify', {}) } })
      } catch (error) {
        set({ verification: { status: 'error', error: toShownError(error) } })
      }
    },

    exportFile: (format) => client.call('audit.export', { query: get().search, format })
  }))
}
