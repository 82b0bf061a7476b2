import { sampleLuma } from './luma'
import { assertRgbFrame, BYTES_PER_PIXEL, type TimedRgbFrame } from './rgb-frame'

export interface MotionGateOptions {
  /** One pixel in `gridStep` is sampled along each axis (luma only). */
  gridStep?: number
  /** A sample has changed when its luma differs from the reference by more than this. */
  pixelThreshold?: number
  /** The detector runs when at least this share of the samples has changed. */
  minChangedFraction?: number
  /** The detector runs at least this often, however still the scene. */
  maxStillMs?: number
}

export type MotionDecision = 'detect' | 'still'

export const DEFAULT_MOTION_GATE_OPTIONS: Readonly<Required<MotionGateOptions>> = {
  gridStep: 8,
  pixelThreshold: 16,
  // 0.3 % of a 640×360 frame is about 700 pixels: a person far away, not a leaf or a compression artefact.
  minChangedFraction: 0.003,
  maxStillMs: 2000
}

/**
 * Decides, per frame, whether the detector must run or whether the scene is still enough to reuse
 * the previous detections. Most cameras show an empty street most of the time, so a still frame
 * must cost next to nothing: a sparse luma grid compared with a reference, no allocation.
 *
 * The reference is the grid of the last frame that was sent to the detector, not the previous
 * frame: a change too slow to show between two frames (a car creeping into a space, dusk)
 * accumulates against it until it crosses the threshold. `maxStillMs` bounds how stale the reused
 * detections can get, since a person standing perfectly still changes no pixel either.
 */
export class MotionGate {
  private readonly options: Readonly<Required<MotionGateOptions>>
  private width = 0
  private height = 0
  /** Byte offset in the frame of each sampled pixel. */
  private offsets = new Uint32Array(0)
  private reference = new Uint8Array(0)
  private current = new Uint8Array(0)
  private lastDetectAt: number | null = null
  private changedFraction = 0

  constructor(options: MotionGateOptions = {}) {
    this.options = { ...DEFAULT_MOTION_GATE_OPTIONS, ...options }
    const { gridStep, pixelThreshold, minChangedFraction, maxStillMs } = this.options
    if (!Number.isInteger(gridStep) || gridStep < 1) throw new RangeError(`gridStep must be a positive integer, got ${gridStep}`)
    if (!(pixelThreshold >= 0)) throw new RangeError(`pixelThreshold must be ≥ 0, got ${pixelThreshold}`)
    if (!(minChangedFraction >= 0 && minChangedFraction <= 1)) throw new RangeError(`minChangedFraction must be in [0, 1], got ${minChangedFraction}`)
    if (!(maxStillMs >= 0)) throw new RangeError(`maxStillMs must be ≥ 0, got ${maxStillMs}`)
  }

  /** Share of samples that differed from the reference in the last decided frame (1 when there was no reference). */
  get lastChangedFraction(): number {
    return this.changedFraction
  }

  decide(frame: TimedRgbFrame): MotionDecision {
    assertRgbFrame(frame)
    const hasReference = this.lastDetectAt !== null && frame.width === this.width && frame.height === this.height
    if (!hasReference) this.layOutGrid(frame.width, frame.height)

    const changed = this.sampleAndCompare(frame.data)
    this.changedFraction = hasReference ? changed / this.offsets.length : 1

    const elapsed = this.lastDetectAt === null ? Infinity : frame.at - this.lastDetectAt
    // A clock that went backwards says nothing about how old the detections are: refresh them.
    const stale = elapsed >= this.options.maxStillMs || elapsed < 0
    if (hasReference && !stale && this.changedFraction < this.options.minChangedFraction) return 'still'

    // The frame going to the detector becomes the reference; swapping avoids a copy.
    const previous = this.reference
    this.reference = this.current
    this.current = previous
    this.lastDetectAt = frame.at
    return 'detect'
  }

  /** One sample at the centre of each gridStep × gridStep cell (clamped into the frame for a partial last cell). */
  private layOutGrid(width: number, height: number): void {
    const step = this.options.gridStep
    const centre = step >> 1
    const columns = Math.ceil(width / step)
    const rows = Math.ceil(height / step)
    this.width = width
    this.height = height
    this.offsets = new Uint32Array(columns * rows)
    this.reference = new Uint8Array(columns * rows)
    this.current = new Uint8Array(columns * rows)
    let index = 0
    for (let row = 0; row < rows; row++) {
      const y = Math.min(row * step + centre, height - 1)
      for (let column = 0; column < columns; column++) {
        const x = Math.min(column * step + centre, width - 1)
        this.offsets[index++] = (y * width + x) * BYTES_PER_PIXEL
      }
    }
  }

  /** Reads the sampled luma into `current` and counts the samples that moved past the threshold. */
  private sampleAndCompare(data: Uint8Array): number {
    const { offsets, reference, current } = this
    const threshold = this.options.pixelThreshold
    sampleLuma(data, offsets, current)
    let changed = 0
    for (let i = 0; i < current.length; i++) {
      const difference = current[i] - reference[i]
      if (difference > threshold || difference < -threshold) changed++
    }
    return changed
  }
}
