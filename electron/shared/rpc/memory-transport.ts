import { Listeners, type Transport } from './transport'

/**
 * Two connected in-memory ends. Messages are structured-cloned and delivered asynchronously,
 * like a real port, so code that works here does not rely on shared references or synchronous replies.
 */
export function createMemoryTransportPair(): [Transport, Transport] {
  const aMessages = new Listeners<[unknown]>()
  const bMessages = new Listeners<[unknown]>()
  const closes = new Listeners<[]>()
  let closed = false

  const close = (): void => {
    if (closed) return
    closed = true
    queueMicrotask(() => closes.emit())
  }

  const end = (incoming: Listeners<[unknown]>, outgoing: Listeners<[unknown]>): Transport => ({
    send(message) {
      if (closed) return
      const copy = structuredClone(message)
      queueMicrotask(() => outgoing.emit(copy))
    },
    onMessage: (listener) => incoming.add(listener),
    onClose: (listener) => closes.add(listener),
    close
  })

  return [end(aMessages, bMessages), end(bMessages, aMessages)]
}
