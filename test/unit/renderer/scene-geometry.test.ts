import { describe, expect, it } from 'vitest'
import {
  boxToScreen,
  containedRect,
  hitTest,
  hitVertex,
  insideRect,
  isSimplePolygon,
  labelInside,
  labelPoint,
  lineMarks,
  nearestEdge,
  pointInPolygon,
  segmentsIntersect,
  toImage,
  toScreen,
  translateWithin,
  type HitShape
} from '../../../renderer/src/features/scene/geometry'

describe('containedRect (object-fit: contain)', () => {
  it('pillarboxes a 4:3 picture in a wide element', () => {
    expect(containedRect({ width: 1600, height: 900 }, { width: 640, height: 480 })).toEqual({ x: 200, y: 0, width: 1200, height: 900 })
  })

  it('letterboxes a 16:9 picture in a tall element', () => {
    expect(containedRect({ width: 800, height: 800 }, { width: 1920, height: 1080 })).toEqual({ x: 0, y: 175, width: 800, height: 450 })
  })

  it('fills an element of the same shape exactly', () => {
    expect(containedRect({ width: 640, height: 360 }, { width: 1280, height: 720 })).toEqual({ x: 0, y: 0, width: 640, height: 360 })
  })

  it('assumes 16:9 while the picture size is unknown', () => {
    expect(containedRect({ width: 1000, height: 1000 }, null)).toEqual({ x: 0, y: 218.75, width: 1000, height: 562.5 })
    expect(containedRect({ width: 1000, height: 1000 }, { width: 0, height: 0 })).toEqual({ x: 0, y: 218.75, width: 1000, height: 562.5 })
  })

  it('gives an empty rectangle for an element not laid out yet', () => {
    expect(containedRect({ width: 0, height: 300 }, { width: 640, height: 480 })).toEqual({ x: 0, y: 0, width: 0, height: 300 })
  })
})

describe('image fractions and screen pixels', () => {
  const rect = { x: 200, y: 0, width: 1200, height: 900 }

  it('maps a fraction into the letterboxed picture and back', () => {
    expect(toScreen(rect, { x: 0.5, y: 0.5 })).toEqual({ x: 800, y: 450 })
    expect(toScreen(rect, { x: 0, y: 1 })).toEqual({ x: 200, y: 900 })
    expect(toImage(rect, { x: 800, y: 450 })).toEqual({ x: 0.5, y: 0.5 })
  })

  it('keeps a point clicked on the bars inside the picture, at its edge', () => {
    expect(toImage(rect, { x: 50, y: 450 })).toEqual({ x: 0, y: 0.5 })
    expect(toImage(rect, { x: 1500, y: 950 })).toEqual({ x: 1, y: 1 })
    expect(insideRect(rect, { x: 50, y: 450 })).toBe(false)
    expect(insideRect(rect, { x: 300, y: 450 })).toBe(true)
  })

  it('rounds fractions to four decimals', () => {
    expect(toImage(rect, { x: 200 + 1200 / 3, y: 900 / 7 })).toEqual({ x: 0.3333, y: 0.1429 })
  })

  it('places a detection box over the letterboxed picture, whatever the corner order', () => {
    expect(boxToScreen(rect, { x1: 0.5, y1: 0.5, x2: 0.25, y2: 0.25 })).toEqual({ x: 500, y: 225, width: 300, height: 225 })
  })
})

