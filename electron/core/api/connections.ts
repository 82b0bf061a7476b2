import type { EventName, EventPayload } from '../../shared/contract'
import type { Connection } from '../../shared/rpc/server'
import type { SessionContext } from './context'

interface Entry {
  connection: Connection
  context: SessionContext
}

/** Every screen currently connected to the core, with who is signed in on it. */
export class ConnectionSet {
  private readonly entries = new Set<Entry>()

  add(connection: Connection, context: SessionContext): void {
    const entry = { connection, context }
    this.entries.add(entry)
    connection.onClose(() => this.entries.delete(entry))
  }

  /**
   * Sends an event to every signed-in screen for which `payloadFor` gives a payload; null skips that
   * screen (a camera outside its scope, say). Screens with nobody signed in get nothing.
   */
  broadcast<E extends EventName>(event: E, payloadFor: (context: SessionContext) => EventPayload<E> | null): void {
    for (const { connection, context } of this.entries) {
      if (context.session?.state !== 'active') continue
      const payload = payloadFor(context)
      if (payload !== null) connection.emit(event, payload)
    }
  }

  /** Sends an event to the screens of one session, whatever its state (lock and end notices). */
  emitToSession<E extends EventName>(sessionId: string, event: E, payload: EventPayload<E>): void {
    for (const { connection, context } of this.entries) {
      if (context.session?.id === sessionId) connection.emit(event, payload)
    }
  }

  closeAll(): void {
    for (const { connection } of [...this.entries]) connection.close()
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
