import { pointInPolygon } from './geometry'
import { densityLevel, type DensityLevel } from './density-level'
import type { RuleFrame, RuleOutcome, RuleEvaluator } from './rule-event'
import type { RuleOf } from './rule-schema'
import { groundPoint } from './track-points'

/**
 * Persons per square metre in a zone, reported when the level (normal / elevated / critical,
 * split by the low and high thresholds) changes. Two guards against flapping: the hysteresis band
 * of `densityLevel`, and a new level must hold for `minHoldSeconds` before it is reported, which
 * absorbs a person missed by the detector for a frame or two.
 */
export class CrowdDensityRule implements RuleEvaluator {
  private level: DensityLevel = 'normal'
  private pending: { level: DensityLevel; since: number } | null = null

  constructor(private readonly rule: RuleOf<'crowd-density'>) {}

  evaluate(frame: RuleFrame): RuleOutcome[] {
    const inside = frame.tracks.filter((t) => t.group === 'person' && pointInPolygon(groundPoint(t.box), this.rule.zone.polygon))
    const density = inside.length / this.rule.zone.groundAreaM2
    const wanted = densityLevel(density, this.level, this.rule.thresholds, this.rule.hysteresis)
    if (wanted === this.level) {
      this.pending = null
      return []
    }
    if (this.pending === null || this.pending.level !== wanted) this.pending = { level: wanted, since: frame.at }
    if (frame.at - this.pending.since < this.rule.minHoldSeconds * 1000) return []
    const previous = this.level
    this.level = wanted
    this.pending = null
    return [
      {
        kind: 'crowd-density',
        trackIds: inside.map((t) => t.id),
        boxes: inside.map((t) => t.box),
        details: {
          zone: this.rule.zone.id,
          level: wanted,
          previousLevel: previous,
          persons: inside.length,
          personsPerM2: Math.round(density * 100) / 100
        }
      }
    ]
  }
}