describe('polygons', () => {
  const square = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 10 },
    { x: 0, y: 10 }
  ]
  // A « C » open to the right: its notch is outside.
  const concave = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 3 },
    { x: 3, y: 3 },
    { x: 3, y: 7 },
    { x: 10, y: 7 },
    { x: 10, y: 10 },
    { x: 0, y: 10 }
  ]

  it('tells inside from outside, concave shapes included', () => {
    expect(pointInPolygon({ x: 5, y: 5 }, square)).toBe(true)
    expect(pointInPolygon({ x: 15, y: 5 }, square)).toBe(false)
    expect(pointInPolygon({ x: 1, y: 5 }, concave)).toBe(true)
    expect(pointInPolygon({ x: 6, y: 5 }, concave)).toBe(false)
  })

  it('finds the nearest vertex within a radius only', () => {
    expect(hitVertex(square, { x: 9, y: 9.5 }, 3)).toBe(2)
    expect(hitVertex(square, { x: 5, y: 5 }, 3)).toBe(-1)
  })

  it('finds the nearest edge, the closing one included', () => {
    expect(nearestEdge(square, { x: -1, y: 5 }, true)).toMatchObject({ index: 3, distance: 1, point: { x: 0, y: 5 } })
    expect(nearestEdge(square, { x: -1, y: 5 }, false)?.index).not.toBe(3)
  })

  it('spots a polygon whose edges cross', () => {
    expect(isSimplePolygon(square)).toBe(true)
    expect(isSimplePolygon(concave)).toBe(true)
    const bowTie = [
      { x: 0, y: 0 },
      { x: 10, y: 10 },
      { x: 10, y: 0 },
      { x: 0, y: 10 }
    ]
    expect(isSimplePolygon(bowTie)).toBe(false)
    expect(segmentsIntersect({ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 10, y: 0 }, { x: 0, y: 10 })).toBe(true)
    expect(segmentsIntersect({ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 })).toBe(false)
  })

  it('puts a label at the area centroid', () => {
    expect(labelPoint(square)).toEqual({ x: 5, y: 5 })
    const flat = [
      { x: 0, y: 0 },
      { x: 2, y: 0 },
      { x: 4, y: 0 }
    ]
    expect(labelPoint(flat)).toEqual({ x: 2, y: 0 })
  })

  it('keeps a label on the picture, pushed in from the edges', () => {
    const rect = { x: 100, y: 0, width: 400, height: 300 }
    // « Fenêtre » (7 letters, 10 px): about 21 px either side of its centre.
    expect(labelInside({ x: 105, y: 150 }, 'Fenêtre', 10, rect)).toEqual({ x: 125, y: 150 })
    expect(labelInside({ x: 300, y: 1 }, 'Fenêtre', 10, rect)).toEqual({ x: 300, y: 9 })
    expect(labelInside({ x: 495, y: 299 }, 'Fenêtre', 10, rect)).toEqual({ x: 475, y: 291 })
    // Wider than the picture: centred.
    expect(labelInside({ x: 120, y: 150 }, 'x'.repeat(200), 10, rect).x).toBe(300)
  })

  it('moves a shape without letting any vertex leave the image', () => {
    const shape = [
      { x: 0.7, y: 0.2 },
      { x: 0.9, y: 0.2 },
      { x: 0.9, y: 0.4 }
    ]
    expect(translateWithin(shape, 0.05, -0.05)).toEqual([
      { x: 0.75, y: 0.15 },
      { x: 0.95, y: 0.15 },
      { x: 0.95, y: 0.35 }
    ])
    // Pushed 0.3 to the right and up: stopped at the right edge (0.1 left) and the top (0.2 left).
    expect(translateWithin(shape, 0.3, -0.3)).toEqual([
      { x: 0.8, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 0.2 }
    ])
  })
})

describe('tripwire marks', () => {
  it('puts side A on the left looking along the line: above a line drawn left to right', () => {
    const marks = lineMarks({ x: 0, y: 100 }, { x: 200, y: 100 }, 10, 10)
    expect(marks.sideA).toEqual({ x: 100, y: 90 })
    expect(marks.sideB).toEqual({ x: 100, y: 110 })
    expect(marks.arrow[0]).toEqual({ x: 200, y: 100 })
  })

  it('puts side A on the screen’s right for a line drawn downwards', () => {
    const marks = lineMarks({ x: 100, y: 0 }, { x: 100, y: 200 }, 10, 10)
    expect(marks.sideA.x).toBeCloseTo(110)
    expect(marks.sideB.x).toBeCloseTo(90)
  })

  it('points the arrowhead from start to end', () => {
    const marks = lineMarks({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 10)
    const [tip, left, right] = marks.arrow
    expect(tip.x).toBeGreaterThan(left.x)
    expect(left.x).toBeCloseTo(90)
    expect(right.x).toBeCloseTo(90)
  })
})

describe('hitTest', () => {
  const zone: HitShape = {
    ref: { kind: 'zone', id: 'zone-1' },
    points: [
      { x: 100, y: 100 },
      { x: 300, y: 100 },
      { x: 300, y: 300 },
      { x: 100, y: 300 }
    ],
    closed: true
  }
  const line: HitShape = {
    ref: { kind: 'line', id: 'ligne-1' },
    points: [
      { x: 50, y: 200 },
      { x: 350, y: 200 }
    ],
    closed: false
  }
  const options = { vertexRadius: 8, edgeTolerance: 5 }

  it('finds a vertex first, then a line or an edge, then an interior', () => {
    expect(hitTest([zone, line], { x: 302, y: 98 }, options)).toEqual({ kind: 'vertex', shape: zone.ref, index: 1 })
    expect(hitTest([zone, line], { x: 200, y: 203 }, options)).toMatchObject({ kind: 'edge', shape: line.ref, index: 0 })
    expect(hitTest([zone, line], { x: 200, y: 102 }, options)).toMatchObject({ kind: 'edge', shape: zone.ref, index: 0 })
    expect(hitTest([zone, line], { x: 150, y: 150 }, options)).toEqual({ kind: 'body', shape: zone.ref })
    expect(hitTest([zone, line], { x: 400, y: 400 }, options)).toBeNull()
  })

  it('looks at the selected shape’s vertices before those of shapes above it', () => {
    const under = { ...zone, ref: { kind: 'mask' as const, id: 'masque-1' } }
    expect(hitTest([under, zone], { x: 100, y: 100 }, options)).toMatchObject({ shape: zone.ref })
    expect(hitTest([under, zone], { x: 100, y: 100 }, { ...options, selected: under.ref })).toMatchObject({ kind: 'vertex', shape: under.ref })
  })

  it('grabs only the selected shape’s vertices when asked to', () => {
    expect(hitTest([zone], { x: 100, y: 100 }, { ...options, vertices: 'selected' })).toMatchObject({ kind: 'edge', shape: zone.ref })
    expect(hitTest([zone], { x: 100, y: 100 }, { ...options, vertices: 'selected', selected: zone.ref })).toMatchObject({ kind: 'vertex', index: 0 })
  })
})
