import type { NormPoint } from '../../../../electron/shared/scene'

/**
 * Plane geometry for drawing over a camera image: where the image sits in its element (letterboxing),
 * the way between image fractions and screen pixels, and hit-testing in screen pixels (a handle is
 * as easy to grab on a small tile as on a large one). No DOM here, so all of it is unit-tested.
 */

export interface Point {
  x: number
  y: number
}

export interface Size {
  width: number
  height: number
}

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** Aspect ratio assumed while a camera's image size is not known yet. */
export const FALLBACK_ASPECT = 16 / 9

/**
 * Where an image of `media` size is drawn inside `container` under `object-fit: contain`: centred,
 * scaled to fit, with bars left and right (pillarbox) or above and below (letterbox).
 */
export function containedRect(container: Size, media: Size | null | undefined, fallbackAspect = FALLBACK_ASPECT): Rect {
  const width = Math.max(0, container.width)
  const height = Math.max(0, container.height)
  if (width === 0 || height === 0) return { x: 0, y: 0, width, height }
  const aspect = media && media.width > 0 && media.height > 0 ? media.width / media.height : fallbackAspect
  if (width / height > aspect) {
    const shown = height * aspect
    return { x: (width - shown) / 2, y: 0, width: shown, height }
  }
  const shown = width / aspect
  return { x: 0, y: (height - shown) / 2, width, height: shown }
}

export const clamp01 = (value: number): number => (value < 0 ? 0 : value > 1 ? 1 : value)

/** Four decimals: a tenth of a pixel on a 4K image, and a scene file that stays readable. */
export const roundFraction = (value: number): number => Math.round(value * 10_000) / 10_000

/** An image fraction to screen pixels. */
export function toScreen(rect: Rect, point: NormPoint): Point {
  return { x: rect.x + point.x * rect.width, y: rect.y + point.y * rect.height }
}

/** Screen pixels to an image fraction, kept inside the image and rounded. */
export function toImage(rect: Rect, point: Point): NormPoint {
  if (rect.width <= 0 || rect.height <= 0) return { x: 0, y: 0 }
  return {
    x: roundFraction(clamp01((point.x - rect.x) / rect.width)),
    y: roundFraction(clamp01((point.y - rect.y) / rect.height))
  }
}

/** Whether a screen point falls on the image rather than on the bars around it. */
export function insideRect(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y)
}

export interface SegmentProjection {
  distance: number
  /** The nearest point of the segment. */
  point: Point
  /** Where along the segment, 0 at `a`, 1 at `b`. */
  t: number
}

export function projectOnSegment(p: Point, a: Point, b: Point): SegmentProjection {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const lengthSquared = dx * dx + dy * dy
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared))
  const point = { x: a.x + t * dx, y: a.y + t * dy }
  return { distance: distance(p, point), point, t }
}

/** Even-odd rule: a point exactly on an edge may fall either way, which hit-testing covers with a tolerance. */
export function pointInPolygon(p: Point, polygon: readonly Point[]): boolean {
  let inside = false
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]
    const b = polygon[j]
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside
  }
  return inside
}

/** The nearest vertex within `radius`, or -1. */
export function hitVertex(points: readonly Point[], p: Point, radius: number): number {
  let best = -1
  let bestDistance = radius
  points.forEach((point, index) => {
    const d = distance(point, p)
    if (d <= bestDistance) {
      best = index
      bestDistance = d
    }
  })
  return best
}

export interface EdgeHit {
  /** The edge from points[index] to points[index + 1] (to points[0] for the closing edge). */
  index: number
  distance: number
  point: Point
}

export function nearestEdge(points: readonly Point[], p: Point, closed: boolean): EdgeHit | null {
  const edges = closed ? points.length : points.length - 1
  let best: EdgeHit | null = null
  for (let index = 0; index < edges; index++) {
    const projection = projectOnSegment(p, points[index], points[(index + 1) % points.length])
    if (!best || projection.distance < best.distance) best = { index, distance: projection.distance, point: projection.point }
  }
  return best
}

function orientation(a: Point, b: Point, c: Point): number {
  const value = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
  return Math.abs(value) < 1e-12 ? 0 : Math.sign(value)
}

function onSegment(a: Point, b: Point, p: Point): boolean {
  return Math.min(a.x, b.x) <= p.x && p.x <= Math.max(a.x, b.x) && Math.min(a.y, b.y) <= p.y && p.y <= Math.max(a.y, b.y)
}

