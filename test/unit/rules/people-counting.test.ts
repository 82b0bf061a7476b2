import { describe, expect, it } from 'vitest'
import { runRule, square, track, walk, FRAME_MS } from './synthetic-tracks'

const door = { start: { x: 100, y: 200 }, end: { x: 300, y: 200 } }

describe('people counting', () => {
  it('counts in and out across a line, each real crossing once, and reports numbers only', () => {
    const ys = [150, 230, 203, 197, 204, 250, 150, 250]
    const events = runRule({ id: 'compteur', name: 'Porte', kind: 'people-counting', line: door }, walk(ys.map((y) => [200, y])))
    expect(events.map((e) => e.details)).toEqual([
      { in: 1, out: 0, occupancy: -1 },
      { in: 1, out: 1, occupancy: -1 },
      { in: 2, out: 1, occupancy: -1 }
    ])
    expect(events.every((e) => e.trackIds.length === 0 && e.boxes.length === 0 && e.kind === 'people-count')).toBe(true)
  })

  it('lets the operator choose which direction means entering', () => {
    const events = runRule({ id: 'c', name: 'Porte', kind: 'people-counting', line: door, inDirection: 'B->A' }, walk([[200, 150], [200, 250]]))
    expect(events[0].details).toEqual({ in: 0, out: 1, occupancy: -1 })
  })

  it('reports zone occupancy when it changes, people only', () => {
    const zone = square('salle', 0, 0, 300, 300)
    const counts = [0, 1, 1, 3, 3, 2]
    const frames = counts.map((count, i) => ({
      at: i * FRAME_MS,
      tracks: [
        ...Array.from({ length: count }, (_, k) => track({ id: k + 1, x: 50 + k * 40, y: 150 }, i * FRAME_MS)),
        track({ id: 50, x: 200, y: 200, group: 'vehicle' }, i * FRAME_MS)
      ]
    }))
    const events = runRule({ id: 'c', name: 'Salle', kind: 'people-counting', zone }, frames)
    expect(events.map((e) => e.details.occupancy)).toEqual([1, 3, 2])
  })

  it('ignores vehicles crossing the line', () => {
    expect(runRule({ id: 'c', name: 'Porte', kind: 'people-counting', line: door }, walk([[200, 150], [200, 250]], 1, 'vehicle'))).toHaveLength(0)
  })
})
