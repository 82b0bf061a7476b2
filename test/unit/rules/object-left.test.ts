import { describe, expect, it } from 'vitest'
import type { RuleFrame } from '../../../electron/core/analytics/rules'
import { runRule, square, track, FRAME_MS } from './synthetic-tracks'

const rule = { id: 'bagage', name: 'Bagage abandonné', kind: 'object-left' as const, stationarySeconds: 2 }

/** A suitcase at (300, 300), and optionally a person at a given ground point, per frame. */
function scene(frames: number, person: (i: number) => [number, number] | null, bag: (i: number) => [number, number] = () => [300, 300]): RuleFrame[] {
  return Array.from({ length: frames }, (_, i) => {
    const at = i * FRAME_MS
    const [bx, by] = bag(i)
    const tracks = [track({ id: 7, x: bx, y: by, group: 'bag', w: 30, h: 30 }, at)]
    const owner = person(i)
    if (owner) tracks.push(track({ id: 1, x: owner[0], y: owner[1] }, at))
    return { at, tracks }
  })
}

describe('object left', () => {
  it('fires once when a bag stays unattended long enough', () => {
    const events = runRule(rule, scene(30, () => null))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ kind: 'object-left', trackIds: [7], details: { class: 'suitcase', unattendedSeconds: 2 } })
    expect(events[0].at).toBe(10 * FRAME_MS)
  })

  it('waits while its owner stands nearby, and starts counting when the owner walks away', () => {
    const events = runRule(rule, scene(40, (i) => (i < 15 ? [330, 300] : [330 + (i - 14) * 40, 300])))
    expect(events).toHaveLength(1)
    // The owner is beyond 120 px from frame 17 on (150 px away); 2 s later is frame 27.
    expect(events[0].at).toBe(27 * FRAME_MS)
  })

  it('restarts the wait when the bag moves', () => {
    // Moved at frame 8, before the 2 s were up: the wait starts again from there.
    const events = runRule(rule, scene(25, () => null, (i) => (i < 8 ? [300, 300] : [400, 300])))
    expect(events).toHaveLength(1)
    expect(events[0].at).toBe(18 * FRAME_MS)
  })

  it('ignores people and bags outside its zone', () => {
    expect(runRule({ ...rule, zone: square('hall', 0, 0, 100, 100) }, scene(30, () => null))).toHaveLength(0)
  })

  it('ignores a person standing still', () => {
    const frames = Array.from({ length: 30 }, (_, i) => ({ at: i * FRAME_MS, tracks: [track({ id: 1, x: 300, y: 300 }, i * FRAME_MS)] }))
    expect(runRule(rule, frames)).toHaveLength(0)
  })
})