/** Whether segments ab and cd share a point (touching counts). */
export function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const o1 = orientation(a, b, c)
  const o2 = orientation(a, b, d)
  const o3 = orientation(c, d, a)
  const o4 = orientation(c, d, b)
  if (o1 !== o2 && o3 !== o4) return true
  if (o1 === 0 && onSegment(a, b, c)) return true
  if (o2 === 0 && onSegment(a, b, d)) return true
  if (o3 === 0 && onSegment(c, d, a)) return true
  if (o4 === 0 && onSegment(c, d, b)) return true
  return false
}

/**
 * Whether a closed polygon's edges cross only at shared vertices. A bow-tie zone is accepted by the
 * core but rarely what was meant (which side is inside?), so the editor warns about it.
 * Scaling the axes does not change the answer: image fractions are as good as pixels here.
 */
export function isSimplePolygon(points: readonly Point[]): boolean {
  const n = points.length
  if (n < 4) return true
  for (let i = 0; i < n; i++) {
    const a = points[i]
    const b = points[(i + 1) % n]
    for (let j = i + 1; j < n; j++) {
      // Adjacent edges share a vertex by construction.
      if (j === i || (j + 1) % n === i || (i + 1) % n === j) continue
      if (segmentsIntersect(a, b, points[j], points[(j + 1) % n])) return false
    }
  }
  return true
}

/** Signed area (shoelace): positive for clockwise on screen (y pointing down). */
export function signedArea(points: readonly Point[]): number {
  let sum = 0
  for (let i = 0; i < points.length; i++) {
    const a = points[i]
    const b = points[(i + 1) % points.length]
    sum += a.x * b.y - b.x * a.y
  }
  return sum / 2
}

/** Where a polygon's name goes: its area centroid, or the average of its vertices when it has no area. */
export function labelPoint(points: readonly Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 }
  const area = signedArea(points)
  if (Math.abs(area) < 1e-9) {
    const sum = points.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 })
    return { x: sum.x / points.length, y: sum.y / points.length }
  }
  let cx = 0
  let cy = 0
  for (let i = 0; i < points.length; i++) {
    const a = points[i]
    const b = points[(i + 1) % points.length]
    const cross = a.x * b.y - b.x * a.y
    cx += (a.x + b.x) * cross
    cy += (a.y + b.y) * cross
  }
  return { x: cx / (6 * area), y: cy / (6 * area) }
}

/**
 * Where a centred label goes so that it stays on the picture: its width is estimated from its length
 * (no text measuring in SVG without a layout pass), and it is pushed inwards from the edges.
 */
export function labelInside(point: Point, text: string, fontSize: number, rect: Rect, margin = 4): Point {
  const half = (text.length * fontSize * 0.6) / 2
  const minX = rect.x + half + margin
  const maxX = rect.x + rect.width - half - margin
  const minY = rect.y + fontSize / 2 + margin
  const maxY = rect.y + rect.height - fontSize / 2 - margin
  return {
    x: minX > maxX ? rect.x + rect.width / 2 : Math.max(minX, Math.min(maxX, point.x)),
    y: minY > maxY ? rect.y + rect.height / 2 : Math.max(minY, Math.min(maxY, point.y))
  }
}

export interface LineMarks {
  /** Where the « A » and « B » labels go, either side of the line's middle. */
  sideA: Point
  sideB: Point
  /** An arrowhead at the end, pointing from start to end: the way the line « looks ». */
  arrow: [Point, Point, Point]
  middle: Point
}

/**
 * The marks of a tripwire drawn from `start` to `end` in screen pixels. Side A is on the left looking
 * along the line on screen, side B on the right (shared/scene.ts); on a screen whose y axis points
 * down, the left of direction (dx, dy) is (dy, −dx).
 */
export function lineMarks(start: Point, end: Point, offset = 14, arrowSize = 10): LineMarks {
  const dx = end.x - start.x
  const dy = end.y - start.y
  const length = Math.hypot(dx, dy) || 1
  const ux = dx / length
  const uy = dy / length
  const left = { x: uy, y: -ux }
  const middle = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }
  const base = { x: end.x - ux * arrowSize, y: end.y - uy * arrowSize }
  const half = arrowSize * 0.55
  return {
    middle,
    sideA: { x: middle.x + left.x * offset, y: middle.y + left.y * offset },
    sideB: { x: middle.x - left.x * offset, y: middle.y - left.y * offset },
    arrow: [end, { x: base.x + left.x * half, y: base.y + left.y * half }, { x: base.x - left.x * half, y: base.y - left.y * half }]
  }
}

