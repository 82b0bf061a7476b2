import { Listeners, type Transport } from './transport'

/** The part of a DOM (or Node worker_threads) MessagePort that the transport needs. */
export interface DomStylePort {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: Event) => void): void
  start?(): void
  close(): void
}

/**
 * Transport over a MessagePort: the desktop app's channel between the window and the core's utility
 * process. MessagePorts have no close event, so either side announces its close with a sentinel.
 */
const CLOSE_SENTINEL = '__vigie_port_closed__'

export function createMessagePortTransport(port: DomStylePort): Transport {
  const messages = new Listeners<[unknown]>()
  const closes = new Listeners<[]>()
  let closed = false

  const markClosed = (): void => {
    if (closed) return
    closed = true
    closes.emit()
    messages.clear()
  }

  port.addEventListener('message', (event) => {
    const { data } = event as MessageEvent
    if (data === CLOSE_SENTINEL) {
      markClosed()
      port.close()
      return
    }
    if (!closed) messages.emit(data)
  })
  port.start?.()

  return {
    send(message) {
      if (!closed) port.postMessage(message)
    },
    onMessage: (listener) => messages.add(listener),
    onClose: (listener) => closes.add(listener),
    close() {
      if (closed) return
      port.postMessage(CLOSE_SENTINEL)
      markClosed()
      port.close()
    }
  }
}
