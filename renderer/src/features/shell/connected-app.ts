import type { RpcClient } from '../../../../electron/shared/rpc/client'
import { observeFailures } from '../../api/observed-client'
import { createSessionStore, type SessionStore } from '../../stores/session-store'
import { browserTokenStorage } from '../../stores/session-token'
import type { CoreConnection } from '../../transport/connect'

export interface ConnectedApp {
  connection: CoreConnection
  session: SessionStore
  /** The client the screens use: the session hears of every refusal it made. */
  client: RpcClient
}

export function createConnectedApp(connection: CoreConnection): ConnectedApp {
  // The session store talks to the core directly: a wrong password it sends is no reason to sign out.
  const session = createSessionStore(connection.client, browserTokenStorage())
  const client = observeFailures(connection.client, (error) => session.getState().noteFailure(error))
  return { connection, session, client }
}
