import { parentPort } from 'node:worker_threads'
import type { RgbFrame } from './rgb-frame'
import { encodeJpeg } from './snapshot-jpeg'

/**
 * Worker thread entry: encodes event snapshots. jpeg-js takes tens of milliseconds per frame, which
 * on the core's thread would hold up every camera's frames and every screen's messages.
 */
export interface EncodeRequest {
  id: number
  frame: RgbFrame
}
export type EncodeReply = { id: number; ok: true; jpeg: Uint8Array } | { id: number; ok: false; message: string }

const port = parentPort
if (!port) throw new Error('snapshot-encoder-worker must run in a worker thread')
port.on('message', ({ id, frame }: EncodeRequest) => {
  let reply: EncodeReply
  try {
    reply = { id, ok: true, jpeg: new Uint8Array(encodeJpeg(frame)) }
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(reply, reply.ok ? [reply.jpeg.buffer as ArrayBuffer] : [])
})
