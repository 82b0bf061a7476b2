import { pointInPolygon } from './geometry'
import { LineCrossingDetector } from './line-crossing-detector'
import type { RuleFrame, RuleOutcome, RuleEvaluator } from './rule-event'
import type { RuleOf } from './rule-schema'
import { groundPoint } from './track-points'

export interface PeopleCounts {
  in: number
  out: number
  /** Persons inside the zone now, or -1 when the rule has no zone. */
  occupancy: number
}

/**
 * Counts people in and out across a line and/or the occupancy of a zone. It reports numbers only,
 * whenever one of them changes: no track id, no box, nothing that points at an individual.
 */
export class PeopleCountingRule implements RuleEvaluator {
  private readonly detector: LineCrossingDetector | null
  private readonly totals: PeopleCounts

  constructor(private readonly rule: RuleOf<'people-counting'>) {
    this.detector = rule.line ? new LineCrossingDetector(rule.line, rule.hysteresisPx) : null
    this.totals = { in: 0, out: 0, occupancy: rule.zone ? 0 : -1 }
  }

  get counts(): PeopleCounts {
    return { ...this.totals }
  }

  evaluate(frame: RuleFrame): RuleOutcome[] {
    const people = frame.tracks.filter((t) => t.group === 'person')
    const before = this.counts
    if (this.detector) {
      for (const person of people) {
        const direction = this.detector.update(person.id, groundPoint(person.box), frame.at)
        if (direction === null) continue
        if (direction === this.rule.inDirection) this.totals.in += 1
        else this.totals.out += 1
      }
      this.detector.forgetStale(frame.at)
    }
    const zone = this.rule.zone
    if (zone) this.totals.occupancy = people.filter((p) => pointInPolygon(groundPoint(p.box), zone.polygon)).length
    const changed = before.in !== this.totals.in || before.out !== this.totals.out || before.occupancy !== this.totals.occupancy
    return changed ? [{ kind: 'people-count', trackIds: [], boxes: [], details: { ...this.totals } }] : []
  }
}
