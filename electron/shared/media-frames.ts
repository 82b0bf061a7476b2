/**
 * Binary framing of the live media channel (one WebSocket per viewer and camera). Video never rides
 * the RPC: the contract hands out a URL, and these frames carry fragmented MP4 on their own socket.
 *
 *   init:     [1][generation u32][codec length u16][codec ascii][ftyp+moov]
 *   fragment: [2][generation u32][keyframe u8][receivedAt f64 ms][moof+mdat]
 *
 * A new generation means the camera's encoder restarted: the player must start a fresh decoder.
 */
export type MediaFrame =
  | { type: 'init'; generation: number; codec: string; data: Uint8Array }
  | { type: 'fragment'; generation: number; keyframe: boolean; receivedAt: number; data: Uint8Array }

const INIT = 1
const FRAGMENT = 2

/**
 * The bytes that precede a frame's payload. A sender that can write one message in two parts (the
 * core's WebSocket) sends this then `frame.data`, and never copies the video.
 */
export function encodeMediaHeader(frame: MediaFrame): Uint8Array {
  if (frame.type === 'init') {
    const codec = new TextEncoder().encode(frame.codec)
    const out = new Uint8Array(7 + codec.length)
    const view = new DataView(out.buffer)
    out[0] = INIT
    view.setUint32(1, frame.generation)
    view.setUint16(5, codec.length)
    out.set(codec, 7)
    return out
  }
  const out = new Uint8Array(14)
  const view = new DataView(out.buffer)
  out[0] = FRAGMENT
  view.setUint32(1, frame.generation)
  out[5] = frame.keyframe ? 1 : 0
  view.setFloat64(6, frame.receivedAt)
  return out
}

/** A whole frame in one buffer: the header followed by the payload. */
export function encodeMediaFrame(frame: MediaFrame): Uint8Array {
  const header = encodeMediaHeader(frame)
  const out = new Uint8Array(header.length + frame.data.length)
  out.set(header, 0)
  out.set(frame.data, header.length)
  return out
}

export function decodeMediaFrame(bytes: Uint8Array): MediaFrame {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length >= 7 && bytes[0] === INIT) {
    const codecLength = view.getUint16(5)
    if (7 + codecLength > bytes.length) throw new Error('media frame: truncated init')
    const codec = new TextDecoder().decode(bytes.subarray(7, 7 + codecLength))
    return { type: 'init', generation: view.getUint32(1), codec, data: bytes.subarray(7 + codecLength) }
  }
  if (bytes.length >= 14 && bytes[0] === FRAGMENT) {
    return {
      type: 'fragment',
      generation: view.getUint32(1),
      keyframe: bytes[5] === 1,
      receivedAt: view.getFloat64(6),
      data: bytes.subarray(14)
    }
  }
  throw new Error('media frame: unknown type')
}
