import { describe, expect, it } from 'vitest'
import type { Box } from '../../../electron/core/analytics/tracking'
import { BackgroundModel, type TimedRgbFrame } from '../../../electron/core/analytics/frame'
import { at, grey, paint, solidFrame } from './synthetic-frames'

// 80 × 48 pixels: 10 × 6 cells of 8 × 8.
const WIDTH = 80
const HEIGHT = 48
const SECOND = 1000
const wall = solidFrame(WIDTH, HEIGHT, grey(120))
/** An extinguisher on the wall, aligned on cells (2..3, 1..2). */
const withExtinguisher = paint(at(wall, 0), 16, 8, 32, 24, [200, 30, 30])
const extinguisherCells: Box = { x1: 16, y1: 8, x2: 32, y2: 24 }

/** Runs `scene(t)` once a second from t = 0 to `seconds` and returns what each update reported. */
function run(model: BackgroundModel, seconds: number, scene: (time: number) => TimedRgbFrame, exclude: (time: number) => Box[] = () => []): Box[][] {
  const reports: Box[][] = []
  for (let s = 0; s <= seconds; s++) reports.push(model.update(at(scene(s * SECOND), s * SECOND), exclude(s * SECOND)))
  return reports
}

describe('BackgroundModel', () => {
  it('reports nothing on a static scene', () => {
    const reports = run(new BackgroundModel(), 600, () => withExtinguisher)
    expect(reports.every((boxes) => boxes.length === 0)).toBe(true)
  })

  it('reports a removed object until it is absorbed into the background', () => {
    const model = new BackgroundModel()
    const reports = run(model, 320, (time) => (time < 10 * SECOND ? withExtinguisher : wall))
    expect(reports.slice(0, 10).every((boxes) => boxes.length === 0)).toBe(true)
    // Reported at every frame from the removal: the changed cells do not fade into the background.
    for (let s = 10; s < 310; s++) expect(reports[s], `t = ${s} s`).toEqual([extinguisherCells])
    // 300 s after the removal the empty wall is the new normal.
    expect(reports.slice(310).every((boxes) => boxes.length === 0)).toBe(true)
  })

  it('reports a box covering an object that does not line up with the cells', () => {
    const model = new BackgroundModel()
    const bench = paint(at(wall, 0), 21, 13, 43, 30, grey(40))
    model.update(at(bench, 0), [])
    expect(model.update(at(wall, SECOND), [])).toEqual([{ x1: 16, y1: 8, x2: 48, y2: 32 }])
  })

  it('does not learn a tracked person standing still, however long', () => {
    const person: Box = { x1: 50, y1: 10, x2: 62, y2: 40 }
    const standing = paint(at(wall, 0), 50, 10, 62, 40, grey(30))
    const present = (time: number): boolean => time >= 5 * SECOND && time < 605 * SECOND
    const excluded = run(new BackgroundModel(), 610, (time) => (present(time) ? standing : wall), (time) => (present(time) ? [person] : []))
    expect(excluded.every((boxes) => boxes.length === 0)).toBe(true)

    // Without the exclusion, the person is reported, absorbed after 300 s, and leaves a ghost behind.
    const learnt = run(new BackgroundModel(), 610, (time) => (present(time) ? standing : wall))
    expect(learnt[5]).toEqual([{ x1: 48, y1: 8, x2: 64, y2: 40 }])
    expect(learnt[400]).toEqual([])
    expect(learnt[605]).toEqual([{ x1: 48, y1: 8, x2: 64, y2: 40 }])
  })

  it('does not learn people walking past', () => {
    const model = new BackgroundModel()
    model.update(at(wall, 0), [])
    for (let step = 0; step < 60; step++) {
      const x = step % 70
      const box: Box = { x1: x, y1: 10, x2: x + 10, y2: 40 }
      expect(model.update(paint(at(wall, (step + 1) * SECOND), x, 10, x + 10, 40, grey(20)), [box])).toEqual([])
    }
    expect(model.update(at(wall, 61 * SECOND), [])).toEqual([])
  })

  it('rebuilds the background when the light changes all at once, and follows slow changes', () => {
    // Lights switched on: every cell jumps by 60 levels. Nothing is reported, before or after.
    const lit = solidFrame(WIDTH, HEIGHT, grey(180))
    const sudden = run(new BackgroundModel(), 60, (time) => (time < 10 * SECOND ? wall : lit))
    expect(sudden.every((boxes) => boxes.length === 0)).toBe(true)

    // Dusk: 60 levels darker over twenty minutes, learnt as it comes (the rebuild is disabled to
    // show that learning alone keeps up: it lags 6 levels behind, well under the threshold).
    const dusk = run(new BackgroundModel({ sceneChangeFraction: 1 }), 1200, (time) => solidFrame(WIDTH, HEIGHT, grey(Math.round(120 - (60 * time) / 1_200_000))))
    expect(dusk.every((boxes) => boxes.length === 0)).toBe(true)

    // With the rebuild disabled, a sudden change is reported as one box over the whole frame.
    const reported = run(new BackgroundModel({ sceneChangeFraction: 1 }), 12, (time) => (time < 10 * SECOND ? wall : lit))
    expect(reported[10]).toEqual([{ x1: 0, y1: 0, x2: WIDTH, y2: HEIGHT }])
  })

  it('still reports a removal made after a change of light', () => {
    const lit = (frame: TimedRgbFrame): TimedRgbFrame => {
      const copy = at(frame, frame.at)
      for (let i = 0; i < copy.data.length; i++) copy.data[i] = Math.min(255, copy.data[i] + 50)
      return copy
    }
    const reports = run(new BackgroundModel(), 30, (time) => (time < 10 * SECOND ? withExtinguisher : time < 20 * SECOND ? lit(withExtinguisher) : lit(wall)))
    expect(reports.slice(0, 20).every((boxes) => boxes.length === 0)).toBe(true)
    expect(reports[20]).toEqual([extinguisherCells])
  })

  it('groups touching cells, diagonals included, and keeps separate changes apart', () => {
    const model = new BackgroundModel()
    model.update(at(wall, 0), [])
    const changed = at(wall, SECOND)
    paint(changed, 0, 0, 8, 8, grey(250)) // cell (0, 0)
    paint(changed, 8, 8, 16, 16, grey(250)) // cell (1, 1), touching (0, 0) by a corner
    paint(changed, 8, 16, 24, 24, grey(250)) // cells (1, 2) and (2, 2), below (1, 1)
    paint(changed, 64, 32, 72, 48, grey(0)) // cells (8, 4) and (8, 5), on the bottom edge
    expect(model.update(changed, [])).toEqual([
      { x1: 0, y1: 0, x2: 24, y2: 24 },
      { x1: 64, y1: 32, x2: 72, y2: 48 }
    ])
  })

  it('learns at the same pace whatever the frame rate', () => {
    // A patch brightens by 15 (under the threshold, so it is learnt), then by 15 more. The second
    // step shows against what is left to learn of the first: reported only if under two thirds of
    // it has been learnt, i.e. within τ·ln 3 ≈ 132 s of the first step with τ = 120 s.
    const patch = (level: number): TimedRgbFrame => paint(at(wall, 0), 0, 0, 24, 24, grey(level))
    const reportsSecondStep = (fps: number, afterSeconds: number): boolean => {
      const model = new BackgroundModel()
      model.update(at(patch(120), 0), [])
      const frames = Math.round(afterSeconds * fps)
      for (let i = 1; i <= frames; i++) model.update(at(patch(135), (i * SECOND) / fps), [])
      return model.update(at(patch(150), (frames * SECOND) / fps + 1), []).length > 0
    }
    for (const fps of [1, 5]) {
      expect(reportsSecondStep(fps, 110), `${fps} fps, 110 s`).toBe(true)
      expect(reportsSecondStep(fps, 150), `${fps} fps, 150 s`).toBe(false)
    }
  })

  it('starts over on the first frame and on a change of size', () => {
    const model = new BackgroundModel()
    expect(model.update(at(withExtinguisher, 0), [])).toEqual([])
    expect(model.update(solidFrame(40, 24, grey(0), SECOND), [])).toEqual([])
    expect(model.update(solidFrame(40, 24, grey(0), 2 * SECOND), [])).toEqual([])
  })

  it('refuses invalid options', () => {
    expect(() => new BackgroundModel({ cellSize: 0 })).toThrow(RangeError)
    expect(() => new BackgroundModel({ learnTimeConstantMs: 0 })).toThrow(RangeError)
    expect(() => new BackgroundModel({ sceneChangeFraction: 0 })).toThrow(RangeError)
  })
})
