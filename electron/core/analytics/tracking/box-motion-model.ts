import { fromCentreSize, toCentreSize } from './box-geometry'
import { KalmanAxis } from './kalman-axis'
import type { Box } from './types'

/**
 * Noise levels, as fractions of the box height so that the same settings fit a person close to the
 * camera and one far away (pixels per second squared and pixels scale with apparent size).
 */
export interface MotionNoise {
  /** Detector jitter on the centre and size, fraction of height. */
  measurement: number
  /** How fast a centre's velocity may change, heights per second squared. */
  centreAcceleration: number
  /** How fast a size's growth rate may change, heights per second squared. */
  sizeAcceleration: number
}

export const DEFAULT_MOTION_NOISE: MotionNoise = {
  measurement: 0.05,
  centreAcceleration: 2,
  sizeAcceleration: 0.5
}

/** Smallest side kept for a predicted box, so that a shrinking prediction never inverts. */
const MIN_SIDE_PX = 2

/** Constant-velocity motion of a box, as four independent Kalman axes on centre and size. */
export class BoxMotionModel {
  private readonly cx: KalmanAxis
  private readonly cy: KalmanAxis
  private readonly w: KalmanAxis
  private readonly h: KalmanAxis

  constructor(first: Box, private readonly noise: MotionNoise = DEFAULT_MOTION_NOISE) {
    const { cx, cy, w, h } = toCentreSize(first)
    const positionStd = 2 * noise.measurement * h
    // A new track may move at a few heights per second; start wide open on velocity.
    const velocityStd = 2 * h
    this.cx = new KalmanAxis(cx, positionStd, velocityStd)
    this.cy = new KalmanAxis(cy, positionStd, velocityStd)
    this.w = new KalmanAxis(w, positionStd, velocityStd / 4)
    this.h = new KalmanAxis(h, positionStd, velocityStd / 4)
  }

  predict(dtSeconds: number): void {
    const h = this.height
    this.cx.predict(dtSeconds, this.noise.centreAcceleration * h)
    this.cy.predict(dtSeconds, this.noise.centreAcceleration * h)
    this.w.predict(dtSeconds, this.noise.sizeAcceleration * h)
    this.h.predict(dtSeconds, this.noise.sizeAcceleration * h)
  }

  correct(measured: Box): void {
    const m = toCentreSize(measured)
    const std = this.noise.measurement * Math.max(m.h, MIN_SIDE_PX)
    this.cx.correct(m.cx, std)
    this.cy.correct(m.cy, std)
    this.w.correct(m.w, std)
    this.h.correct(m.h, std)
  }

  /** While unseen, only the position keeps drifting: a hidden box does not keep growing. */
  freezeSize(): void {
    this.w.stop()
    this.h.stop()
  }

  get box(): Box {
    return fromCentreSize({
      cx: this.cx.value,
      cy: this.cy.value,
      w: Math.max(MIN_SIDE_PX, this.w.value),
      h: this.height
    })
  }

  get velocity(): { x: number; y: number } {
    return { x: this.cx.rate, y: this.cy.rate }
  }

  private get height(): number {
    return Math.max(MIN_SIDE_PX, this.h.value)
  }
}
