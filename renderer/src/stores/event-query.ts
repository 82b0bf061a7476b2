import type { AnalyticsEvent, EventKind, EventQueryInput } from '../../../electron/shared/analytics-events'

/** The journal's filters as its form holds them: empty strings mean « all ». */
export interface EventFilters {
  cameraId: string
  kind: EventKind | ''
  /** Counting updates are not alerts: hidden unless asked for. */
  withCounts: boolean
}

export const NO_EVENT_FILTERS: EventFilters = { cameraId: '', kind: '', withCounts: false }

export function toEventQuery(filters: EventFilters): Omit<EventQueryInput, 'before' | 'limit'> {
  return {
    ...(filters.cameraId ? { cameraId: filters.cameraId } : {}),
    ...(filters.kind ? { kinds: [filters.kind] } : {}),
    alertsOnly: !filters.withCounts
  }
}

/** Whether an event raised live belongs in the list as filtered. */
export function matchesFilters(filters: EventFilters, event: AnalyticsEvent): boolean {
  if (filters.cameraId && event.cameraId !== filters.cameraId) return false
  if (filters.kind && event.kind !== filters.kind) return false
  if (!filters.withCounts && !event.alert) return false
  return true
}

/** Newest first, each event once: what arrived live and what a page brought may overlap. */
export function mergeNewestFirst(current: readonly AnalyticsEvent[], incoming: readonly AnalyticsEvent[]): AnalyticsEvent[] {
  const byId = new Map<number, AnalyticsEvent>()
  for (const event of [...current, ...incoming]) byId.set(event.id, event)
  return [...byId.values()].sort((a, b) => b.id - a.id)
}
