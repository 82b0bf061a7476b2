import { describe, expect, it } from 'vitest'
import { planRetention, type PlannedSegment, type RetentionInput } from '../../../electron/core/recording/retention-plan'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 10, 29, 12, 0)

/** One segment per hour for `hours` hours before NOW, 100 bytes each. */
function hourly(cameraId: string, hours: number, firstId = 1): PlannedSegment[] {
  return Array.from({ length: hours }, (_, i) => ({
    id: firstId + i,
    cameraId,
    startAt: NOW - (hours - i) * 3600_000,
    endAt: NOW - (hours - i - 1) * 3600_000,
    bytes: 100,
    complete: true
  }))
}

const base = (segments: PlannedSegment[], overrides: Partial<RetentionInput> = {}): RetentionInput => ({
  now: NOW,
  segments,
  holds: [],
  retentionDays: () => 30,
  quotaBytes: () => null,
  totalQuotaBytes: null,
  diskShortBytes: 0,
  ...overrides
})

const ids = (plan: ReturnType<typeof planRetention>) => plan.deletions.map((d) => d.segment.id)

describe('planRetention', () => {
  it('deletes exactly the segments that ended before the retention limit', () => {
    const segments = hourly('quai', 48)
    const plan = planRetention(base(segments, { retentionDays: () => 1 }))
    // Segment i ends at NOW − (47 − i) h: ended ≥ 24 h ago for i ≤ 23.
    expect(ids(plan)).toEqual(segments.slice(0, 24).map((s) => s.id))
    expect(plan.deletions.every((d) => d.reason === 'retention')).toBe(true)
    expect(plan.unrelieved).toEqual([])
  })

  it('never deletes a segment under legal hold or still being written, even past retention', () => {
    const segments = hourly('quai', 48)
    segments[0] = { ...segments[0], complete: false }
    const hold = { cameraId: 'quai', from: segments[5].startAt + 1, to: segments[6].startAt + 1 }
    const plan = planRetention(base(segments, { retentionDays: () => 1, holds: [hold, { cameraId: 'autre', from: 0, to: NOW }] }))
    expect(ids(plan)).not.toContain(segments[0].id)
    expect(ids(plan)).not.toContain(segments[5].id)
    expect(ids(plan)).not.toContain(segments[6].id)
    expect(ids(plan)).toContain(segments[4].id)
    expect(ids(plan)).toContain(segments[7].id)
  })

  it('frees a camera over its quota oldest first, and the disk when it runs short', () => {
    const quai = hourly('quai', 10)
    const gare = hourly('gare', 10, 100)
    const plan = planRetention(base([...quai, ...gare], { quotaBytes: (id) => (id === 'quai' ? 700 : null), diskShortBytes: 250 }))
    expect(plan.deletions.filter((d) => d.reason === 'camera-quota').map((d) => d.segment.id)).toEqual([1, 2, 3])
    // 300 bytes were freed by the quota, more than the 250 the disk needed.
    expect(plan.deletions.filter((d) => d.reason === 'disk-full')).toEqual([])
    const tight = planRetention(base([...quai, ...gare], { diskShortBytes: 250 }))
    expect(ids(tight)).toEqual([1, 100, 2])
  })

  it('reports pressure it cannot relieve because only held footage is left', () => {
    const segments = hourly('quai', 3)
    const plan = planRetention(base(segments, { totalQuotaBytes: 100, holds: [{ cameraId: 'quai', from: 0, to: NOW }] }))
    expect(plan.deletions).toEqual([])
    expect(plan.unrelieved).toEqual([{ reason: 'total-quota', cameraId: null, bytes: 200 }])
  })
})
