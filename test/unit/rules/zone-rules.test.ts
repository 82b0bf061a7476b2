import { describe, expect, it } from 'vitest'
import { runRule, square, track, walk, FRAME_MS } from './synthetic-tracks'

const zone = square('quai', 100, 100, 200, 200)
const across = (from: number, to: number, step: number): Array<[number, number]> =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => [from + i * step, 150])
const stay = (x: number, frames: number): Array<[number, number]> => Array.from({ length: frames }, () => [x, 150])

describe('intrusion', () => {
  it('fires once per visit when a person enters, with the rule and camera stamped', () => {
    const events = runRule({ id: 'intr', name: 'Quai', kind: 'intrusion', zone }, walk(across(55, 255, 10)))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ rule: 'intr', kind: 'intrusion', cameraId: 'cam-1', trackIds: [1], details: { zone: 'quai', class: 'person' } })
    expect(events[0].at).toBe(5 * FRAME_MS)
    expect(events[0].boxes).toHaveLength(1)
  })

  it('waits for the minimum dwell, and a short visit does not count towards the next one', () => {
    const path = [...stay(50, 2), ...stay(150, 4), ...stay(50, 3), ...stay(150, 8)]
    const events = runRule({ id: 'intr', name: 'Quai', kind: 'intrusion', zone, minDwellSeconds: 1 }, walk(path))
    expect(events).toHaveLength(1)
    expect(events[0].at).toBe((9 + 5) * FRAME_MS)
    expect(events[0].details.dwellSeconds).toBe(1)
  })

  it('ignores classes outside its filter', () => {
    const vehicle = walk(across(50, 250, 10), 1, 'vehicle')
    expect(runRule({ id: 'intr', name: 'Quai', kind: 'intrusion', zone }, vehicle)).toHaveLength(0)
    expect(runRule({ id: 'intr', name: 'Quai', kind: 'intrusion', zone, classes: ['vehicle'] }, vehicle)).toHaveLength(1)
  })

  it('fires again on a second visit', () => {
    const path = [...stay(50, 2), ...stay(150, 2), ...stay(50, 2), ...stay(150, 2)]
    expect(runRule({ id: 'intr', name: 'Quai', kind: 'intrusion', zone }, walk(path))).toHaveLength(2)
  })
})

describe('zone exit', () => {
  it('fires when a track that was inside leaves, with its dwell', () => {
    const events = runRule({ id: 'exit', name: 'Sortie', kind: 'zone-exit', zone }, walk([...stay(150, 6), ...stay(250, 2)]))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ kind: 'zone-exit', trackIds: [1], details: { dwellSeconds: 1.2 } })
  })

  it('does not fire for a track that vanishes inside, nor for a visit shorter than the minimum', () => {
    const vanished = [...walk(stay(150, 3)), ...Array.from({ length: 5 }, (_, i) => ({ at: (3 + i) * FRAME_MS, tracks: [] }))]
    expect(runRule({ id: 'exit', name: 'Sortie', kind: 'zone-exit', zone }, vanished)).toHaveLength(0)
    const brief = walk([...stay(150, 2), ...stay(250, 2)])
    expect(runRule({ id: 'exit', name: 'Sortie', kind: 'zone-exit', zone, minDwellSeconds: 1 }, brief)).toHaveLength(0)
  })
})

describe('loitering', () => {
  const rule = { id: 'loit', name: 'Distributeur', kind: 'loitering' as const, zone, dwellSeconds: 3 }

  it('fires once when a person stays longer than the threshold', () => {
    const events = runRule(rule, walk(stay(150, 40)))
    expect(events).toHaveLength(1)
    expect(events[0].at).toBe(16 * FRAME_MS)
    expect(events[0].details.dwellSeconds).toBeGreaterThan(3)
  })

  it('resets the timer when the person steps out', () => {
    // 2.8 s inside, out, 2.8 s inside again: never 3 s in one go.
    const path = [...stay(150, 15), ...stay(250, 1), ...stay(150, 15)]
    expect(runRule(rule, walk(path))).toHaveLength(0)
  })

  it('keeps the timer through a short absence of the track (occlusion)', () => {
    const frames = walk(stay(150, 25)).map((frame, i) => (i >= 8 && i < 11 ? { at: frame.at, tracks: [] } : frame))
    expect(runRule(rule, frames)).toHaveLength(1)
  })

  it('times each person separately', () => {
    const frames = Array.from({ length: 20 }, (_, i) => ({
      at: i * FRAME_MS,
      tracks: [track({ id: 1, x: 150, y: 150 }, i * FRAME_MS), ...(i >= 10 ? [track({ id: 2, x: 160, y: 160 }, i * FRAME_MS)] : [])]
    }))
    const events = runRule(rule, frames)
    expect(events.map((e) => e.trackIds[0])).toEqual([1])
  })
})
