import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Alert, DecideAlerts } from '../../../electron/shared/alerts'
import { OPEN_ALERT_STATES } from '../../../electron/shared/alerts'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError, type ShownError } from '../api/errors'
import { applyToQueue, isOpen, mergeQueue } from './alert-order'

/** Something the reviewer should hear of: an alert that arrived, or one escalated to the supervisors. */
export interface AlertCue {
  /** Increases with every cue, so that a listener can tell a new one from the last it handled. */
  seq: number
  kind: 'new' | 'escalated'
  alert: Alert
}

export interface AlertsState {
  /** The open alerts (new, in review, escalated), in queue order (see compareQueue). */
  queue: Alert[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ShownError | null
  /** Ids that arrived while this session followed the queue, to set them apart for a moment. */
  freshIds: Record<number, true>
  /** The last arrival worth a sound or a notification. */
  cue: AlertCue | null
  /** The whole open queue from the core (several pages if need be). */
  load(): Promise<void>
  /** Follows `alerts.onDidChange`; returns the function that stops following. */
  listen(): () => void
  /** Takes an alert into one's review; rejects with the core's refusal (someone else has it…). */
  claim(eventId: number): Promise<Alert>
  /** One decision for one alert or a burst; all or none. The queue follows the core's answer at once. */
  decide(input: DecideAlerts): Promise<Alert[]>
  /** Any one alert, from the queue if it is there, else from the core. */
  get(eventId: number): Promise<Alert>
}

export type AlertsStore = StoreApi<AlertsState>

const PAGE_SIZE = 500
/** Beyond this many open alerts the site has a problem no list solves; the oldest pages are not fetched. */
export const MAX_QUEUE = 5000

export function createAlertsStore(client: RpcClient): AlertsStore {
  let loadVersion = 0
  let cueSeq = 0
  // Changes pushed while the queue loads are applied to its answer rather than lost.
  let pending: Alert[] = []

  return createStore<AlertsState>()((set, get) => {
    const apply = (alerts: readonly Alert[]): void => {
      if (alerts.length === 0) return
      set((state) => {
        let queue = state.queue
        for (const alert of alerts) queue = applyToQueue(queue, alert)
        return { queue }
      })
    }

    return {
      queue: [],
      status: 'idle',
      error: null,
      freshIds: {},
      cue: null,

      async load() {
        const version = ++loadVersion
        pending = []
        set({ status: 'loading', error: null })
        try {
          const collected: Alert[] = []
          let before: number | undefined
          for (;;) {
            const page = await client.call('alerts.list', { states: [...OPEN_ALERT_STATES], limit: PAGE_SIZE, ...(before ? { before } : {}) })
            if (version !== loadVersion) return
            collected.push(...page.alerts)
            if (page.nextBefore === null || collected.length >= MAX_QUEUE) break
            before = page.nextBefore
          }
          // What was pushed meanwhile is newer than the pages: it wins.
          const byId = new Map(collected.map((alert) => [alert.id, alert]))
          for (const alert of pending) byId.set(alert.id, alert)
          set({ status: 'ready', queue: mergeQueue([], [...byId.values()]) })
          pending = []
        } catch (error) {
          if (version !== loadVersion) return
          set({ status: 'error', error: toShownError(error) })
        }
      },

      listen: () =>
        client.on('alerts.onDidChange', (alert) => {
          const { status, queue } = get()
          const known = queue.find((candidate) => candidate.id === alert.id)
          if (status === 'loading') pending.push(alert)
          else apply([alert])
          if (alert.state === 'new' && !known) {
            cueSeq += 1
            set((state) => ({ freshIds: { ...state.freshIds, [alert.id]: true }, cue: { seq: cueSeq, kind: 'new', alert } }))
          } else if (alert.state === 'escalated' && known?.state !== 'escalated') {
            cueSeq += 1
            set({ cue: { seq: cueSeq, kind: 'escalated', alert } })
          }
          if (!isOpen(alert) && get().freshIds[alert.id]) {
            set((state) => {
              const { [alert.id]: _gone, ...rest } = state.freshIds
              return { freshIds: rest }
            })
          }
        }),

      async claim(eventId) {
        const alert = await client.call('alerts.claim', { eventId })
        apply([alert])
        return alert
      },

      async decide(input) {
        const decided = await client.call('alerts.decide', input)
        apply(decided)
        return decided
      },

      async get(eventId) {
        return get().queue.find((alert) => alert.id === eventId) ?? client.call('alerts.get', { eventId })
      }
    }
  })
}
