import type { TrackSnapshot } from '../tracking/types'
import type { Point } from './geometry'
import { PerTrackMemory } from './per-track-memory'
import type { RuleFrame, RuleOutcome, RuleEvaluator } from './rule-event'
import type { RuleOf } from './rule-schema'
import { SpeedBaseline } from './speed-baseline'
import { centreOf, inClasses, normalisedSpeed } from './track-points'

/** The tracker's velocity is unreliable for its first frames; younger tracks are ignored. */
const MIN_TRACK_AGE_MS = 1000
/** Window over which a track's slowest recent speed is kept, to tell an acceleration. */
const ACCELERATION_WINDOW_MS = 2000
/** How closely a velocity must point away from the group's centre (cosine) to count as fleeing. */
const MIN_OUTWARD_COSINE = 0.7
/** Share of the watched tracks that must flee at once for a dispersal. */
const MIN_DISPERSING_FRACTION = 0.6

interface SpeedSample {
  at: number
  speed: number
}

interface TrackMotion {
  recent: SpeedSample[]
  lastAlertAt: number | null
}

/**
 * Two signs of panic or a fight: a track moving far faster than this camera's usual speeds
 * (baseline learned online, silent during its warm-up, and fed only with unremarkable speeds so
 * that an incident does not teach it that running is normal), and a sudden dispersal, several
 * tracks speeding up at once away from their common centre.
 */
export class UnusualMovementRule implements RuleEvaluator {
  private readonly baseline: SpeedBaseline
  private readonly motion = new PerTrackMemory<TrackMotion>()
  private lastDispersalAt: number | null = null

  constructor(private readonly rule: RuleOf<'unusual-movement'>) {
    this.baseline = new SpeedBaseline(rule.baselineAlpha, rule.warmupSamples)
  }

  evaluate(frame: RuleFrame): RuleOutcome[] {
    const watched = frame.tracks.filter((t) => inClasses(t, this.rule.classes) && frame.at - t.firstSeenAt >= MIN_TRACK_AGE_MS)
    const outcomes: RuleOutcome[] = []
    const speeds = new Map<number, number>()
    for (const track of watched) {
      const speed = normalisedSpeed(track)
      speeds.set(track.id, speed)
      const memory = this.remember(track, speed, frame.at)
      if (this.isTooFast(speed)) {
        if (this.coolingDown(memory.lastAlertAt, frame.at)) continue
        memory.lastAlertAt = frame.at
        outcomes.push({
          kind: 'unusual-speed',
          trackIds: [track.id],
          boxes: [track.box],
          details: { class: track.label, speedHeightsPerSecond: round(speed), baselineHeightsPerSecond: round(this.baseline.mean) }
        })
      } else {
        this.baseline.add(speed)
      }
    }
    const dispersal = this.dispersal(watched, speeds, frame.at)
    if (dispersal) outcomes.push(dispersal)
    this.motion.forgetStale(frame.at)
    return outcomes
  }

  private isTooFast(speed: number): boolean {
    return this.baseline.warm && speed >= this.rule.minSpeedHeightsPerSecond && speed > this.baseline.mean * this.rule.speedFactor
  }

  private remember(track: TrackSnapshot, speed: number, at: number): TrackMotion {
    const memory = this.motion.touch(track.id, at, () => ({ recent: [], lastAlertAt: null }))
    memory.recent.push({ at, speed })
    while (memory.recent.length > 0 && at - memory.recent[0].at > ACCELERATION_WINDOW_MS) memory.recent.shift()
    return memory
  }

  private dispersal(watched: TrackSnapshot[], speeds: Map<number, number>, at: number): RuleOutcome | null {
    if (watched.length < this.rule.dispersalMinTracks || this.coolingDown(this.lastDispersalAt, at)) return null
    const centres = watched.map((t) => centreOf(t.box))
    const centre: Point = {
      x: centres.reduce((sum, p) => sum + p.x, 0) / centres.length,
      y: centres.reduce((sum, p) => sum + p.y, 0) / centres.length
    }
    const fleeing = watched.filter((track, index) => this.fleesFrom(track, centres[index], centre, speeds.get(track.id) ?? 0))
    if (fleeing.length < this.rule.dispersalMinTracks || fleeing.length < MIN_DISPERSING_FRACTION * watched.length) return null
    this.lastDispersalAt = at
    return {
      kind: 'dispersal',
      trackIds: fleeing.map((t) => t.id),
      boxes: fleeing.map((t) => t.box),
      details: { tracks: fleeing.length, centreX: Math.round(centre.x), centreY: Math.round(centre.y) }
    }
  }

  /** Fast enough, clearly faster than a moment ago, and heading away from the centre. */
  private fleesFrom(track: TrackSnapshot, position: Point, centre: Point, speed: number): boolean {
    if (speed < this.rule.minSpeedHeightsPerSecond) return false
    const recent = this.motion.get(track.id)?.recent ?? []
    const slowest = Math.min(...recent.map((s) => s.speed))
    if (!(speed >= this.rule.dispersalAccelerationFactor * slowest)) return false
    const away = { x: position.x - centre.x, y: position.y - centre.y }
    const norm = Math.hypot(away.x, away.y) * Math.hypot(track.velocity.x, track.velocity.y)
    return norm > 0 && (away.x * track.velocity.x + away.y * track.velocity.y) / norm >= MIN_OUTWARD_COSINE
  }

  private coolingDown(lastAt: number | null, at: number): boolean {
    return lastAt !== null && at - lastAt < this.rule.cooldownSeconds * 1000
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
