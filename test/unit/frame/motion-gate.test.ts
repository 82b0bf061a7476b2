import { describe, expect, it } from 'vitest'
import { MotionGate, type MotionDecision, type TimedRgbFrame } from '../../../electron/core/analytics/frame'
import { seededRandom } from '../../fixtures/seeded-random'
import { at, grey, paint, solidFrame } from './synthetic-frames'

const WIDTH = 640
const HEIGHT = 360
const FRAME_MS = 200
const street = solidFrame(WIDTH, HEIGHT, grey(100))

/** Frame i of a sequence at 5 frames per second. */
const tick = (frame: TimedRgbFrame, index: number): TimedRgbFrame => at(frame, index * FRAME_MS)

function decisions(gate: MotionGate, frames: readonly TimedRgbFrame[]): MotionDecision[] {
  return frames.map((frame) => gate.decide(frame))
}

describe('MotionGate', () => {
  it('detects on the first frame, then reuses detections while nothing changes', () => {
    const gate = new MotionGate()
    const frames = Array.from({ length: 8 }, (_, i) => tick(street, i))
    expect(decisions(gate, frames)).toEqual(['detect', 'still', 'still', 'still', 'still', 'still', 'still', 'still'])
    expect(gate.lastChangedFraction).toBe(0)
  })

  it('detects a small square moving across the scene', () => {
    const gate = new MotionGate()
    gate.decide(tick(street, 0))
    // 40 × 40 pixels cover 25 of the 3 600 samples (0.7 %), above the 0.3 % floor.
    const frames = [1, 2, 3].map((i) => paint(tick(street, i), 100 + 40 * i, 200, 140 + 40 * i, 240, grey(200)))
    expect(decisions(gate, frames)).toEqual(['detect', 'detect', 'detect'])
    expect(gate.lastChangedFraction).toBeGreaterThan(0.003)
  })

  it('ignores a change smaller than the changed-fraction floor', () => {
    const gate = new MotionGate()
    gate.decide(tick(street, 0))
    // 16 × 16 pixels hold 4 samples: 0.11 % of the grid.
    expect(gate.decide(paint(tick(street, 1), 300, 100, 316, 116, grey(250)))).toBe('still')
    expect(gate.lastChangedFraction).toBeCloseTo(4 / 3600, 6)
  })

  it('stays still under sensor noise of ±5 levels', () => {
    const random = seededRandom(7)
    const gate = new MotionGate()
    const frames = Array.from({ length: 9 }, (_, i) => {
      const frame = tick(street, i)
      for (let j = 0; j < frame.data.length; j += 3) frame.data.fill(100 + Math.round(random() * 10 - 5), j, j + 3)
      return frame
    })
    expect(decisions(gate, frames).slice(1)).toEqual(Array(8).fill('still'))
  })

  it('accumulates a slow drift against the last detected frame, not the previous one', () => {
    const gate = new MotionGate({ maxStillMs: 60_000 })
    // +2 levels per frame: never more than 2 between neighbours, 18 after nine frames.
    const frames = Array.from({ length: 19 }, (_, i) => at(solidFrame(WIDTH, HEIGHT, grey(50 + 2 * i)), i * FRAME_MS))
    const result = decisions(gate, frames)
    expect(result.flatMap((decision, i) => (decision === 'detect' ? [i] : []))).toEqual([0, 9, 18])
  })

  it('runs the detector at least every maxStillMs on a still scene', () => {
    const gate = new MotionGate({ maxStillMs: 2000 })
    const times = [0, 500, 1000, 1999, 2000, 2500, 3999, 4000]
    expect(times.map((time) => gate.decide(at(street, time)))).toEqual(['detect', 'still', 'still', 'still', 'detect', 'still', 'still', 'detect'])
  })

  it('starts over when the frame size changes', () => {
    const gate = new MotionGate()
    gate.decide(tick(street, 0))
    const small = solidFrame(320, 180, grey(100))
    expect(gate.decide(at(small, 200))).toBe('detect')
    expect(gate.lastChangedFraction).toBe(1)
    expect(gate.decide(at(small, 400))).toBe('still')
  })

  it('refreshes the detections when the clock goes backwards', () => {
    const gate = new MotionGate()
    gate.decide(at(street, 10_000))
    expect(gate.decide(at(street, 9_000))).toBe('detect')
  })

  it('refuses invalid options and short frames', () => {
    expect(() => new MotionGate({ gridStep: 0 })).toThrow(RangeError)
    expect(() => new MotionGate({ minChangedFraction: 2 })).toThrow(RangeError)
    expect(() => new MotionGate().decide({ width: WIDTH, height: HEIGHT, data: new Uint8Array(10), at: 0 })).toThrow(RangeError)
  })
})
