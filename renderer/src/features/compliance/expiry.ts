/** Under this many days left, an unlock is shown in amber: time to renew the documents. */
export const EXPIRY_WARNING_DAYS = 30

const DAY_MS = 24 * 60 * 60 * 1000

function startOfLocalDay(epochMs: number): number {
  const day = new Date(epochMs)
  day.setHours(0, 0, 0, 0)
  return day.getTime()
}

/**
 * Calendar days from today to the day `until` falls on (0: today), as people count them on a
 * calendar rather than in 24-hour slices. Rounded, so a daylight-saving change does not cost a day.
 */
export function calendarDaysUntil(until: number, now: number): number {
  return Math.round((startOfLocalDay(until) - startOfLocalDay(now)) / DAY_MS)
}
