import type { WebSocket } from 'ws'
import type { LiveStream } from '../core/ingest/live-stream'
import { encodeMediaHeader } from '../shared/media-frames'

/**
 * Pipes one camera's live stream into one viewer's socket. The socket's own send buffer tells the
 * stream when this viewer falls behind, so it skips to the next keyframe instead of lagging.
 */
export function pipeLiveStream(socket: WebSocket, stream: LiveStream): void {
  const unsubscribe = stream.subscribe({
    onMessage: (message) => {
      if (socket.readyState !== socket.OPEN) return
      // One WebSocket message in two parts: the header, then the video bytes as they are, uncopied.
      socket.send(encodeMediaHeader(message), { binary: true, fin: false })
      socket.send(message.data, { binary: true, fin: true })
    },
    bufferedAmount: () => socket.bufferedAmount
  })
  socket.on('close', unsubscribe)
  socket.on('error', unsubscribe)
  // Viewers only listen: anything they send is a protocol error.
  socket.on('message', () => socket.close(1008, 'media channel is receive-only'))
}
