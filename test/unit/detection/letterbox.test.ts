import { describe, expect, it } from 'vitest'
import { letterbox, placeFrame } from '../../../electron/core/analytics/detection/letterbox'
import type { Preprocessing } from '../../../electron/core/analytics/detection/model-manifest'

const RAW: Preprocessing = { channelOrder: 'rgb', resize: 'letterbox-centred', padValue: 0, mean: [0, 0, 0], std: [1, 1, 1] }

/** Pixel (x, y) has R = 10·(index+1), G = R + 1, B = R + 2, index = y·width + x. */
function gradientFrame(width: number, height: number) {
  const data = new Uint8Array(width * height * 3)
  for (let i = 0; i < width * height; i += 1) data.set([10 * (i + 1), 10 * (i + 1) + 1, 10 * (i + 1) + 2], i * 3)
  return { width, height, data }
}

/** One channel of an NCHW tensor as rows, for readable expectations. */
function channelRows(tensor: Float32Array, channel: number, width: number, height: number): number[][] {
  const plane = width * height
  return Array.from({ length: height }, (_, y) => Array.from(tensor.subarray(channel * plane + y * width, channel * plane + (y + 1) * width)))
}

describe('letterbox', () => {
  it('centres a 4×2 frame vertically in 4×4 with one padding row above and below', () => {
    const input = letterbox(gradientFrame(4, 2), 4, 4, RAW)
    expect(input.placement).toEqual({ scaleX: 1, scaleY: 1, offsetX: 0, offsetY: 1, frameWidth: 4, frameHeight: 2 })
    expect(channelRows(input.tensor, 0, 4, 4)).toEqual([
      [0, 0, 0, 0],
      [10, 20, 30, 40],
      [50, 60, 70, 80],
      [0, 0, 0, 0]
    ])
    expect(channelRows(input.tensor, 2, 4, 4)[2]).toEqual([52, 62, 72, 82])
  })

  it('puts the frame top-left and pads the rest with the pad value', () => {
    const input = letterbox(gradientFrame(4, 2), 4, 4, { ...RAW, resize: 'letterbox-top-left', padValue: 114 })
    expect(input.placement.offsetY).toBe(0)
    expect(channelRows(input.tensor, 1, 4, 4)).toEqual([
      [11, 21, 31, 41],
      [51, 61, 71, 81],
      [114, 114, 114, 114],
      [114, 114, 114, 114]
    ])
  })

  it('orders channels B, G, R for BGR models', () => {
    const input = letterbox(gradientFrame(4, 2), 4, 4, { ...RAW, channelOrder: 'bgr' })
    expect([0, 1, 2].map((c) => channelRows(input.tensor, c, 4, 4)[1][0])).toEqual([12, 11, 10])
  })

  it('normalises pixels and padding alike with (value − mean) / std', () => {
    const input = letterbox(gradientFrame(4, 2), 4, 4, { ...RAW, padValue: 10, mean: [10, 0, 0], std: [4, 1, 1] })
    const red = channelRows(input.tensor, 0, 4, 4)
    expect(red[0][0]).toBe(0) // padding 10 → (10 − 10) / 4
    expect(red[1]).toEqual([0, 2.5, 5, 7.5])
  })

  it('doubles a 2×1 frame with bilinear sampling at pixel centres (0, 100 → 0, 25, 75, 100)', () => {
    const frame = { width: 2, height: 1, data: new Uint8Array([0, 0, 0, 100, 100, 100]) }
    const input = letterbox(frame, 4, 4, RAW)
    expect(input.placement).toMatchObject({ scaleX: 2, scaleY: 2, offsetX: 0, offsetY: 1 })
    expect(channelRows(input.tensor, 0, 4, 4)).toEqual([
      [0, 0, 0, 0],
      [0, 25, 75, 100],
      [0, 25, 75, 100],
      [0, 0, 0, 0]
    ])
  })

  it('stretches without padding when the model wants the whole canvas', () => {
    const frame = { width: 2, height: 4, data: new Uint8Array(2 * 4 * 3).fill(7) }
    const input = letterbox(frame, 4, 2, { ...RAW, resize: 'stretch' })
    expect(input.placement).toMatchObject({ scaleX: 2, scaleY: 0.5, offsetX: 0, offsetY: 0 })
    expect(Array.from(input.tensor)).toEqual(new Array(3 * 4 * 2).fill(7))
  })

  it('places a 480×270 camera frame in 416×416 at 416×234, 91 rows down', () => {
    const placement = placeFrame(480, 270, 416, 416, 'letterbox-centred')
    expect(placement.offsetY).toBe(91)
    expect(Math.round(480 * placement.scaleX)).toBe(416)
    expect(Math.round(270 * placement.scaleY)).toBe(234)
  })

  it('refuses frame data shorter than width × height × 3', () => {
    expect(() => letterbox({ width: 4, height: 2, data: new Uint8Array(23) }, 4, 4, RAW)).toThrow(/too short/)
  })
})
