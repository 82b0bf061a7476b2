import { describe, expect, it } from 'vitest'
import { decodeMediaFrame, encodeMediaFrame, type MediaFrame } from '../../../electron/shared/media-frames'

const payload = (length: number, seed = 1): Uint8Array => Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff)

/** The same bytes placed inside a larger buffer, so that byteOffset is not zero (as a Node Buffer slice would be). */
function atOffset(bytes: Uint8Array, offset = 13): Uint8Array {
  const backing = new Uint8Array(offset + bytes.length + 7).fill(0xee)
  backing.set(bytes, offset)
  const view = backing.subarray(offset, offset + bytes.length)
  expect(view.byteOffset).toBe(offset)
  return view
}

describe('media frames', () => {
  it('round-trips an init frame, with the documented layout', () => {
    const frame: MediaFrame = { type: 'init', generation: 0xdeadbeef, codec: 'avc1.42E01F', data: payload(300) }
    const bytes = encodeMediaFrame(frame)
    expect(bytes.length).toBe(1 + 4 + 2 + 'avc1.42E01F'.length + 300)
    expect(bytes[0]).toBe(1)
    expect(new DataView(bytes.buffer).getUint32(1)).toBe(0xdeadbeef)
    expect(new DataView(bytes.buffer).getUint16(5)).toBe(11)
    expect(decodeMediaFrame(bytes)).toEqual(frame)
  })

  it('round-trips a fragment frame, keyframe or not, keeping the f64 timestamp exactly', () => {
    for (const keyframe of [true, false]) {
      const frame: MediaFrame = { type: 'fragment', generation: 7, keyframe, receivedAt: 1_764_390_000_123.456, data: payload(1000, 5) }
      const bytes = encodeMediaFrame(frame)
      expect(bytes.length).toBe(14 + 1000)
      expect(bytes[0]).toBe(2)
      expect(decodeMediaFrame(bytes)).toEqual(frame)
    }
  })

  it('round-trips empty payloads and an empty codec', () => {
    const init: MediaFrame = { type: 'init', generation: 0, codec: '', data: new Uint8Array(0) }
    expect(decodeMediaFrame(encodeMediaFrame(init))).toEqual(init)
    const fragment: MediaFrame = { type: 'fragment', generation: 0, keyframe: false, receivedAt: 0, data: new Uint8Array(0) }
    expect(decodeMediaFrame(encodeMediaFrame(fragment))).toEqual(fragment)
  })

  it('decodes from a subarray with a non-zero byteOffset (init)', () => {
    const frame: MediaFrame = { type: 'init', generation: 3, codec: 'avc1.640028', data: payload(64) }
    expect(decodeMediaFrame(atOffset(encodeMediaFrame(frame)))).toEqual(frame)
  })

  it('decodes from a subarray with a non-zero byteOffset (fragment)', () => {
    const frame: MediaFrame = { type: 'fragment', generation: 42, keyframe: true, receivedAt: 123.5, data: payload(64, 9) }
    expect(decodeMediaFrame(atOffset(encodeMediaFrame(frame), 5))).toEqual(frame)
  })

  it('encodes a payload that is itself a subarray (only its own bytes are copied)', () => {
    const backing = payload(100)
    const data = backing.subarray(10, 20)
    const frame: MediaFrame = { type: 'fragment', generation: 1, keyframe: false, receivedAt: 1, data }
    const decoded = decodeMediaFrame(encodeMediaFrame(frame))
    expect(decoded.data).toEqual(backing.slice(10, 20))
  })

  it('decodes a Node Buffer taken from a pooled allocation', () => {
    const frame: MediaFrame = { type: 'init', generation: 9, codec: 'avc1.42E01E', data: payload(20) }
    const buffer = Buffer.from(encodeMediaFrame(frame)) // small Buffers share a pool: byteOffset is usually not 0
    expect(decodeMediaFrame(buffer)).toEqual({ ...frame, data: Buffer.from(frame.data) })
  })

  it('throws on an unknown type byte', () => {
    const bytes = encodeMediaFrame({ type: 'fragment', generation: 1, keyframe: true, receivedAt: 1, data: payload(4) })
    bytes[0] = 3
    expect(() => decodeMediaFrame(bytes)).toThrow('media frame: unknown type')
    expect(() => decodeMediaFrame(new Uint8Array(0))).toThrow('media frame: unknown type')
  })

  it('throws on truncated frames', () => {
    const init = encodeMediaFrame({ type: 'init', generation: 1, codec: 'avc1.42E01F', data: new Uint8Array(0) })
    // Shorter than its declared codec length.
    expect(() => decodeMediaFrame(init.subarray(0, init.length - 1))).toThrow('media frame: truncated init')
    // Shorter than the fixed headers.
    expect(() => decodeMediaFrame(init.subarray(0, 6))).toThrow(/media frame/)
    const fragment = encodeMediaFrame({ type: 'fragment', generation: 1, keyframe: true, receivedAt: 1, data: new Uint8Array(0) })
    expect(() => decodeMediaFrame(fragment.subarray(0, 13))).toThrow(/media frame/)
  })
})
