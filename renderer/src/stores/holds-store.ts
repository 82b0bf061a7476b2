import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodInput } from '../../../electron/shared/contract'
import type { LegalHold } from '../../../electron/shared/recording'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError, type ShownError } from '../api/errors'

export type NewHold = MethodInput<'holds.place'>

export interface HoldsState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ShownError | null
  /** Newest first, released ones included (they stay on record). */
  holds: LegalHold[]
  /** Bumped by every placement and release: timelines showing holds ask again. */
  version: number
  /** Loaded when the playback screen opens. */
  load(): Promise<void>
  /** These reject with the core's RpcError, so that a dialog can show it and keep its input. */
  place(hold: NewHold): Promise<LegalHold>
  release(holdId: number, reason: string): Promise<LegalHold>
}

export type HoldsStore = StoreApi<HoldsState>

function newestFirst(a: LegalHold, b: LegalHold): number {
  return b.createdAt - a.createdAt || b.id - a.id
}

export function createHoldsStore(client: RpcClient): HoldsStore {
  return createStore<HoldsState>()((set) => {
    // Each change answers with the hold as the core now holds it.
    const put = (hold: LegalHold): LegalHold => {
      set((state) => ({ holds: [hold, ...state.holds.filter((other) => other.id !== hold.id)].sort(newestFirst), version: state.version + 1 }))
      return hold
    }

    return {
      status: 'idle',
      error: null,
      holds: [],
      version: 0,

      async load() {
        set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading', error: null }))
        try {
          const holds = await client.call('holds.list', {})
          set({ status: 'ready', error: null, holds: [...holds].sort(newestFirst) })
        } catch (error) {
          set({ status: 'error', error: toShownError(error) })
        }
      },

      place: async (hold) => put(await client.call('holds.place', hold)),
      release: async (holdId, reason) => put(await client.call('holds.release', { holdId, reason }))
    }
  })
}
