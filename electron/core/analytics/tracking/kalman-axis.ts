/**
 * Constant-velocity Kalman filter along one axis (state: position and velocity).
 *
 * A box is tracked as four of these (centre x, centre y, width, height). With a motion model and
 * noises that do not couple the axes, the usual 8-dimensional box filter keeps a block-diagonal
 * covariance, so four 2-state filters give exactly the same estimates with 2×2 arithmetic written
 * out by hand instead of a matrix library. A Kalman filter was preferred to a fixed-gain
 * alpha-beta model because its gain adapts: it trusts a new track's first detections more and
 * widens its uncertainty while a track is hidden, which is what makes re-association after an
 * occlusion work.
 */
export class KalmanAxis {
  private position: number
  private velocity = 0
  // Covariance [[pp, pv], [pv, vv]].
  private pp: number
  private pv = 0
  private vv: number

  constructor(initialPosition: number, initialPositionStd: number, initialVelocityStd: number) {
    this.position = initialPosition
    this.pp = initialPositionStd ** 2
    this.vv = initialVelocityStd ** 2
  }

  get value(): number {
    return this.position
  }

  get rate(): number {
    return this.velocity
  }

  /**
   * Moves the estimate `dt` seconds ahead. `accelerationStd` models how much the velocity may
   * change, as white-noise acceleration (units per second squared).
   */
  predict(dt: number, accelerationStd: number): void {
    this.position += this.velocity * dt
    const q = accelerationStd ** 2
    const pp = this.pp + 2 * dt * this.pv + dt * dt * this.vv + (q * dt ** 4) / 4
    const pv = this.pv + dt * this.vv + (q * dt ** 3) / 2
    const vv = this.vv + q * dt * dt
    this.pp = pp
    this.pv = pv
    this.vv = vv
  }

  /** Folds in a measurement of the position with standard deviation `measurementStd`. */
  correct(measured: number, measurementStd: number): void {
    const innovationVariance = this.pp + measurementStd ** 2
    const gainPosition = this.pp / innovationVariance
    const gainVelocity = this.pv / innovationVariance
    const innovation = measured - this.position
    this.position += gainPosition * innovation
    this.velocity += gainVelocity * innovation
    const pp = (1 - gainPosition) * this.pp
    const pv = (1 - gainPosition) * this.pv
    const vv = this.vv - gainVelocity * this.pv
    this.pp = pp
    this.pv = pv
    this.vv = vv
  }

  /** Forgets the velocity, e.g. for a size that should not keep growing while nobody sees it. */
  stop(): void {
    this.velocity = 0
  }
}
