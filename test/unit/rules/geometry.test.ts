import { describe, expect, it } from 'vitest'
import {
  crossingOf,
  pointInPolygon,
  polygonArea,
  segmentsIntersect,
  sideOfLine,
  signedDistanceToLine
} from '../../../electron/core/analytics/rules'

const square = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 0, y: 10 }
]
const concave = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 10, y: 10 },
  { x: 5, y: 5 },
  { x: 0, y: 10 }
]
const horizontal = { start: { x: 0, y: 50 }, end: { x: 100, y: 50 } }

describe('geometry', () => {
  it('tells points inside a convex and a concave polygon', () => {
    expect(pointInPolygon({ x: 5, y: 5 }, square)).toBe(true)
    expect(pointInPolygon({ x: 15, y: 5 }, square)).toBe(false)
    expect(pointInPolygon({ x: 5, y: 2 }, concave)).toBe(true)
    expect(pointInPolygon({ x: 5, y: 8 }, concave)).toBe(false)
  })

  it('computes polygon areas in pixels whatever the winding', () => {
    expect(polygonArea(square)).toBe(100)
    expect(polygonArea([...square].reverse())).toBe(100)
    expect(polygonArea(concave)).toBe(75)
  })

  it('names the sides of a line: A on the left looking from start to end on screen', () => {
    expect(sideOfLine({ x: 50, y: 10 }, horizontal)).toBe('A')
    expect(sideOfLine({ x: 50, y: 90 }, horizontal)).toBe('B')
    expect(sideOfLine({ x: 50, y: 50 }, horizontal)).toBeNull()
    expect(signedDistanceToLine({ x: 20, y: 40 }, horizontal)).toBeCloseTo(-10)
  })

  it('intersects segments, touching ends included', () => {
    expect(segmentsIntersect({ start: { x: 0, y: 0 }, end: { x: 10, y: 10 } }, { start: { x: 0, y: 10 }, end: { x: 10, y: 0 } })).toBe(true)
    expect(segmentsIntersect({ start: { x: 0, y: 0 }, end: { x: 4, y: 4 } }, { start: { x: 0, y: 10 }, end: { x: 10, y: 0 } })).toBe(false)
    expect(segmentsIntersect({ start: { x: 5, y: 5 }, end: { x: 5, y: 9 } }, { start: { x: 0, y: 5 }, end: { x: 10, y: 5 } })).toBe(true)
  })

  it('reports the direction of a crossing and ignores passing beyond the segment', () => {
    expect(crossingOf({ x: 50, y: 30 }, { x: 55, y: 70 }, horizontal)).toEqual({ from: 'A', to: 'B' })
    expect(crossingOf({ x: 50, y: 70 }, { x: 50, y: 30 }, horizontal)).toEqual({ from: 'B', to: 'A' })
    expect(crossingOf({ x: 150, y: 30 }, { x: 150, y: 70 }, horizontal)).toBeNull()
    expect(crossingOf({ x: 50, y: 30 }, { x: 60, y: 40 }, horizontal)).toBeNull()
  })
})
