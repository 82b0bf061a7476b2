/**
 * A bidirectional message pipe. Each implementation (in-memory, MessagePort, WebSocket) is tested by
 * the same contract suite, so the RPC layer never knows which one it rides on.
 */
export interface Transport {
  send(message: unknown): void
  onMessage(listener: (message: unknown) => void): () => void
  onClose(listener: () => void): () => void
  close(): void
}

/** Small listener registry shared by the transport implementations. */
export class Listeners<T extends unknown[]> {
  private readonly set = new Set<(...args: T) => void>()

  add(listener: (...args: T) => void): () => void {
    this.set.add(listener)
    return () => this.set.delete(listener)
  }

  emit(...args: T): void {
    for (const listener of [...this.set]) listener(...args)
  }

  clear(): void {
    this.set.clear()
  }
}
