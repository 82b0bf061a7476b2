import type { TrackSnapshot } from '../tracking/types'
import { distance, pointInPolygon, type Point } from './geometry'
import { PerTrackMemory } from './per-track-memory'
import type { RuleFrame, RuleOutcome, RuleEvaluator } from './rule-event'
import type { RuleOf } from './rule-schema'
import { groundPoint } from './track-points'

interface BagState {
  /** Where the bag settled; moving farther than the radius from it restarts the wait. */
  anchor: Point
  stillSince: number
  /** Since when no person has been near, or null while someone is. */
  unattendedSince: number | null
  reported: boolean
}

/**
 * A bag, backpack or suitcase that stays put for `stationarySeconds` with no person within
 * `ownerRadiusPx` of it (distances between ground points). Someone standing by it, or the bag
 * moving, restarts the wait.
 */
export class ObjectLeftRule implements RuleEvaluator {
  private readonly bags = new PerTrackMemory<BagState>()

  constructor(private readonly rule: RuleOf<'object-left'>) {}

  evaluate(frame: RuleFrame): RuleOutcome[] {
    const people = frame.tracks.filter((t) => t.group === 'person').map((t) => groundPoint(t.box))
    const outcomes: RuleOutcome[] = []
    for (const bag of frame.tracks) {
      if (bag.group !== 'bag') continue
      const position = groundPoint(bag.box)
      if (this.rule.zone && !pointInPolygon(position, this.rule.zone.polygon)) continue
      const state = this.follow(bag, position, frame.at)
      const attended = people.some((person) => distance(person, position) <= this.rule.ownerRadiusPx)
      state.unattendedSince = attended ? null : (state.unattendedSince ?? frame.at)
      if (state.reported || state.unattendedSince === null) continue
      const waitedMs = frame.at - Math.max(state.stillSince, state.unattendedSince)
      if (waitedMs < this.rule.stationarySeconds * 1000) continue
      state.reported = true
      outcomes.push({
        kind: 'object-left',
        trackIds: [bag.id],
        boxes: [bag.box],
        details: { class: bag.label, unattendedSeconds: waitedMs / 1000 }
      })
    }
    this.bags.forgetStale(frame.at)
    return outcomes
  }

  private follow(bag: TrackSnapshot, position: Point, at: number): BagState {
    const state = this.bags.touch(bag.id, at, () => ({ anchor: position, stillSince: at, unattendedSince: null, reported: false }))
    if (distance(state.anchor, position) > this.rule.stationaryRadiusPx) {
      state.anchor = position
      state.stillSince = at
      state.reported = false
    }
    return state
  }
}
