import { OPEN_ALERT_STATES, type Alert } from '../../../electron/shared/alerts'
import type { AlertPriority } from '../../../electron/shared/scene'

const PRIORITY_RANK: Record<AlertPriority, number> = { high: 0, normal: 1, low: 2 }

export function isOpen(alert: Pick<Alert, 'state'>): boolean {
  return OPEN_ALERT_STATES.includes(alert.state)
}

/**
 * The order of the review queue: the most urgent priority first, then the oldest first within a
 * priority (a queue is served in arrival order, and the oldest alert is the nearest to being escalated
 * for lack of a decision). New arrivals land at the end of their priority, so the alert being looked at
 * never jumps under the reviewer's eyes.
 */
export function compareQueue(a: Alert, b: Alert): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.at - b.at || a.id - b.id
}

export function sortQueue(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(compareQueue)
}

/** The queue after one alert changed: it comes in (or is updated) while open, and leaves once decided. */
export function applyToQueue(queue: readonly Alert[], alert: Alert): Alert[] {
  const rest = queue.filter((candidate) => candidate.id !== alert.id)
  if (!isOpen(alert)) return rest.length === queue.length ? (queue as Alert[]) : rest
  // Already sorted: insert at its place rather than sorting the whole queue again.
  let index = rest.findIndex((candidate) => compareQueue(alert, candidate) < 0)
  if (index === -1) index = rest.length
  return [...rest.slice(0, index), alert, ...rest.slice(index)]
}

/** Several alerts merged into the queue, each once, in queue order (a page and what arrived meanwhile). */
export function mergeQueue(queue: readonly Alert[], incoming: readonly Alert[]): Alert[] {
  const byId = new Map<number, Alert>()
  for (const alert of queue) byId.set(alert.id, alert)
  for (const alert of incoming) byId.set(alert.id, alert)
  return sortQueue([...byId.values()].filter(isOpen))
}

/**
 * Which alert to select once the queue changed. The selected one stays selected while it is there;
 * when it leaves (decided here or elsewhere), the one that took its place is next, as in a list one
 * works down; past the end, the last one.
 */
export function followSelection(previous: readonly Alert[], next: readonly Alert[], selectedId: number | null): number | null {
  if (next.length === 0) return null
  if (selectedId !== null && next.some((alert) => alert.id === selectedId)) return selectedId
  if (selectedId === null) return next[0].id
  const oldIndex = previous.findIndex((alert) => alert.id === selectedId)
  if (oldIndex === -1) return next[0].id
  // The first alert after the old position that is still queued.
  for (let i = oldIndex + 1; i < previous.length; i += 1) {
    const candidate = previous[i]
    if (next.some((alert) => alert.id === candidate.id)) return candidate.id
  }
  return next[Math.min(oldIndex, next.length - 1)].id
}

/** The alert `step` places away from the selected one, stopping at the ends. */
export function stepSelection(queue: readonly Alert[], selectedId: number | null, step: 1 | -1): number | null {
  if (queue.length === 0) return null
  const index = queue.findIndex((alert) => alert.id === selectedId)
  if (index === -1) return queue[step === 1 ? 0 : queue.length - 1].id
  return queue[Math.max(0, Math.min(queue.length - 1, index + step))].id
}

/** Whether this person may decide the alert: anyone, unless someone else has it in review. */
export function decidableBy(alert: Alert, username: string): boolean {
  return isOpen(alert) && !(alert.state === 'in_review' && alert.owner !== null && alert.owner !== username)
}
