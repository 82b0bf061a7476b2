import type { FramePlacement, RawOutput } from './detection-types'

/** What every decoder needs besides its model-specific settings. */
export interface DecoderInput {
  outputs: readonly RawOutput[]
  inputWidth: number
  inputHeight: number
  placement: FramePlacement
  labels: readonly string[]
  scoreThreshold: number
}

/** Outputs are matched by shape because exported graphs name them by node number, which changes between exports. */
export function findOutputByShape(outputs: readonly RawOutput[], shape: readonly number[], what: string): RawOutput {
  const found = outputs.find(
    (output) => output.dims.length === shape.length && output.dims.every((size, index) => size === shape[index])
  )
  if (!found) {
    const seen = outputs.map((output) => `[${output.dims.join(',')}]`).join(', ')
    throw new Error(`Model output ${what} of shape [${shape.join(',')}] not found (outputs: ${seen})`)
  }
  return found
}

/** Largest of `count` values starting at `start`, with its position relative to `start`. */
export function argmax(values: Float32Array, start: number, count: number, step = 1): { index: number; value: number } {
  let index = 0
  let value = values[start]
  for (let i = 1; i < count; i += 1) {
    const candidate = values[start + i * step]
    if (candidate > value) {
      value = candidate
      index = i
    }
  }
  return { index, value }
}
