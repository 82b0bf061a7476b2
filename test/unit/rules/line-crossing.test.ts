import { describe, expect, it } from 'vitest'
import { runRule, walk } from './synthetic-tracks'

// Horizontal line at y = 200 from x = 100 to x = 300: side A above it on screen, side B below.
const line = { start: { x: 100, y: 200 }, end: { x: 300, y: 200 } }
const rule = { id: 'ligne', name: 'Entrée', kind: 'line-crossing' as const, line }
const vertical = (x: number, ys: number[]): Array<[number, number]> => ys.map((y) => [x, y])

describe('line crossing', () => {
  it('reports a crossing with its direction', () => {
    const events = runRule(rule, walk(vertical(200, [150, 170, 190, 210, 230, 250])))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ kind: 'line-crossing', trackIds: [1], details: { direction: 'A->B', class: 'person' } })
    expect(events[0].at).toBe(3 * 200)
  })

  it('filters by direction', () => {
    const downwards = walk(vertical(200, [150, 180, 220, 250]))
    const upwards = walk(vertical(200, [250, 220, 180, 150]))
    expect(runRule({ ...rule, direction: 'B->A' }, downwards)).toHaveLength(0)
    expect(runRule({ ...rule, direction: 'B->A' }, upwards)).toHaveLength(1)
    expect(runRule({ ...rule, direction: 'A->B' }, upwards)).toHaveLength(0)
  })

  it('does not count jitter around the line, and counts each real crossing once', () => {
    // Crosses down, lingers on the line (±5 px, inside the 8 px band), goes back up, then down again.
    const ys = [150, 180, 230, 203, 197, 204, 196, 202, 150, 198, 202, 199, 250]
    const directions = runRule(rule, walk(vertical(200, ys))).map((e) => e.details.direction)
    expect(directions).toEqual(['A->B', 'B->A', 'A->B'])
  })

  it('counts at most once per direction and track when asked to', () => {
    const ys = [150, 250, 150, 250, 150, 250]
    const directions = runRule({ ...rule, oncePerTrack: true }, walk(vertical(200, ys))).map((e) => e.details.direction)
    expect(directions).toEqual(['A->B', 'B->A'])
  })

  it('ignores movement past the ends of the line', () => {
    expect(runRule(rule, walk(vertical(350, [150, 250])))).toHaveLength(0)
  })

  it('uses the ground point, so a tall box straddling the line does not count until the feet cross', () => {
    // Feet at y = 190 then 195: the box (80 px tall) spans the line but the person has not crossed.
    expect(runRule(rule, walk(vertical(200, [150, 190, 195])))).toHaveLength(0)
  })
})
