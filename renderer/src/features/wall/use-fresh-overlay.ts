import { useEffect, useReducer } from 'react'
import type { AnalyticsOverlay } from '../../../../electron/shared/analytics-events'
import { isFresh, OVERLAY_MAX_AGE_MS } from '../../stores/overlays-store'
import { useOverlays } from '../../stores/stores-context'

/**
 * The camera's last analysed frame while it is recent enough to match the picture, null otherwise:
 * when frames stop coming (analytics stopped, core busy), the boxes go instead of freezing in place.
 */
export function useFreshOverlay(cameraId: string, maxAgeMs = OVERLAY_MAX_AGE_MS): AnalyticsOverlay | null {
  const entry = useOverlays((state) => state.latest[cameraId])
  const [, expire] = useReducer((n: number) => n + 1, 0)
  useEffect(() => {
    if (!entry) return
    const remaining = entry.receivedAt + maxAgeMs - performance.now()
    if (remaining < 0) return
    const timer = setTimeout(expire, remaining + 20)
    return () => clearTimeout(timer)
  }, [entry, maxAgeMs])
  return entry && isFresh(entry.receivedAt, performance.now(), maxAgeMs) ? entry.overlay : null
}
