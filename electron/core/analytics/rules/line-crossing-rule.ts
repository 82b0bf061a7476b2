import { LineCrossingDetector, type CrossingDirection } from './line-crossing-detector'
import { PerTrackMemory } from './per-track-memory'
import type { RuleFrame, RuleOutcome, RuleEvaluator } from './rule-event'
import type { RuleOf } from './rule-schema'
import { groundPoint, inClasses } from './track-points'

/** A watched track crossing a line in the configured direction. */
export class LineCrossingRule implements RuleEvaluator {
  private readonly detector: LineCrossingDetector
  /** Directions already reported per track, used only when the rule counts once per track. */
  private readonly reported = new PerTrackMemory<Set<CrossingDirection>>()

  constructor(private readonly rule: RuleOf<'line-crossing'>) {
    this.detector = new LineCrossingDetector(rule.line, rule.hysteresisPx)
  }

  evaluate(frame: RuleFrame): RuleOutcome[] {
    const outcomes: RuleOutcome[] = []
    for (const track of frame.tracks) {
      if (!inClasses(track, this.rule.classes)) continue
      const direction = this.detector.update(track.id, groundPoint(track.box), frame.at)
      if (direction === null || !this.wanted(direction) || !this.firstTime(track.id, direction, frame.at)) continue
      outcomes.push({
        kind: 'line-crossing',
        trackIds: [track.id],
        boxes: [track.box],
        details: { direction, class: track.label }
      })
    }
    this.detector.forgetStale(frame.at)
    this.reported.forgetStale(frame.at)
    return outcomes
  }

  private wanted(direction: CrossingDirection): boolean {
    return this.rule.direction === 'both' || this.rule.direction === direction
  }

  private firstTime(trackId: number, direction: CrossingDirection, at: number): boolean {
    if (!this.rule.oncePerTrack) return true
    const reported = this.reported.touch(trackId, at, () => new Set<CrossingDirection>())
    if (reported.has(direction)) return false
    reported.add(direction)
    return true
  }
}
