/**
 * Online mean and spread of a camera's normal speeds: an exponential moving average whose weight
 * starts at 1/n (a plain average over the first samples, so the start value does not bias it) and
 * settles at `alpha`, so the baseline follows slow changes (rush hour, night) but not a burst.
 */
export class SpeedBaseline {
  private samples = 0
  private average = 0
  private variance = 0

  constructor(
    private readonly alpha: number,
    private readonly warmupSamples: number
  ) {}

  /** Whether enough samples have been seen for the baseline to be trusted. */
  get warm(): boolean {
    return this.samples >= this.warmupSamples
  }

  get mean(): number {
    return this.average
  }

  get standardDeviation(): number {
    return Math.sqrt(this.variance)
  }

  add(speed: number): void {
    this.samples += 1
    const weight = Math.max(this.alpha, 1 / this.samples)
    const deviation = speed - this.average
    this.average += weight * deviation
    this.variance = (1 - weight) * (this.variance + weight * deviation * deviation)
  }
}
