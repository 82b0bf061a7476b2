import type { Detection } from './detection-types'
import { argmax, findOutputByShape, type DecoderInput } from './decoder-input'
import { toFrameDetection } from './frame-mapping'

export interface FastestDetSettings {
  gridSize: number
}

/** Channels before the class probabilities: objectness, x offset, y offset, width, height. */
const BOX_CHANNELS = 5

const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value))

/**
 * FastestDet output [1, 5 + classes, grid, grid], channel-major. Offsets need tanh, sizes sigmoid
 * (fractions of the input); class probabilities are softmaxed already. Score = obj^0.6 · cls^0.4, the
 * upstream blend. Boxes in frame pixels, before NMS.
 */
export function decodeFastestDet(input: DecoderInput, settings: FastestDetSettings): Detection[] {
  const grid = settings.gridSize
  const classCount = input.labels.length
  const cells = grid * grid
  const values = findOutputByShape(input.outputs, [1, BOX_CHANNELS + classCount, grid, grid], 'predictions').data
  const detections: Detection[] = []
  for (let cell = 0; cell < cells; cell += 1) {
    const channel = (index: number): number => values[index * cells + cell]
    const best = argmax(values, BOX_CHANNELS * cells + cell, classCount, cells)
    const score = channel(0) ** 0.6 * best.value ** 0.4
    if (score < input.scoreThreshold) continue
    const cx = ((cell % grid) + Math.tanh(channel(1))) / grid
    const cy = (Math.floor(cell / grid) + Math.tanh(channel(2))) / grid
    const width = sigmoid(channel(3))
    const height = sigmoid(channel(4))
    // Normalised to the input canvas; scale to input pixels so the shared mapping undoes the resize.
    detections.push(
      toFrameDetection(
        {
          x1: (cx - width / 2) * input.inputWidth,
          y1: (cy - height / 2) * input.inputHeight,
          x2: (cx + width / 2) * input.inputWidth,
          y2: (cy + height / 2) * input.inputHeight,
          score,
          classId: best.index
        },
        input.placement,
        input.labels
      )
    )
  }
  return detections
}
