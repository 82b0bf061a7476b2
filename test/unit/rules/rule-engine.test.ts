import { describe, expect, it } from 'vitest'
import { MultiObjectTracker } from '../../../electron/core/analytics/tracking'
import { RuleEngine } from '../../../electron/core/analytics/rules'
import { detectionAt, frame } from '../tracking/synthetic'
import { square, track } from './synthetic-tracks'

describe('RuleEngine', () => {
  it('refuses invalid definitions', () => {
    expect(() => new RuleEngine('cam-1', [{ id: 'x', name: 'x', kind: 'loitering' }])).toThrow()
    expect(() => new RuleEngine('cam-1', 'not a list')).toThrow()
  })

  it('runs every rule of the camera on each frame and stamps the events', () => {
    const engine = new RuleEngine('cam-7', [
      { id: 'a', name: 'Zone', kind: 'intrusion', zone: square('z', 0, 0, 100, 100) },
      { id: 'b', name: 'Salle', kind: 'people-counting', zone: square('z', 0, 0, 100, 100) }
    ])
    const events = engine.process({ at: 1234, tracks: [track({ id: 3, x: 50, y: 50 })] })
    expect(events.map((e) => [e.rule, e.kind, e.cameraId, e.at])).toEqual([
      ['a', 'intrusion', 'cam-7', 1234],
      ['b', 'people-count', 'cam-7', 1234]
    ])
  })

  it('counts a person through a door from raw detections, across a short occlusion', () => {
    const tracker = new MultiObjectTracker()
    const engine = new RuleEngine('cam-1', [
      { id: 'porte', name: 'Porte', kind: 'line-crossing', line: { start: { x: 100, y: 250 }, end: { x: 400, y: 250 } }, direction: 'A->B' }
    ])
    const events = Array.from({ length: 25 }, (_, i) => {
      // Walks down 12 px per frame, feet from y = 150 to 438; hidden behind a pillar on frames 10–13.
      const detections = i >= 10 && i < 14 ? [] : [detectionAt(250, 100 + 12 * i)]
      const input = frame(i, detections)
      return engine.process({ at: input.at, tracks: tracker.update(input) })
    }).flat()
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ kind: 'line-crossing', details: { direction: 'A->B' } })
  })
})
