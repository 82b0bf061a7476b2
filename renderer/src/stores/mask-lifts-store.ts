import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodInput } from '../../../electron/shared/contract'
import type { MaskLift } from '../../../electron/shared/recording'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError, type ShownError } from '../api/errors'

export type LiftRequest = MethodInput<'masks.requestLift'>

export interface MaskLiftsState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ShownError | null
  /** Newest request first. */
  lifts: MaskLift[]
  load(): Promise<void>
  /** These reject with the core's RpcError (an approval by the requester is refused there too). */
  request(input: LiftRequest): Promise<MaskLift>
  approve(liftId: number): Promise<MaskLift>
  end(liftId: number): Promise<MaskLift>
  /** Follows `masks.onDidChangeLift`; returns the function that stops following. */
  listen(): () => void
}

export type MaskLiftsStore = StoreApi<MaskLiftsState>

/** Newest request first; each lift once, the latest version of it kept. */
export function upsertLift(lifts: readonly MaskLift[], lift: MaskLift): MaskLift[] {
  return [lift, ...lifts.filter((other) => other.id !== lift.id)].sort((a, b) => b.requestedAt - a.requestedAt || b.id - a.id)
}

export function createMaskLiftsStore(client: RpcClient): MaskLiftsStore {
  // Changes heard while a list travels are as new as it, or newer: they are applied over it.
  let heardDuringLoad: MaskLift[] | null = null

  return createStore<MaskLiftsState>()((set) => {
    const put = (lift: MaskLift): MaskLift => {
      heardDuringLoad?.push(lift)
      set((state) => ({ lifts: upsertLift(state.lifts, lift) }))
      return lift
    }

    return {
      status: 'idle',
      error: null,
      lifts: [],

      async load() {
        set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading', error: null }))
        const heard: MaskLift[] = []
        heardDuringLoad = heard
        try {
          const lifts = await client.call('masks.lifts', {})
          set({ status: 'ready', error: null, lifts: heard.reduce(upsertLift, lifts.reduce(upsertLift, [] as MaskLift[])) })
        } catch (error) {
          set({ status: 'error', error: toShownError(error) })
        } finally {
          if (heardDuringLoad === heard) heardDuringLoad = null
        }
      },

      request: async (input) => put(await client.call('masks.requestLift', input)),
      approve: async (liftId) => put(await client.call('masks.approveLift', { liftId })),
      end: async (liftId) => put(await client.call('masks.endLift', { liftId })),

      listen: () => client.on('masks.onDidChangeLift', (lift) => void put(lift))
    }
  })
}
