import type { Detection } from './detection-types'
import { argmax, findOutputByShape, type DecoderInput } from './decoder-input'
import { toFrameDetection } from './frame-mapping'

export interface YoloxSettings {
  strides: readonly number[]
}

/** Columns before the class probabilities: tx, ty, tw, th, objectness. */
const BOX_COLUMNS = 5

/**
 * YOLOX single output [1, anchors, 5 + classes]: rows are the grid cells of each stride in turn,
 * row-major; objectness and class probabilities are already sigmoid. Boxes in frame pixels, before NMS.
 */
export function decodeYolox(input: DecoderInput, settings: YoloxSettings): Detection[] {
  const classCount = input.labels.length
  const rowWidth = BOX_COLUMNS + classCount
  const grids = settings.strides.map((stride) => ({
    stride,
    columns: Math.floor(input.inputWidth / stride),
    rows: Math.floor(input.inputHeight / stride)
  }))
  const anchors = grids.reduce((sum, grid) => sum + grid.columns * grid.rows, 0)
  const values = findOutputByShape(input.outputs, [1, anchors, rowWidth], 'predictions').data
  const detections: Detection[] = []
  let anchor = 0
  for (const { stride, columns, rows } of grids) {
    for (let cell = 0; cell < columns * rows; cell += 1, anchor += 1) {
      const base = anchor * rowWidth
      const objectness = values[base + 4]
      // Skip early: the score is objectness × class probability, so it can never exceed objectness.
      if (objectness < input.scoreThreshold) continue
      const best = argmax(values, base + BOX_COLUMNS, classCount)
      const score = objectness * best.value
      if (score < input.scoreThreshold) continue
      const cx = (values[base] + (cell % columns)) * stride
      const cy = (values[base + 1] + Math.floor(cell / columns)) * stride
      const halfWidth = (Math.exp(values[base + 2]) * stride) / 2
      const halfHeight = (Math.exp(values[base + 3]) * stride) / 2
      detections.push(
        toFrameDetection(
          { x1: cx - halfWidth, y1: cy - halfHeight, x2: cx + halfWidth, y2: cy + halfHeight, score, classId: best.index },
          input.placement,
          input.labels
        )
      )
    }
  }
  return detections
}
