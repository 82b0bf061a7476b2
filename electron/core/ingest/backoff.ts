/** How long to wait before the next reconnection attempt: exponential, capped, with jitter. */
export interface BackoffPolicy {
  readonly initialMs: number
  readonly factor: number
  readonly maxMs: number
  /**
   * Fraction of random spread around the delay (0.2 = ±20 %), so that cameras that dropped together
   * (a switch rebooting) do not all reconnect in the same instant.
   */
  readonly jitter: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, factor: 2, maxMs: 15_000, jitter: 0.2 }

/**
 * Delay before retry number `attempt` (1 for the first retry). `random` returns a number in [0, 1), as
 * Math.random does; 0.5 gives the delay without jitter. The result never exceeds `maxMs`.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1)
  const base = Math.min(policy.maxMs, policy.initialMs * policy.factor ** exponent)
  const spread = base * policy.jitter * (2 * random() - 1)
  return Math.round(Math.min(policy.maxMs, Math.max(0, base + spread)))
}
