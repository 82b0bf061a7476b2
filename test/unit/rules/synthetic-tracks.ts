import type { ClassGroup, TrackSnapshot } from '../../../electron/core/analytics/tracking'
import { RuleEngine, type RuleDefinitionInput, type RuleEvent, type RuleFrame, type ZoneDefinition } from '../../../electron/core/analytics/rules'

export const FRAME_MS = 200

const LABELS: Record<ClassGroup, { classId: number; label: string }> = {
  person: { classId: 0, label: 'person' },
  vehicle: { classId: 2, label: 'car' },
  'two-wheeler': { classId: 1, label: 'bicycle' },
  bag: { classId: 28, label: 'suitcase' },
  other: { classId: 56, label: 'chair' }
}

export interface TrackSpec {
  id: number
  /** Ground point (bottom centre of the box). */
  x: number
  y: number
  group?: ClassGroup
  w?: number
  h?: number
  /** Velocity of the centre, pixels per second. */
  vx?: number
  vy?: number
  firstSeenAt?: number
}

/** A confirmed track standing on (x, y), as the tracker would publish it. */
export function track(spec: TrackSpec, at = 0): TrackSnapshot {
  const { id, x, y, group = 'person', w = 30, h = 80, vx = 0, vy = 0, firstSeenAt = -10_000 } = spec
  return {
    id,
    group,
    ...LABELS[group],
    box: { x1: x - w / 2, y1: y - h, x2: x + w / 2, y2: y },
    score: 0.9,
    velocity: { x: vx, y: vy },
    history: [{ x, y: y - h / 2, at }],
    firstSeenAt,
    lastSeenAt: at
  }
}

/** A rectangular zone, as the editor would save it (no ground area unless the caller adds one). */
export function square(id: string, x1: number, y1: number, x2: number, y2: number): ZoneDefinition {
  return {
    id,
    name: id,
    polygon: [
      { x: x1, y: y1 },
      { x: x2, y: y1 },
      { x: x2, y: y2 },
      { x: x1, y: y2 }
    ]
  }
}

/** Runs frames through a fresh engine holding one rule; returns the events of every frame, flattened. */
export function runRule(rule: RuleDefinitionInput, frames: Array<Omit<RuleFrame, 'at'> & { at?: number }>): RuleEvent[] {
  const engine = new RuleEngine('cam-1', [rule])
  return frames.flatMap((frame, index) => engine.process({ ...frame, at: frame.at ?? index * FRAME_MS }))
}

/** Frames where one person's ground point follows the given positions, one per frame. */
export function walk(positions: Array<[number, number]>, id = 1, group: ClassGroup = 'person'): RuleFrame[] {
  return positions.map(([x, y], index) => ({ at: index * FRAME_MS, tracks: [track({ id, x, y, group }, index * FRAME_MS)] }))
}
