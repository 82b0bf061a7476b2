import { useEffect, useState } from 'react'
import { toShownError, type ShownError } from '../../api/errors'
import type { EventSnapshot } from '../../stores/events-store'
import { useEvents } from '../../stores/stores-context'

export type SnapshotState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; snapshot: EventSnapshot } | { status: 'error'; error: ShownError }

/** An event's image, fetched once `wanted` (on screen, or opened) and kept by the store. */
export function useSnapshot(eventId: number, wanted: boolean): SnapshotState {
  const snapshot = useEvents((state) => state.snapshot)
  const [state, setState] = useState<SnapshotState>({ status: 'idle' })
  useEffect(() => {
    if (!wanted) return
    let current = true
    setState({ status: 'loading' })
    snapshot(eventId).then(
      (value) => {
        if (current) setState({ status: 'ready', snapshot: value })
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: toShownError(error) })
      }
    )
    return () => {
      current = false
    }
  }, [snapshot, eventId, wanted])
  return state
}
