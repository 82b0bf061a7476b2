import { describe, expect, it } from 'vitest'
import { backoffDelay, DEFAULT_BACKOFF } from '../../../electron/core/ingest/backoff'

const noJitter = (): number => 0.5

describe('backoffDelay', () => {
  it('doubles from 500 ms up to 15 s by default', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => backoffDelay(attempt, DEFAULT_BACKOFF, noJitter))
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000])
  })

  it('spreads each delay by ±20 %, never above the maximum', () => {
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => 0)).toBe(400)
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => 0.999_999)).toBe(600)
    expect(backoffDelay(3, DEFAULT_BACKOFF, () => 0.25)).toBe(1800)
    expect(backoffDelay(20, DEFAULT_BACKOFF, () => 0)).toBe(12_000)
    expect(backoffDelay(20, DEFAULT_BACKOFF, () => 0.999_999)).toBe(15_000)
  })

  it('treats attempt 0 or less as the first attempt and survives huge attempts', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, noJitter)).toBe(500)
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, DEFAULT_BACKOFF, noJitter)).toBe(15_000)
  })

  it('follows a custom policy', () => {
    const policy = { initialMs: 100, factor: 3, maxMs: 1000, jitter: 0 }
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, policy, Math.random))).toEqual([100, 300, 900, 1000])
  })
})
