import { describe, expect, it } from 'vitest'
import type { TrackSnapshot } from '../../../electron/core/analytics/tracking'
import { SpeedBaseline, type RuleFrame } from '../../../electron/core/analytics/rules'
import { runRule, track, FRAME_MS } from './synthetic-tracks'

const rule = { id: 'mvt', name: 'Mouvement', kind: 'unusual-movement' as const, warmupSamples: 50, cooldownSeconds: 10 }
const HEIGHT = 80

/** Five people walking at 0.8 body heights per second. */
function walkers(at: number): TrackSnapshot[] {
  return Array.from({ length: 5 }, (_, k) => track({ id: 10 + k, x: 50 + k * 100, y: 300, h: HEIGHT, vx: 0.8 * HEIGHT }, at))
}

function runner(at: number, heightsPerSecond = 4): TrackSnapshot {
  return track({ id: 99, x: 300, y: 200, h: HEIGHT, vx: heightsPerSecond * HEIGHT }, at)
}

function frames(count: number, content: (at: number, i: number) => TrackSnapshot[]): RuleFrame[] {
  return Array.from({ length: count }, (_, i) => ({ at: i * FRAME_MS, tracks: content(i * FRAME_MS, i) }))
}

describe('SpeedBaseline', () => {
  it('averages plainly during warm-up, then follows slowly', () => {
    const baseline = new SpeedBaseline(0.01, 4)
    for (const speed of [1, 2, 3]) baseline.add(speed)
    expect(baseline.warm).toBe(false)
    expect(baseline.mean).toBeCloseTo(2)
    baseline.add(2)
    expect(baseline.warm).toBe(true)
    // Past 1/alpha samples, one outlier moves the mean by alpha times its deviation only.
    for (let k = 0; k < 200; k++) baseline.add(1)
    baseline.add(100)
    expect(baseline.mean).toBeGreaterThan(1.9)
    expect(baseline.mean).toBeLessThan(2.1)
    expect(baseline.standardDeviation).toBeGreaterThan(0)
  })
})

describe('unusual movement: speed', () => {
  it('flags a runner among walkers once the baseline is warm, then cools down', () => {
    const events = runRule(rule, frames(80, (at, i) => (i >= 20 ? [...walkers(at), runner(at)] : walkers(at))))
    const speedEvents = events.filter((e) => e.kind === 'unusual-speed')
    // Still flagged after the cooldown: the runner's speed was never learnt as normal.
    expect(speedEvents.map((e) => e.at)).toEqual([20 * FRAME_MS, 70 * FRAME_MS])
    expect(speedEvents[0]).toMatchObject({ trackIds: [99], details: { class: 'person', speedHeightsPerSecond: 4, baselineHeightsPerSecond: 0.8 } })
  })

  it('stays silent during warm-up', () => {
    const events = runRule(rule, frames(8, (at) => [...walkers(at), runner(at)]))
    expect(events).toHaveLength(0)
  })

  it('never flags slow movement, even against a still baseline', () => {
    const still = (at: number) => Array.from({ length: 5 }, (_, k) => track({ id: 10 + k, x: 50 + k * 100, y: 300, h: HEIGHT }, at))
    const events = runRule(rule, frames(40, (at, i) => (i >= 20 ? [...still(at), runner(at, 1)] : still(at))))
    expect(events).toHaveLength(0)
  })

  it('ignores tracks too young for a reliable velocity', () => {
    const events = runRule(rule, frames(24, (at, i) => {
      const base = walkers(at)
      return i >= 20 ? [...base, track({ id: 99, x: 300, y: 200, h: HEIGHT, vx: 4 * HEIGHT, firstSeenAt: 20 * FRAME_MS }, at)] : base
    }))
    expect(events).toHaveLength(0)
  })
})

describe('unusual movement: dispersal', () => {
  const centre = { x: 320, y: 240 }
  /** Six people around a centre, still, then all running outwards from frame 10. */
  function group(at: number, i: number, outwards: boolean): TrackSnapshot[] {
    return Array.from({ length: 6 }, (_, k) => {
      const angle = (k * Math.PI) / 3
      const running = i >= 10
      const radius = 60 + (running ? (i - 9) * 40 : 0)
      const speed = running ? 2.5 * HEIGHT : 0.1 * HEIGHT
      const direction = outwards ? angle : 0
      return track(
        {
          id: 20 + k,
          x: centre.x + radius * Math.cos(angle),
          y: centre.y + HEIGHT / 2 + radius * Math.sin(angle),
          h: HEIGHT,
          vx: speed * Math.cos(direction),
          vy: speed * Math.sin(direction)
        },
        at
      )
    })
  }

  it('flags several tracks suddenly running away from a common centre, once per cooldown', () => {
    const events = runRule(rule, frames(20, (at, i) => group(at, i, true))).filter((e) => e.kind === 'dispersal')
    expect(events).toHaveLength(1)
    expect(events[0].at).toBe(10 * FRAME_MS)
    expect(events[0].trackIds).toEqual([20, 21, 22, 23, 24, 25])
    expect(events[0].details).toMatchObject({ tracks: 6, centreX: 320 })
  })

  it('does not flag a group speeding up in the same direction', () => {
    const events = runRule(rule, frames(20, (at, i) => group(at, i, false))).filter((e) => e.kind === 'dispersal')
    expect(events).toHaveLength(0)
  })

  it('does not flag a group already moving fast (no acceleration)', () => {
    const events = runRule(
      rule,
      frames(20, (at, i) => group(at, i + 10, true))
    ).filter((e) => e.kind === 'dispersal')
    expect(events).toHaveLength(0)
  })
})
