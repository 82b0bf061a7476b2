/** Plane geometry in frame pixels (x to the right, y downwards), for zones and counting lines. */

export interface Point {
  x: number
  y: number
}

export type Polygon = readonly Point[]

/** A counting line drawn by the operator, from `start` to `end`. */
export interface Segment {
  start: Point
  end: Point
}

/**
 * The two sides of a line. A is on the operator's left when looking along the line on screen from
 * `start` to `end`, B on the right; the rule editor shows the letters so nobody has to reason in
 * screen coordinates.
 */
export type LineSide = 'A' | 'B'

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y)
}

/** Even-odd ray casting; points exactly on an edge may fall either way, which zones tolerate. */
export function pointInPolygon(point: Point, polygon: Polygon): boolean {
  let inside = false
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]
    const b = polygon[j]
    const straddles = a.y > point.y !== b.y > point.y
    if (straddles && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) inside = !inside
  }
  return inside
}

/** Area in square pixels (shoelace formula), whatever the winding order. */
export function polygonArea(polygon: Polygon): number {
  let twiceArea = 0
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    twiceArea += polygon[j].x * polygon[i].y - polygon[i].x * polygon[j].y
  }
  return Math.abs(twiceArea) / 2
}

/** z of (end − start) × (point − start): negative on side A, positive on side B (y points down). */
function cross(point: Point, line: Segment): number {
  return (line.end.x - line.start.x) * (point.y - line.start.y) - (line.end.y - line.start.y) * (point.x - line.start.x)
}

/** Distance to the infinite line through the segment, negative on side A and positive on side B. */
export function signedDistanceToLine(point: Point, line: Segment): number {
  const length = distance(line.start, line.end)
  return length === 0 ? 0 : cross(point, line) / length
}

export function sideOfLine(point: Point, line: Segment): LineSide | null {
  const value = cross(point, line)
  if (value === 0) return null
  return value < 0 ? 'A' : 'B'
}

/** Whether two segments share a point, endpoints and collinear overlaps included. */
export function segmentsIntersect(p: Segment, q: Segment): boolean {
  const d1 = Math.sign(cross(p.start, q))
  const d2 = Math.sign(cross(p.end, q))
  const d3 = Math.sign(cross(q.start, p))
  const d4 = Math.sign(cross(q.end, p))
  if (d1 !== d2 && d3 !== d4) return true
  return (
    (d1 === 0 && withinBounds(p.start, q)) ||
    (d2 === 0 && withinBounds(p.end, q)) ||
    (d3 === 0 && withinBounds(q.start, p)) ||
    (d4 === 0 && withinBounds(q.end, p))
  )
}

function withinBounds(point: Point, segment: Segment): boolean {
  return (
    point.x >= Math.min(segment.start.x, segment.end.x) &&
    point.x <= Math.max(segment.start.x, segment.end.x) &&
    point.y >= Math.min(segment.start.y, segment.end.y) &&
    point.y <= Math.max(segment.start.y, segment.end.y)
  )
}

/**
 * The crossing made by moving from `from` to `to` over `line`, with its direction, or null when the
 * movement does not cross the drawn segment (passing beyond its ends does not count).
 */
export function crossingOf(from: Point, to: Point, line: Segment): { from: LineSide; to: LineSide } | null {
  const before = sideOfLine(from, line)
  const after = sideOfLine(to, line)
  if (before === null || after === null || before === after) return null
  return segmentsIntersect({ start: from, end: to }, line) ? { from: before, to: after } : null
}
