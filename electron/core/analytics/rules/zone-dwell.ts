import type { ClassGroup, TrackSnapshot } from '../tracking/types'
import { pointInPolygon, type Polygon } from './geometry'
import { PerTrackMemory } from './per-track-memory'
import { groundPoint, inClasses } from './track-points'

export interface Visit {
  track: TrackSnapshot
  /** Time spent inside since the track last entered, in milliseconds. */
  dwellMs: number
  /** Free per-visit flags for the rule using this tracker (e.g. "already reported"). */
  flags: Set<string>
}

export interface DwellUpdate {
  inside: Visit[]
  exited: Visit[]
}

interface VisitState {
  enteredAt: number | null
  flags: Set<string>
}

/**
 * Who is inside a zone and since when. Leaving the zone ends the visit, so the dwell timer starts
 * again from zero on the next entry. A track that vanishes inside the zone is forgotten silently
 * after the grace period: nobody was seen leaving, so no exit is reported.
 */
export class ZoneDwellTracker {
  private readonly visits = new PerTrackMemory<VisitState>()

  constructor(
    private readonly polygon: Polygon,
    private readonly classes: readonly ClassGroup[]
  ) {}

  update(at: number, tracks: readonly TrackSnapshot[]): DwellUpdate {
    const inside: Visit[] = []
    const exited: Visit[] = []
    for (const track of tracks) {
      if (!inClasses(track, this.classes)) continue
      const state = this.visits.touch(track.id, at, () => ({ enteredAt: null, flags: new Set<string>() }))
      if (pointInPolygon(groundPoint(track.box), this.polygon)) {
        state.enteredAt ??= at
        inside.push({ track, dwellMs: at - state.enteredAt, flags: state.flags })
      } else if (state.enteredAt !== null) {
        exited.push({ track, dwellMs: at - state.enteredAt, flags: state.flags })
        state.enteredAt = null
        state.flags = new Set<string>()
      }
    }
    this.visits.forgetStale(at)
    return { inside, exited }
  }
}
