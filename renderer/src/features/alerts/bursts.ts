import type { Alert } from '../../../../electron/shared/alerts'

/** Two alerts of one rule on one camera this close in time belong to the same burst. */
export const BURST_GAP_MS = 3 * 60_000
/** As many as one decision may carry (alerts.decide). */
export const MAX_BURST = 200

export interface BurstOptions {
  gapMs?: number
  max?: number
  /** Alerts that may join (someone else's review would make the whole decision fail). */
  eligible?: (alert: Alert) => boolean
}

/**
 * The burst around `anchor`: the open alerts of the same rule on the same camera, chained in time (each
 * within `gapMs` of the next), so that one person lingering for ten minutes in a zone is one burst,
 * while the same rule an hour later is another. Closest to the anchor first when over `max`; returned
 * in time order. The anchor is always in it.
 */
export function burstOf(anchor: Alert, open: readonly Alert[], options: BurstOptions = {}): Alert[] {
  const gapMs = options.gapMs ?? BURST_GAP_MS
  const max = Math.max(1, options.max ?? MAX_BURST)
  const eligible = options.eligible ?? (() => true)
  const sameSource = open
    .filter((alert) => alert.id === anchor.id || (alert.cameraId === anchor.cameraId && alert.ruleId === anchor.ruleId && eligible(alert)))
    .sort((a, b) => a.at - b.at || a.id - b.id)
  let index = sameSource.findIndex((alert) => alert.id === anchor.id)
  if (index === -1) {
    // The anchor left the queue meanwhile: it still counts as the centre.
    sameSource.push(anchor)
    sameSource.sort((a, b) => a.at - b.at || a.id - b.id)
    index = sameSource.findIndex((alert) => alert.id === anchor.id)
  }
  let first = index
  let last = index
  while (first > 0 && sameSource[first].at - sameSource[first - 1].at <= gapMs) first -= 1
  while (last < sameSource.length - 1 && sameSource[last + 1].at - sameSource[last].at <= gapMs) last += 1
  let burst = sameSource.slice(first, last + 1)
  if (burst.length > max) {
    burst = [...burst]
      .sort((a, b) => Math.abs(a.at - anchor.at) - Math.abs(b.at - anchor.at) || a.id - b.id)
      .slice(0, max)
      .sort((a, b) => a.at - b.at || a.id - b.id)
  }
  return burst
}

/** The time the burst spans, for « 5 alertes en 4 min ». */
export function burstSpanMs(burst: readonly Alert[]): number {
  if (burst.length < 2) return 0
  return Math.max(...burst.map((alert) => alert.at)) - Math.min(...burst.map((alert) => alert.at))
}
