import type { EventName, EventPayload } from '../../shared/contract'
import type { Connection } from '../../shared/rpc/server'

/** Every screen currently connected to the core, so that events reach all of them. */
export class ConnectionSet {
  private readonly connections = new Set<Connection>()

  add(connection: Connection): void {
    this.connections.add(connection)
    connection.onClose(() => this.connections.delete(connection))
  }

  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const connection of this.connections) connection.emit(event, payload)
  }

  closeAll(): void {
    for (const connection of [...this.connections]) connection.close()
    this.connections.clear()
  }

  get size(): number {
    return this.connections.size
  }
}
