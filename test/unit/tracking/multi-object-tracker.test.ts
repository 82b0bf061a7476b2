import { describe, expect, it } from 'vitest'
import { COCO, MultiObjectTracker, type Detection, type TrackSnapshot } from '../../../electron/core/analytics/tracking'
import { detectionAt, frame, jitterSource } from './synthetic'

interface Truth {
  name: string
  cx: number
  cy: number
}

/** Which track id sits on each ground-truth object (nearest centre, within 30 px) in one frame. */
function idsOnTruth(tracks: TrackSnapshot[], truths: Truth[]): Map<string, number> {
  const ids = new Map<string, number>()
  for (const truth of truths) {
    const distance = (t: TrackSnapshot): number =>
      Math.hypot((t.box.x1 + t.box.x2) / 2 - truth.cx, (t.box.y1 + t.box.y2) / 2 - truth.cy)
    const nearest = [...tracks].sort((p, q) => distance(p) - distance(q))[0]
    if (nearest && distance(nearest) < 30) ids.set(truth.name, nearest.id)
  }
  return ids
}

function run(tracker: MultiObjectTracker, frames: Detection[][]): TrackSnapshot[][] {
  return frames.map((detections, index) => tracker.update(frame(index, detections)))
}

describe('MultiObjectTracker', () => {
  it.each([
    { case: 'both always detected', hiddenFrames: [] as number[] },
    { case: 'the far one hidden behind the near one', hiddenFrames: [14, 15, 16] }
  ])('keeps the ids of two people whose paths cross ($case)', ({ hiddenFrames }) => {
    const tracker = new MultiObjectTracker()
    const seen = new Map<string, Set<number>>([['a', new Set()], ['b', new Set()]])
    for (let i = 0; i < 30; i++) {
      const a: Truth = { name: 'a', cx: 100 + 14 * i, cy: 200 }
      const b: Truth = { name: 'b', cx: 520 - 14 * i, cy: 215 }
      const visible = hiddenFrames.includes(i) ? [a] : [a, b]
      const tracks = tracker.update(frame(i, visible.map((t) => detectionAt(t.cx, t.cy))))
      for (const [name, id] of idsOnTruth(tracks, visible)) seen.get(name)?.add(id)
    }
    expect(seen.get('a')?.size).toBe(1)
    expect(seen.get('b')?.size).toBe(1)
    expect([...(seen.get('a') ?? [])][0]).not.toBe([...(seen.get('b') ?? [])][0])
  })

  it('keeps the id of a walking person hidden for 4 frames', () => {
    const tracker = new MultiObjectTracker()
    const frames = Array.from({ length: 26 }, (_, i) => (i >= 10 && i < 14 ? [] : [detectionAt(100 + 10 * i, 200)]))
    const outputs = run(tracker, frames.slice(0, 12))
    // While hidden, the track is not published but is still predicted forward.
    expect(outputs[11]).toHaveLength(0)
    const hidden = tracker.lostTracks()
    expect(hidden).toHaveLength(1)
    expect((hidden[0].box.x1 + hidden[0].box.x2) / 2).toBeGreaterThan(200)
    outputs.push(...frames.slice(12).map((detections, k) => tracker.update(frame(12 + k, detections))))
    expect(outputs[9]).toHaveLength(1)
    expect(tracker.lostTracks()).toHaveLength(0)
    const ids = new Set(outputs.flat().map((t) => t.id))
    expect(ids.size).toBe(1)
    expect(outputs[14]).toHaveLength(1)
  })

  it('gives a new id once a track has been hidden longer than maxLostFrames', () => {
    const tracker = new MultiObjectTracker({ maxLostFrames: 3 })
    const frames = Array.from({ length: 20 }, (_, i) => (i >= 5 && i < 10 ? [] : [detectionAt(200, 200)]))
    const outputs = run(tracker, frames)
    expect(new Set(outputs.flat().map((t) => t.id)).size).toBe(2)
  })

  it('follows a jittery box with one id and smooths its centre', () => {
    const tracker = new MultiObjectTracker()
    const jitter = jitterSource(7)
    let rawError = 0
    let filteredError = 0
    const ids = new Set<number>()
    for (let i = 0; i < 40; i++) {
      const cx = 100 + 8 * i
      const cy = 200
      const detection = detectionAt(cx + 6 * jitter(), cy + 6 * jitter(), { w: 40 + 4 * jitter(), h: 100 + 6 * jitter() })
      const tracks = tracker.update(frame(i, [detection]))
      for (const t of tracks) ids.add(t.id)
      if (i >= 10 && tracks.length === 1) {
        rawError += Math.hypot((detection.x1 + detection.x2) / 2 - cx, (detection.y1 + detection.y2) / 2 - cy)
        filteredError += Math.hypot((tracks[0].box.x1 + tracks[0].box.x2) / 2 - cx, (tracks[0].box.y1 + tracks[0].box.y2) / 2 - cy)
      }
    }
    expect(ids.size).toBe(1)
    expect(filteredError).toBeLessThan(rawError)
  })

  it('never confirms a false positive seen for one frame (nor two)', () => {
    const tracker = new MultiObjectTracker()
    const frames = Array.from({ length: 10 }, (_, i) => {
      const detections = [detectionAt(100, 200)]
      if (i === 4) detections.push(detectionAt(400, 150, { score: 0.95 }))
      if (i === 6 || i === 7) detections.push(detectionAt(500, 150, { score: 0.95 }))
      return detections
    })
    const outputs = run(tracker, frames)
    expect(new Set(outputs.flat().map((t) => t.id)).size).toBe(1)
    expect(outputs.every((tracks) => tracks.length <= 1)).toBe(true)
  })

  it('keeps one id for a car labelled alternately car and truck, and reports the majority class', () => {
    const tracker = new MultiObjectTracker()
    const frames = Array.from({ length: 15 }, (_, i) => {
      const isTruck = i % 3 === 1
      return [
        detectionAt(100 + 15 * i, 250, {
          w: 120,
          h: 70,
          classId: isTruck ? COCO.truck : COCO.car,
          label: isTruck ? 'truck' : 'car'
        })
      ]
    })
    const outputs = run(tracker, frames)
    const last = outputs[outputs.length - 1]
    expect(new Set(outputs.flat().map((t) => t.id)).size).toBe(1)
    expect(last[0]).toMatchObject({ group: 'vehicle', classId: COCO.car, label: 'car' })
  })

  it('never lets a detection of another group continue a track', () => {
    const tracker = new MultiObjectTracker()
    const frames = Array.from({ length: 8 }, (_, i) =>
      i < 4 ? [detectionAt(200, 200)] : [detectionAt(200, 200, { classId: COCO.suitcase, label: 'suitcase' })]
    )
    const outputs = run(tracker, frames)
    const last = outputs[outputs.length - 1]
    expect(last).toHaveLength(1)
    expect(last[0].group).toBe('bag')
    expect(last[0].id).not.toBe(outputs[3][0].id)
  })

  it('keeps a track alive on low-score detections but never starts one from them', () => {
    const tracker = new MultiObjectTracker()
    const frames = Array.from({ length: 12 }, (_, i) => {
      const person = detectionAt(100 + 10 * i, 200, { score: i >= 5 ? 0.3 : 0.9 })
      return [person, detectionAt(500, 100, { score: 0.3 })]
    })
    const outputs = run(tracker, frames)
    expect(outputs.slice(3).every((tracks) => tracks.length === 1)).toBe(true)
    expect(new Set(outputs.flat().map((t) => t.id)).size).toBe(1)
  })

  it('records a history of centre points with timestamps', () => {
    const tracker = new MultiObjectTracker({ historyLength: 5 })
    const outputs = run(
      tracker,
      Array.from({ length: 8 }, (_, i) => [detectionAt(100 + 10 * i, 200)])
    )
    const history = outputs[7][0].history
    expect(history).toHaveLength(5)
    expect(history.map((p) => p.at)).toEqual([600, 800, 1000, 1200, 1400])
    expect(history[4].x).toBeGreaterThan(history[0].x)
    expect(outputs[7][0].velocity.x).toBeGreaterThan(30)
  })
})
