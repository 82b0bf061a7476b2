import type { Alert } from '../../../../electron/shared/alerts'

/** Track numbers restart with the camera's analytics: only alerts this close in time can share a track. */
export const RELATED_WINDOW_MS = 15 * 60_000

/** Other alerts of the same camera about one of the same tracked objects, newest first. */
export function relatedAlerts(alert: Alert, candidates: readonly Alert[], windowMs = RELATED_WINDOW_MS): Alert[] {
  if (alert.trackIds.length === 0) return []
  const tracks = new Set(alert.trackIds)
  const seen = new Set<number>()
  const related: Alert[] = []
  for (const candidate of candidates) {
    if (candidate.id === alert.id || seen.has(candidate.id)) continue
    if (candidate.cameraId !== alert.cameraId || Math.abs(candidate.at - alert.at) > windowMs) continue
    if (!candidate.trackIds.some((id) => tracks.has(id))) continue
    seen.add(candidate.id)
    related.push(candidate)
  }
  return related.sort((a, b) => b.at - a.at || b.id - a.id)
}
