import type { Box } from '../tracking/types'
import { pointInPolygon, type Point, type Polygon } from './geometry'
import type { RuleFrame, RuleOutcome, RuleEvaluator } from './rule-event'
import type { RuleOf } from './rule-schema'

/** Below this share of sample points left visible (not behind a track), the zone is too hidden to judge. */
const MIN_VISIBLE_FRACTION = 0.3

function inBox(point: Point, box: Box): boolean {
  return point.x >= box.x1 && point.x <= box.x2 && point.y >= box.y1 && point.y <= box.y2
}

/** A regular grid of points inside the polygon, so that coverage is a simple count. */
function samplePoints(polygon: Polygon, step: number): Point[] {
  const xs = polygon.map((p) => p.x)
  const ys = polygon.map((p) => p.y)
  const points: Point[] = []
  for (let y = Math.min(...ys) + step / 2; y < Math.max(...ys); y += step) {
    for (let x = Math.min(...xs) + step / 2; x < Math.max(...xs); x += step) {
      if (pointInPolygon({ x, y }, polygon)) points.push({ x, y })
    }
  }
  return points
}

/**
 * Something removed from a watched zone (a display case, a parked bicycle, a fire extinguisher):
 * the caller's background-difference regions cover at least `minChangedFraction` of the zone for
 * `persistSeconds` in a row. Parts of the zone behind a tracked object are ignored, since a person
 * standing there changes the image without anything being taken; when most of the zone is hidden
 * the rule neither advances nor resets. Reported once; it re-arms when the change has mostly gone
 * (below half the threshold), e.g. after the background reference has been refreshed.
 */
export class ObjectRemovedRule implements RuleEvaluator {
  private readonly samples: Point[]
  private changedSince: number | null = null
  private reported = false

  constructor(private readonly rule: RuleOf<'object-removed'>) {
    this.samples = samplePoints(rule.zone.polygon, rule.sampleStepPx)
  }

  evaluate(frame: RuleFrame): RuleOutcome[] {
    const changed = frame.changedRegions
    if (changed === undefined || this.samples.length === 0) return []
    const visible = this.samples.filter((point) => !frame.tracks.some((track) => inBox(point, track.box)))
    if (visible.length < MIN_VISIBLE_FRACTION * this.samples.length) return []
    const fraction = visible.filter((point) => changed.some((region) => inBox(point, region))).length / visible.length

    if (fraction < this.rule.minChangedFraction) {
      this.changedSince = null
      if (fraction < this.rule.minChangedFraction / 2) this.reported = false
      return []
    }
    this.changedSince ??= frame.at
    if (this.reported || frame.at - this.changedSince < this.rule.persistSeconds * 1000) return []
    this.reported = true
    return [
      {
        kind: 'object-removed',
        trackIds: [],
        boxes: changed.filter((region) => visible.some((point) => inBox(point, region))),
        details: { zone: this.rule.zone.id, changedFraction: Math.round(fraction * 100) / 100 }
      }
    ]
  }
}
