import { createRpcClient, type RpcClient } from '../../../electron/shared/rpc/client'
import { createMessagePortTransport } from '../../../electron/shared/rpc/message-port-transport'
import { createWebSocketTransport } from '../../../electron/shared/rpc/websocket-transport'

/**
 * Finds the way to the core. Two worlds, one contract:
 * - desktop: the preload forwards a MessagePort with `window.postMessage('vigie:port', '*', [port])`;
 * - browser: the headless host serves this page and the API on the same origin at `/api`
 *   (the session cookie set with the page authenticates the WebSocket).
 */
export type CoreMode = 'desktop' | 'browser'

export interface CoreConnection {
  mode: CoreMode
  client: RpcClient
}

export type ConnectFailure = 'noPort' | 'refused' | 'timeout'

export class CoreConnectError extends Error {
  constructor(readonly reason: ConnectFailure) {
    super(`Vigie: connection to the core failed (${reason})`)
    this.name = 'CoreConnectError'
  }
}

export const PORT_MESSAGE = 'vigie:port'
/** Posted once the page listens, for a preload that prefers to wait until someone is there to receive the port. */
export const READY_MESSAGE = 'vigie:ready'

export interface ConnectOptions {
  /** How long to wait for the preload's port before concluding this is a plain browser. */
  portWaitMs?: number
  /** Inside Electron there is no other way in, so waiting longer beats failing early. */
  desktopPortWaitMs?: number
  socketOpenTimeoutMs?: number
}

const DEFAULTS: Required<ConnectOptions> = { portWaitMs: 300, desktopPortWaitMs: 15_000, socketOpenTimeoutMs: 10_000 }

function isElectron(): boolean {
  return navigator.userAgent.includes('Electron/')
}

function isHttp(location: Location): boolean {
  return location.protocol === 'http:' || location.protocol === 'https:'
}

export function apiSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}/api`
}

function waitForPort(timeoutMs: number): Promise<MessagePort | null> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent): void => {
      // Only the preload, which shares this window, may hand over the port.
      if (event.source !== window || event.data !== PORT_MESSAGE) return
      const port = event.ports[0]
      if (!port) return
      cleanup()
      resolve(port)
    }
    const timer = setTimeout(() => {
      cleanup()
      resolve(null)
    }, timeoutMs)
    const cleanup = (): void => {
      clearTimeout(timer)
      window.removeEventListener('message', onMessage)
    }
    window.addEventListener('message', onMessage)
    window.postMessage(READY_MESSAGE, '*')
  })
}

function openSocket(url: string, timeoutMs: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    const timer = setTimeout(() => {
      socket.close()
      reject(new CoreConnectError('timeout'))
    }, timeoutMs)
    socket.addEventListener('open', () => {
      clearTimeout(timer)
      resolve(socket)
    })
    // A refused upgrade (no session, wrong origin, service down) surfaces as a close before open.
    socket.addEventListener('close', () => {
      clearTimeout(timer)
      reject(new CoreConnectError('refused'))
    })
  })
}

/**
 * Call as early as possible (before React renders): the port listener must be in place before the
 * preload posts. Resolves with a connected client, or rejects with a CoreConnectError.
 */
export async function connectToCore(options: ConnectOptions = {}): Promise<CoreConnection> {
  const settings = { ...DEFAULTS, ...options }
  const expectPort = isElectron() || !isHttp(window.location)
  if (expectPort) {
    const port = await waitForPort(isElectron() ? settings.desktopPortWaitMs : settings.portWaitMs)
    if (port) return { mode: 'desktop', client: createRpcClient(createMessagePortTransport(port)) }
    // Outside http(s) there is no host to fall back on.
    if (!isHttp(window.location)) throw new CoreConnectError('noPort')
  }
  const socket = await openSocket(apiSocketUrl(window.location), settings.socketOpenTimeoutMs)
  return { mode: 'browser', client: createRpcClient(createWebSocketTransport(socket)) }
}
