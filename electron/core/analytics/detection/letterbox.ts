import { bilinearAxis } from './bilinear-axis'
import type { FramePlacement, RgbFrame } from './detection-types'
import type { Preprocessing } from './model-manifest'

export interface ModelInput {
  /** float32 NCHW, shape [1, 3, height, width]. */
  tensor: Float32Array
  width: number
  height: number
  placement: FramePlacement
}

/** Where the resized frame goes on the model canvas; the rest of the canvas is padding. */
export function placeFrame(
  frameWidth: number,
  frameHeight: number,
  inputWidth: number,
  inputHeight: number,
  resize: Preprocessing['resize']
): FramePlacement {
  if (resize === 'stretch') {
    return { scaleX: inputWidth / frameWidth, scaleY: inputHeight / frameHeight, offsetX: 0, offsetY: 0, frameWidth, frameHeight }
  }
  const ratio = Math.min(inputWidth / frameWidth, inputHeight / frameHeight)
  const resizedWidth = Math.min(inputWidth, Math.max(1, Math.round(frameWidth * ratio)))
  const resizedHeight = Math.min(inputHeight, Math.max(1, Math.round(frameHeight * ratio)))
  const centred = resize === 'letterbox-centred'
  return {
    // Per-axis scales from the rounded size, so that mapping back lands exactly on the frame edges.
    scaleX: resizedWidth / frameWidth,
    scaleY: resizedHeight / frameHeight,
    offsetX: centred ? Math.floor((inputWidth - resizedWidth) / 2) : 0,
    offsetY: centred ? Math.floor((inputHeight - resizedHeight) / 2) : 0,
    frameWidth,
    frameHeight
  }
}

/**
 * RGB frame → normalised float32 NCHW tensor of the model's input size, following the manifest:
 * resize (letterbox or stretch), padding, channel order, then (value − mean) / std per channel.
 */
export function letterbox(frame: RgbFrame, inputWidth: number, inputHeight: number, preprocessing: Preprocessing): ModelInput {
  if (frame.data.length < frame.width * frame.height * 3) {
    throw new Error(`Frame data too short: ${frame.data.length} bytes for ${frame.width}×${frame.height} RGB`)
  }
  const placement = placeFrame(frame.width, frame.height, inputWidth, inputHeight, preprocessing.resize)
  const resizedWidth = Math.round(frame.width * placement.scaleX)
  const resizedHeight = Math.round(frame.height * placement.scaleY)
  const columns = bilinearAxis(frame.width, resizedWidth)
  const rows = bilinearAxis(frame.height, resizedHeight)
  const plane = inputWidth * inputHeight
  const tensor = new Float32Array(3 * plane)
  const { mean, std, padValue } = preprocessing
  // Tensor channel c reads RGB byte sourceChannel[c].
  const sourceChannel = preprocessing.channelOrder === 'bgr' ? [2, 1, 0] : [0, 1, 2]

  for (let c = 0; c < 3; c += 1) {
    tensor.fill((padValue - mean[c]) / std[c], c * plane, (c + 1) * plane)
  }
  const rowStride = frame.width * 3
  for (let y = 0; y < resizedHeight; y += 1) {
    const top = rows.lower[y] * rowStride
    const bottom = rows.upper[y] * rowStride
    const wy = rows.weight[y]
    const outRow = (y + placement.offsetY) * inputWidth + placement.offsetX
    for (let x = 0; x < resizedWidth; x += 1) {
      const left = columns.lower[x] * 3
      const right = columns.upper[x] * 3
      const wx = columns.weight[x]
      for (let c = 0; c < 3; c += 1) {
        const s = sourceChannel[c]
        const upperRow = frame.data[top + left + s] * (1 - wx) + frame.data[top + right + s] * wx
        const lowerRow = frame.data[bottom + left + s] * (1 - wx) + frame.data[bottom + right + s] * wx
        // Rounded because the models were fed 8-bit resized images, not float interpolations.
        const value = Math.round(upperRow * (1 - wy) + lowerRow * wy)
        tensor[c * plane + outRow + x] = (value - mean[c]) / std[c]
      }
    }
  }
  return { tensor, width: inputWidth, height: inputHeight, placement }
}
