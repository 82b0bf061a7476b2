import type { RuleFrame, RuleOutcome, RuleEvaluator } from './rule-event'
import type { RuleOf } from './rule-schema'
import { ZoneDwellTracker } from './zone-dwell'

const REPORTED = 'loitering-reported'

/** A track staying in a zone longer than `dwellSeconds`; reported once per visit. */
export class LoiteringRule implements RuleEvaluator {
  private readonly dwell: ZoneDwellTracker

  constructor(private readonly rule: RuleOf<'loitering'>) {
    this.dwell = new ZoneDwellTracker(rule.zone.polygon, rule.classes)
  }

  evaluate(frame: RuleFrame): RuleOutcome[] {
    const outcomes: RuleOutcome[] = []
    for (const visit of this.dwell.update(frame.at, frame.tracks).inside) {
      if (visit.flags.has(REPORTED) || visit.dwellMs <= this.rule.dwellSeconds * 1000) continue
      visit.flags.add(REPORTED)
      outcomes.push({
        kind: 'loitering',
        trackIds: [visit.track.id],
        boxes: [visit.track.box],
        details: { zone: this.rule.zone.id, class: visit.track.label, dwellSeconds: visit.dwellMs / 1000 }
      })
    }
    return outcomes
  }
}
