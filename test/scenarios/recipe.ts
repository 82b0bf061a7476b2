import type { SceneInput } from '../../electron/shared/scene'
import type { ExpectedEvent, ForbiddenEvent } from './scenario-schema'
import type { SpriteSpec } from './sprites'

/**
 * How a scenario clip is made: a background cut from real footage (looped if need be), with patches
 * cut out of real frames ("sprites") overlaid along piecewise-linear paths. Positions are in the
 * pixels of the output clip; a sprite's position is its ground point (bottom centre), the point the
 * rules use, so the ground truth can be computed from the same numbers as the video.
 */

/** A piece of real footage for the background, `fromSeconds` to `toSeconds` of the file, played `repeat` times. */
export interface BackgroundSegment {
  media: string
  fromSeconds: number
  toSeconds: number
  repeat?: number
}

/** Where an actor's ground point is at a given time; straight lines in between. */
export interface Waypoint {
  t: number
  x: number
  y: number
}

export interface Actor {
  /** For notes and debugging only. */
  name: string
  sprite: SpriteSpec
  /** Height of the overlaid sprite in output pixels (the width follows its proportions). */
  heightPx: number
  /** Mirror the sprite (a different-looking pass with the same person). */
  flip?: boolean
  /** The actor is shown from the first waypoint's time to the last one's. */
  path: Waypoint[]
}

/**
 * A detection the test adds to the detector's output for an actor that the detector cannot be made
 * to see as what it stands for (see the object-left scenario: no bag in the media). The box is the
 * actor's overlaid sprite, for as long as it is shown; the actor must not move.
 */
export interface StandIn {
  /** Name of the (stationary) actor the detection stands for. */
  actor: string
  label: 'backpack' | 'handbag' | 'suitcase'
  score: number
  why: string
}

export interface ScenarioDefinition {
  id: string
  /** Rule kinds the scenario is about (for `--only` and reports). */
  rules: string[]
  width: number
  height: number
  fps: number
  durationSeconds: number
  background: BackgroundSegment[]
  actors: Actor[]
  scene: SceneInput
  expected: ExpectedEvent[]
  forbidden?: ForbiddenEvent[]
  strictRules?: string[]
  standIns?: StandIn[]
  notes: string
  attribution: string[]
}

export const INTEL_ATTRIBUTION = 'Sample videos from intel-iot-devkit/sample-videos, licensed CC BY 4.0 (composited and re-encoded)'

/** An ffmpeg expression for a piecewise-linear function of t through the given (t, value) points, constant outside. */
export function piecewiseExpression(points: ReadonlyArray<{ t: number; v: number }>): string {
  if (points.length === 0) throw new Error('a path needs at least one waypoint')
  const fixed = (value: number): string => (Math.round(value * 1000) / 1000).toString()
  let expression = fixed(points[points.length - 1].v)
  for (let i = points.length - 2; i >= 0; i--) {
    const a = points[i]
    const b = points[i + 1]
    if (b.t < a.t) throw new Error('waypoints must be in time order')
    const segment =
      b.t === a.t || a.v === b.v ? fixed(a.v) : `${fixed(a.v)}+(${fixed(b.v - a.v)})*(t-${fixed(a.t)})/${fixed(b.t - a.t)}`
    expression = `if(lt(t\\,${fixed(b.t)})\\,${segment}\\,${expression})`
  }
  return expression
}

/** Ground point of an actor at time t (clamped to the path's ends). */
export function positionAt(path: readonly Waypoint[], t: number): { x: number; y: number } {
  if (t <= path[0].t) return { x: path[0].x, y: path[0].y }
  for (let i = 0; i < path.length - 1; i++) {
    const a = path[i]
    const b = path[i + 1]
    if (t < b.t) {
      const f = b.t === a.t ? 1 : (t - a.t) / (b.t - a.t)
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f }
    }
  }
  const last = path[path.length - 1]
  return { x: last.x, y: last.y }
}

/**
 * First time (to 10 ms) at which `predicate` holds for the actor's ground point, or null. Used by the
 * definitions to derive expected times from the very path that is rendered.
 */
export function firstTime(path: readonly Waypoint[], predicate: (point: { x: number; y: number }) => boolean, from = path[0].t): number | null {
  const end = path[path.length - 1].t
  for (let t = from; t <= end + 1e-9; t += 0.01) {
    if (predicate(positionAt(path, t))) return Math.round(t * 100) / 100
  }
  return null
}

export function pointInPolygon(point: { x: number; y: number }, polygon: ReadonlyArray<{ x: number; y: number }>): boolean {
  let inside = false
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]
    const b = polygon[j]
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) inside = !inside
  }
  return inside
}

/** A normalised polygon (scene coordinates) in output pixels. */
export function toPixels(polygon: ReadonlyArray<{ x: number; y: number }>, width: number, height: number): Array<{ x: number; y: number }> {
  return polygon.map((p) => ({ x: p.x * width, y: p.y * height }))
}

/** Rounds a normalised coordinate to 4 decimals (keeps the JSON readable). */
export function norm(value: number, size: number): number {
  return Math.round((value / size) * 10_000) / 10_000
}

