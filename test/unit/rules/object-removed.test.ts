import { describe, expect, it } from 'vitest'
import type { Box } from '../../../electron/core/analytics/tracking'
import type { RuleFrame } from '../../../electron/core/analytics/rules'
import { runRule, square, track, FRAME_MS } from './synthetic-tracks'

const zone = square('extincteur', 100, 100, 160, 200)
const rule = { id: 'retrait', name: 'Extincteur', kind: 'object-removed' as const, zone, persistSeconds: 2 }
const wholeZone: Box = { x1: 95, y1: 95, x2: 165, y2: 205 }
const corner: Box = { x1: 100, y1: 100, x2: 120, y2: 120 }

function frames(count: number, regions: (i: number) => Box[] | undefined, extra: Partial<RuleFrame> = {}): RuleFrame[] {
  return Array.from({ length: count }, (_, i) => ({ at: i * FRAME_MS, tracks: [], changedRegions: regions(i), ...extra }))
}

describe('object removed', () => {
  it('fires once when the zone stays changed long enough', () => {
    const events = runRule(rule, frames(30, (i) => (i >= 5 ? [wholeZone] : [])))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ kind: 'object-removed', trackIds: [], boxes: [wholeZone], details: { zone: 'extincteur', changedFraction: 1 } })
    expect(events[0].at).toBe(15 * FRAME_MS)
  })

  it('ignores a small change and a change that does not persist', () => {
    expect(runRule(rule, frames(30, () => [corner]))).toHaveLength(0)
    expect(runRule(rule, frames(30, (i) => (i % 8 < 6 ? [wholeZone] : [])))).toHaveLength(0)
  })

  it('does not blame a person standing in front of the zone', () => {
    // The person's box covers most of the zone and is the only change: the rest is unchanged.
    const standing = track({ id: 1, x: 130, y: 210, w: 70, h: 100 })
    const personShaped: Box = standing.box
    expect(runRule(rule, frames(30, () => [personShaped], { tracks: [standing] }))).toHaveLength(0)
  })

  it('waits without resetting when the caller sends no change map', () => {
    const events = runRule(rule, frames(20, (i) => (i < 6 || i >= 10 ? [wholeZone] : undefined)))
    // 6 frames changed, 4 without information, then 4 more changed frames reach 2 s from frame 0.
    expect(events).toHaveLength(1)
    expect(events[0].at).toBe(10 * FRAME_MS)
  })

  it('re-arms once the change has gone', () => {
    const events = runRule(rule, frames(60, (i) => (i < 20 || i >= 30 ? [wholeZone] : [])))
    expect(events.map((e) => e.at)).toEqual([10 * FRAME_MS, 40 * FRAME_MS])
  })
})
