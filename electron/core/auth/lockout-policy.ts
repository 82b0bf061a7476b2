/** Consecutive failed sign-ins after which an account locks. */
export const LOCKOUT_THRESHOLD = 5

export const FIRST_LOCK_MS = 30_000
export const MAX_LOCK_MS = 60 * 60_000

/**
 * How long the account stays locked after its `failedAttempts`-th consecutive failure: nothing below
 * the threshold, then 30 s, doubling with each further failure (60 s, 120 s…) up to one hour. The
 * counter survives the end of a lock, so someone guessing slows down at each round; a success resets it.
 */
export function lockoutDelayMs(failedAttempts: number): number {
  if (failedAttempts < LOCKOUT_THRESHOLD) return 0
  const doublings = failedAttempts - LOCKOUT_THRESHOLD
  // Capping the exponent first keeps the arithmetic finite however many failures pile up.
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(doublings, 20), MAX_LOCK_MS)
}
