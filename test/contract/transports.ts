import WebSocket from 'ws'
import { createRpcClient, type RpcClient } from '../../electron/shared/rpc/client'
import { createMemoryTransportPair } from '../../electron/shared/rpc/memory-transport'
import { createMessagePortTransport } from '../../electron/shared/rpc/message-port-transport'
import { createWebSocketTransport } from '../../electron/shared/rpc/websocket-transport'
import type { Transport } from '../../electron/shared/rpc/transport'
import { startWebServer, type WebServer } from '../../electron/hosts/web/web-server'
import type { Core } from '../../electron/core/create-core'

/** A client connected to a core over one kind of transport, plus a raw handle for forged frames. */
export interface ConnectedClient {
  client: RpcClient
  /** The client's own transport, to send frames a well-behaved client never would. */
  raw: Transport
  close(): Promise<void>
}

export interface TransportKind {
  name: string
  connect(core: Core): Promise<ConnectedClient>
}

export const memoryTransport: TransportKind = {
  name: 'in-memory pair',
  async connect(core) {
    const [clientEnd, coreEnd] = createMemoryTransportPair()
    core.connect(coreEnd, { transport: 'memory', workstation: 'test' })
    return { client: createRpcClient(clientEnd), raw: clientEnd, close: async () => clientEnd.close() }
  }
}

export const messagePortTransport: TransportKind = {
  name: 'MessagePort',
  async connect(core) {
    const { port1, port2 } = new MessageChannel()
    core.connect(createMessagePortTransport(port2), { transport: 'message-port', workstation: 'test' })
    const clientEnd = createMessagePortTransport(port1)
    return { client: createRpcClient(clientEnd), raw: clientEnd, close: async () => clientEnd.close() }
  }
}

/** Opens a socket to the headless web server the way the browser page would: launch cookie + own origin. */
export async function openConsoleSocket(web: WebServer, path: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const url = new URL(web.url)
  const token = url.searchParams.get('token') ?? ''
  const socket = new WebSocket(`ws://${url.host}${path}`, {
    headers: { Cookie: `vigie_token_${url.port}=${token}`, Origin: `http://${url.host}`, ...headers }
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return socket
}

export const webSocketTransport: TransportKind = {
  name: 'WebSocket (headless host)',
  async connect(core) {
    const web = await startWebServer({ core, surface: 'console', port: 0, rendererDir: undefined, log: () => {} })
    const socket = await openConsoleSocket(web, '/api')
    const clientEnd = createWebSocketTransport(socket)
    return {
      client: createRpcClient(clientEnd),
      raw: clientEnd,
      async close() {
        clientEnd.close()
        await web.close()
      }
    }
  }
}

export const ALL_TRANSPORTS = [memoryTransport, messagePortTransport, webSocketTransport]
