import { describe, expect, it } from 'vitest'
import { KalmanAxis } from '../../../electron/core/analytics/tracking/kalman-axis'

describe('KalmanAxis', () => {
  it('learns a constant velocity from noiseless measurements', () => {
    const axis = new KalmanAxis(0, 5, 100)
    for (let step = 1; step <= 20; step++) {
      axis.predict(0.2, 10)
      axis.correct(step * 10, 2)
    }
    expect(axis.rate).toBeCloseTo(50, 0)
    axis.predict(0.2, 10)
    expect(axis.value).toBeCloseTo(210, 0)
  })

  it('averages out measurement noise on a still target', () => {
    const axis = new KalmanAxis(100, 5, 10)
    const noise = [3, -3, 2, -2, 4, -4, 1, -1, 3, -3]
    for (const n of noise) {
      axis.predict(0.2, 1)
      axis.correct(100 + n, 5)
    }
    expect(Math.abs(axis.value - 100)).toBeLessThan(1.5)
  })
})
