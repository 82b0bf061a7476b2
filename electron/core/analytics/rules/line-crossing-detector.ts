import { crossingOf, signedDistanceToLine, type LineSide, type Point, type Segment } from './geometry'
import { PerTrackMemory } from './per-track-memory'

export type CrossingDirection = 'A->B' | 'B->A'

interface ArmedSide {
  side: LineSide
  /** Last position clearly on that side, the start of the movement tested against the line. */
  point: Point
}

/**
 * Detects tracks crossing a line, with a dead band of `hysteresisPx` on each side: positions inside
 * the band never change a track's side, so a person standing on the line, or a box jittering
 * across it, does not count, and each real crossing counts once.
 */
export class LineCrossingDetector {
  private readonly armed = new PerTrackMemory<{ current: ArmedSide | null }>()

  constructor(
    private readonly line: Segment,
    private readonly hysteresisPx: number
  ) {}

  /** Feeds a track's position; returns the direction when this move completes a crossing. */
  update(trackId: number, point: Point, at: number): CrossingDirection | null {
    const memory = this.armed.touch(trackId, at, () => ({ current: null }))
    const offset = signedDistanceToLine(point, this.line)
    if (Math.abs(offset) <= this.hysteresisPx) return null
    const side: LineSide = offset < 0 ? 'A' : 'B'
    const previous = memory.current
    memory.current = { side, point }
    if (previous === null || previous.side === side) return null
    // Changing side beyond the end of the drawn segment re-arms the track without counting.
    const crossing = crossingOf(previous.point, point, this.line)
    if (crossing === null) return null
    return crossing.to === 'B' ? 'A->B' : 'B->A'
  }

  forgetStale(at: number): void {
    this.armed.forgetStale(at)
  }
}
