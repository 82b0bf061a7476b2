import { toCentreSize } from './box-geometry'
import { BoxMotionModel, type MotionNoise } from './box-motion-model'
import { classGroupOf } from './class-groups'
import type { Box, ClassGroup, Detection, TrackPoint, TrackSnapshot } from './types'

/**
 * tentative: seen fewer than the confirmation count, dropped at its first miss;
 * confirmed: matched this frame; lost: confirmed but unmatched for a few frames, still predicted.
 */
export type TrackState = 'tentative' | 'confirmed' | 'lost'

/** One object followed over time: motion filter, class votes, and a bounded centre history. */
export class Track {
  state: TrackState = 'tentative'
  hits = 1
  missedFrames = 0
  score: number
  lastSeenAt: number
  readonly firstSeenAt: number
  readonly group: ClassGroup
  private readonly motion: BoxMotionModel
  private readonly classVotes = new Map<number, { count: number; label: string }>()
  private readonly points: TrackPoint[] = []

  constructor(
    readonly id: number,
    first: Detection,
    at: number,
    noise: MotionNoise,
    private readonly historyLength: number
  ) {
    this.motion = new BoxMotionModel(first, noise)
    this.group = classGroupOf(first.classId)
    this.score = first.score
    this.firstSeenAt = at
    this.lastSeenAt = at
    this.vote(first)
    this.remember(at)
  }

  get box(): Box {
    return this.motion.box
  }

  /** Class id used for gating: the majority class, always inside the track's group. */
  get classId(): number {
    return this.majority().classId
  }

  predict(dtSeconds: number): void {
    if (this.state === 'lost') this.motion.freezeSize()
    this.motion.predict(dtSeconds)
  }

  update(detection: Detection, at: number, hitsToConfirm: number): void {
    this.motion.correct(detection)
    this.vote(detection)
    this.score = detection.score
    this.hits += 1
    this.missedFrames = 0
    this.lastSeenAt = at
    if (this.state === 'lost' || this.hits >= hitsToConfirm) this.state = 'confirmed'
    this.remember(at)
  }

  markMissed(): void {
    this.missedFrames += 1
    if (this.state === 'confirmed') this.state = 'lost'
  }

  snapshot(): TrackSnapshot {
    const { classId, label } = this.majority()
    return {
      id: this.id,
      group: this.group,
      classId,
      label,
      box: this.box,
      score: this.score,
      velocity: this.motion.velocity,
      history: [...this.points],
      firstSeenAt: this.firstSeenAt,
      lastSeenAt: this.lastSeenAt
    }
  }

  private vote(detection: Detection): void {
    const vote = this.classVotes.get(detection.classId)
    if (vote) vote.count += 1
    else this.classVotes.set(detection.classId, { count: 1, label: detection.label })
  }

  private majority(): { classId: number; label: string } {
    let best = { classId: -1, label: '', count: 0 }
    for (const [classId, vote] of this.classVotes) {
      if (vote.count > best.count) best = { classId, label: vote.label, count: vote.count }
    }
    return best
  }

  private remember(at: number): void {
    const { cx, cy } = toCentreSize(this.box)
    this.points.push({ x: cx, y: cy, at })
    if (this.points.length > this.historyLength) this.points.shift()
  }
}
