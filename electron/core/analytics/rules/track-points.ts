import type { Box, ClassGroup, TrackSnapshot } from '../tracking/types'
import type { Point } from './geometry'

/**
 * Where a track touches the ground: the bottom centre of its box. Zones and lines are drawn on the
 * ground, and the head of a person standing outside a zone often projects inside it.
 */
export function groundPoint(box: Box): Point {
  return { x: (box.x1 + box.x2) / 2, y: box.y2 }
}

export function centreOf(box: Box): Point {
  return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 }
}

export function inClasses(track: TrackSnapshot, classes: readonly ClassGroup[]): boolean {
  return classes.includes(track.group)
}

/**
 * Speed in box heights per second. Dividing by the apparent height removes most of the perspective
 * effect, so a runner far away and one close to the camera compare on one scale.
 */
export function normalisedSpeed(track: TrackSnapshot): number {
  const height = Math.max(1, track.box.y2 - track.box.y1)
  return Math.hypot(track.velocity.x, track.velocity.y) / height
}
