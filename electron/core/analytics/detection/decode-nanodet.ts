import type { Detection } from './detection-types'
import { argmax, findOutputByShape, type DecoderInput } from './decoder-input'
import { toFrameDetection } from './frame-mapping'

export interface NanoDetSettings {
  strides: readonly number[]
  binsPerSide: number
}

const SIDES = 4

/**
 * Expected distance of one box side: NanoDet-Plus predicts each side (left, top, right, bottom) as a
 * distribution over bins 0..n−1 (in units of the stride) rather than a single number.
 */
export function expectedBinDistance(logits: Float32Array, start: number, bins: number): number {
  let max = logits[start]
  for (let j = 1; j < bins; j += 1) max = Math.max(max, logits[start + j])
  let total = 0
  let weighted = 0
  for (let j = 0; j < bins; j += 1) {
    // Shifted by the max so that exp() cannot overflow on large logits.
    const e = Math.exp(logits[start + j] - max)
    total += e
    weighted += j * e
  }
  return weighted / total
}

/**
 * NanoDet-Plus heads: per stride, class scores [1, cells, classes] (sigmoid applied) and side
 * distributions [1, cells, 4·bins] (raw logits). Boxes come back in frame pixels, before NMS.
 */
export function decodeNanoDet(input: DecoderInput, settings: NanoDetSettings): Detection[] {
  const classCount = input.labels.length
  const distributionWidth = SIDES * settings.binsPerSide
  const detections: Detection[] = []
  for (const stride of settings.strides) {
    const columns = Math.ceil(input.inputWidth / stride)
    const rows = Math.ceil(input.inputHeight / stride)
    const cells = columns * rows
    const scores = findOutputByShape(input.outputs, [1, cells, classCount], `class scores (stride ${stride})`).data
    const distances = findOutputByShape(input.outputs, [1, cells, distributionWidth], `box distributions (stride ${stride})`).data
    for (let cell = 0; cell < cells; cell += 1) {
      const best = argmax(scores, cell * classCount, classCount)
      if (best.value < input.scoreThreshold) continue
      const cx = (cell % columns) * stride + (stride - 1) / 2
      const cy = Math.floor(cell / columns) * stride + (stride - 1) / 2
      const base = cell * distributionWidth
      const [left, top, right, bottom] = [0, 1, 2, 3].map(
        (side) => stride * expectedBinDistance(distances, base + side * settings.binsPerSide, settings.binsPerSide)
      )
      detections.push(
        toFrameDetection(
          { x1: cx - left, y1: cy - top, x2: cx + right, y2: cy + bottom, score: best.value, classId: best.index },
          input.placement,
          input.labels
        )
      )
    }
  }
  return detections
}
