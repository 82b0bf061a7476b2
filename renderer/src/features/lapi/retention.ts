const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

export interface TimeLeft {
  unit: 'days' | 'hours' | 'minutes'
  count: number
}

/**
 * How long a read is still kept, in the largest whole unit (« 29 jours », « 5 heures », « 12 minutes »),
 * never rounded up past what is left but for the last minute; null once it is due for deletion.
 */
export function timeLeft(expiresAt: number, now: number): TimeLeft | null {
  const left = expiresAt - now
  if (left <= 0) return null
  if (left >= DAY_MS) return { unit: 'days', count: Math.floor(left / DAY_MS) }
  if (left >= HOUR_MS) return { unit: 'hours', count: Math.floor(left / HOUR_MS) }
  return { unit: 'minutes', count: Math.max(1, Math.ceil(left / MINUTE_MS)) }
}

/** Under a day left: the read is about to go, a person who needs it must act now. */
export function expiresSoon(expiresAt: number, now: number): boolean {
  return expiresAt - now < DAY_MS
}

/**
 * The reads still within their retention. The core deletes expired ones every minute; a screen left
 * open must not show one past its date meanwhile.
 */
export function stillKept<T extends { expiresAt: number }>(reads: readonly T[], now: number): T[] {
  return reads.filter((read) => read.expiresAt > now)
}
