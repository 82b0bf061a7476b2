import type { RuleFrame, RuleOutcome, RuleEvaluator } from './rule-event'
import type { RuleOf } from './rule-schema'
import { ZoneDwellTracker } from './zone-dwell'

/** A watched track leaving a zone after having been inside at least `minDwellSeconds`. */
export class ZoneExitRule implements RuleEvaluator {
  private readonly dwell: ZoneDwellTracker

  constructor(private readonly rule: RuleOf<'zone-exit'>) {
    this.dwell = new ZoneDwellTracker(rule.zone.polygon, rule.classes)
  }

  evaluate(frame: RuleFrame): RuleOutcome[] {
    return this.dwell
      .update(frame.at, frame.tracks)
      .exited.filter((visit) => visit.dwellMs >= this.rule.minDwellSeconds * 1000)
      .map((visit) => ({
        kind: 'zone-exit' as const,
        trackIds: [visit.track.id],
        boxes: [visit.track.box],
        details: { zone: this.rule.zone.id, class: visit.track.label, dwellSeconds: visit.dwellMs / 1000 }
      }))
  }
}
