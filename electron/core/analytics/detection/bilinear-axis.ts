/**
 * Sampling table for one axis of a bilinear resize, with the pixel-centre convention of OpenCV's
 * INTER_LINEAR (src = (dst + 0.5) · srcSize / dstSize − 0.5, clamped at the edges). The published
 * detectors were trained and evaluated on frames resized that way, so matching it keeps their scores.
 */
export interface BilinearAxis {
  /** Lower source index per destination index. */
  lower: Int32Array
  /** Upper source index (equal to lower at the edges). */
  upper: Int32Array
  /** Weight of the upper sample; the lower one gets 1 − weight. */
  weight: Float32Array
}

export function bilinearAxis(sourceSize: number, destinationSize: number): BilinearAxis {
  const lower = new Int32Array(destinationSize)
  const upper = new Int32Array(destinationSize)
  const weight = new Float32Array(destinationSize)
  const ratio = sourceSize / destinationSize
  for (let d = 0; d < destinationSize; d += 1) {
    const position = (d + 0.5) * ratio - 0.5
    let low = Math.floor(position)
    let fraction = position - low
    if (low < 0) {
      low = 0
      fraction = 0
    }
    if (low >= sourceSize - 1) {
      low = sourceSize - 1
      fraction = 0
    }
    lower[d] = low
    upper[d] = Math.min(low + 1, sourceSize - 1)
    weight[d] = fraction
  }
  return { lower, upper, weight }
}
