import { Listeners, type Transport } from './transport'

/** The part of a WebSocket (browser, or the `ws` package) that the transport needs. */
export interface WebSocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'close', listener: () => void): void
}

const OPEN = 1
/** Refuse absurd frames before parsing them: a forged client must not make the core allocate at will. */
export const MAX_RPC_FRAME_BYTES = 1024 * 1024

/** Transport over a WebSocket carrying JSON text frames: the headless host's channel to a browser. */
export function createWebSocketTransport(socket: WebSocketLike): Transport {
  const messages = new Listeners<[unknown]>()
  const closes = new Listeners<[]>()

  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string' || event.data.length > MAX_RPC_FRAME_BYTES) {
      socket.close(1009, 'frame refused')
      return
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(event.data)
    } catch {
      socket.close(1007, 'invalid JSON')
      return
    }
    messages.emit(parsed)
  })
  socket.addEventListener('close', () => {
    closes.emit()
    messages.clear()
  })

  return {
    send(message) {
      if (socket.readyState === OPEN) socket.send(JSON.stringify(message))
    },
    onMessage: (listener) => messages.add(listener),
    onClose: (listener) => closes.add(listener),
    close() {
      socket.close(1000, 'closed')
    }
  }
}
