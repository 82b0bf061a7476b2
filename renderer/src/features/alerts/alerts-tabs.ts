export type AlertsTab = 'queue' | 'history' | 'quality'

/** The tabs of « Alertes » this person may open: reviewers the queue and history, supervisors and the DPO the quality. */
export function allowedTabs(mayReview: boolean, mayJudgeQuality: boolean): AlertsTab[] {
  return [...(mayReview ? (['queue', 'history'] as const) : []), ...(mayJudgeQuality ? (['quality'] as const) : [])]
}

/** The tab the address names (#/alerts/history), or the first this person may open. */
export function tabFrom(detail: string | null, mayReview: boolean, mayJudgeQuality: boolean): AlertsTab {
  const allowed = allowedTabs(mayReview, mayJudgeQuality)
  return allowed.find((tab) => tab === detail) ?? allowed[0] ?? 'queue'
}

/**
 * The alert the address names (#/alerts/123), for the screens that link to one (the LAPI read log):
 * the queue selects it while it is open, and shows it in full once decided. Null for a tab's name.
 */
export function alertIdFrom(detail: string | null): number | null {
  if (detail === null || !/^[1-9][0-9]{0,14}$/u.test(detail)) return null
  return Number(detail)
}

export type QualityPeriod = '7' | '30' | 'all'
export const QUALITY_PERIODS: readonly QualityPeriod[] = ['7', '30', 'all']
const DAY_MS = 24 * 60 * 60 * 1000

/** Since when a period of the quality table counts, from now; undefined for the whole history. */
export function periodStart(period: QualityPeriod, now: number): number | undefined {
  return period === 'all' ? undefined : now - Number(period) * DAY_MS
}
