/**
 * Time as the supervisors see it. Injected so that tests can drive backoff, stall detection and kill
 * grace periods without waiting for real time to pass.
 */
export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number
  /** Runs `callback` once after `ms`; returns a function that cancels it. */
  setTimeout(callback: () => void, ms: number): () => void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms)
    return () => clearTimeout(handle)
  }
}