/**
 * Moves every point by (dx, dy) image fractions, the move shortened so that no point leaves the
 * image: a shape dragged against the edge stops there rather than being squashed.
 */
export function translateWithin(points: readonly NormPoint[], dx: number, dy: number): NormPoint[] {
  if (points.length === 0) return []
  const minX = Math.min(...points.map((p) => p.x))
  const maxX = Math.max(...points.map((p) => p.x))
  const minY = Math.min(...points.map((p) => p.y))
  const maxY = Math.max(...points.map((p) => p.y))
  const mx = Math.max(-minX, Math.min(1 - maxX, dx))
  const my = Math.max(-minY, Math.min(1 - maxY, dy))
  return points.map((p) => ({ x: roundFraction(clamp01(p.x + mx)), y: roundFraction(clamp01(p.y + my)) }))
}

/** A box as image fractions (x1, y1, x2, y2) to a screen rectangle, whatever order its corners come in. */
export function boxToScreen(rect: Rect, box: { x1: number; y1: number; x2: number; y2: number }): Rect {
  const a = toScreen(rect, { x: Math.min(box.x1, box.x2), y: Math.min(box.y1, box.y2) })
  const b = toScreen(rect, { x: Math.max(box.x1, box.x2), y: Math.max(box.y1, box.y2) })
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y }
}

/** SVG `points` attribute of a polyline or polygon. */
export function svgPoints(points: readonly Point[]): string {
  return points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')
}

// --- Hit-testing a scene -----------------------------------------------------------------------

export type ShapeKind = 'zone' | 'line' | 'mask'

export interface ShapeRef {
  kind: ShapeKind
  id: string
}

export const sameShape = (a: ShapeRef | null | undefined, b: ShapeRef | null | undefined): boolean =>
  !!a && !!b && a.kind === b.kind && a.id === b.id

/** A shape as hit-testing sees it: its vertices in screen pixels; polygons are closed, lines are not. */
export interface HitShape {
  ref: ShapeRef
  points: readonly Point[]
  closed: boolean
}

export type Hit = { kind: 'vertex'; shape: ShapeRef; index: number } | { kind: 'edge'; shape: ShapeRef; index: number; point: Point } | { kind: 'body'; shape: ShapeRef }

export interface HitOptions {
  /** How close to a vertex the pointer must be to grab it, in pixels. */
  vertexRadius: number
  /** How close to a line or an edge counts as on it, in pixels. */
  edgeTolerance: number
  /** Its vertices are looked at first, so a selected zone's corner can be grabbed under a line. */
  selected?: ShapeRef | null
  /** Whose vertices can be grabbed: every shape's (the default), or only the selected one's (handles shown). */
  vertices?: 'all' | 'selected'
}

/**
 * What lies under the pointer. `shapes` are in drawing order (the last drawn is on top). Vertices come
 * first (the selected shape's, then the others' from the top), then edges and lines, then polygon
 * interiors from the top.
 */
export function hitTest(shapes: readonly HitShape[], p: Point, options: HitOptions): Hit | null {
  const topFirst = [...shapes].reverse()
  const selected = options.selected ? topFirst.find((shape) => sameShape(shape.ref, options.selected)) : undefined
  const vertexOrder =
    options.vertices === 'selected' ? (selected ? [selected] : []) : selected ? [selected, ...topFirst.filter((shape) => shape !== selected)] : topFirst
  for (const shape of vertexOrder) {
    const index = hitVertex(shape.points, p, options.vertexRadius)
    if (index !== -1) return { kind: 'vertex', shape: shape.ref, index }
  }
  for (const shape of topFirst) {
    const edge = nearestEdge(shape.points, p, shape.closed)
    if (edge && edge.distance <= options.edgeTolerance) return { kind: 'edge', shape: shape.ref, index: edge.index, point: edge.point }
  }
  for (const shape of topFirst) {
    if (shape.closed && shape.points.length >= 3 && pointInPolygon(p, shape.points)) return { kind: 'body', shape: shape.ref }
  }
  return null
}
