import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { hostname } from 'node:os'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Core } from '../../core/create-core'
import { createWebSocketTransport, MAX_RPC_FRAME_BYTES } from '../../shared/rpc/websocket-transport'
import { pipeLiveStream } from '../media-socket'
import { checkRequest, createLaunchToken, queryToken, tokenCookieName } from './access-guard'
import { SECURITY_HEADERS, serveStatic } from './static-files'

export interface WebServerOptions {
  core: Core
  /**
   * 'console': the renderer, the API and media, for a browser (headless host).
   * 'media': live media only, for the desktop window, whose API rides a MessagePort instead.
   */
  surface: 'console' | 'media'
  rendererDir?: string
  port: number
  log: (message: string) => void
}

export interface WebServer {
  url: string
  server: Server
  close(): Promise<void>
}

const MEDIA_PATH = /^\/media\/([a-z0-9][a-z0-9_-]{0,63})$/

/**
 * The headless host's network face: the renderer build, the contract over /api, and live media
 * over /media/<camera>. Listens on 127.0.0.1 only; every request passes the access guard first.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = createLaunchToken()
  let port = 0
  const guard = {
    token,
    cookieName: () => tokenCookieName(port),
    allowedHosts: () => [`127.0.0.1:${port}`, `localhost:${port}`],
    // The desktop window is a file:// page, which browsers report as "file://" or the opaque "null".
    allowedOrigins: () =>
      options.surface === 'console' ? [`http://127.0.0.1:${port}`, `http://localhost:${port}`] : ['file://', 'null']
  }
  const rpcSockets = new WebSocketServer({ noServer: true, maxPayload: MAX_RPC_FRAME_BYTES })
  const mediaSockets = new WebSocketServer({ noServer: true, maxPayload: 1024 })

  const server = createServer((request, response) => {
    const verdict = checkRequest(request, guard, 'http')
    if (!verdict.allowed) {
      response.writeHead(verdict.status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
      response.end(verdict.status === 401 ? 'Accès refusé : jeton manquant ou invalide.' : 'Accès refusé.')
      return
    }
    const rendererDir = options.rendererDir
    if (options.surface === 'media' || !rendererDir) {
      response.writeHead(404, SECURITY_HEADERS).end()
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, SECURITY_HEADERS).end()
      return
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    if (queryToken(request)) {
      // First load: trade the token in the URL for a strict cookie, then drop it from the address bar.
      url.searchParams.delete('token')
      response.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search
      })
      response.end()
      return
    }
    serveStatic(rendererDir, url.pathname, response).catch((error: unknown) => {
      options.log(`static: ${(error as Error).message}`)
      if (!response.headersSent) response.writeHead(500, SECURITY_HEADERS)
      response.end()
    })
  })

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number): void => {
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`)
    }
    const verdict = checkRequest(request, guard, 'websocket')
    if (!verdict.allowed) return refuse(verdict.status)
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname === '/api' && options.surface === 'console') {
      rpcSockets.handleUpgrade(request, socket, head, (ws: WebSocket) => {
        options.core.connect(createWebSocketTransport(ws), { transport: 'websocket', workstation: `navigateur sur ${hostname()}` })
      })
      return
    }
    const media = MEDIA_PATH.exec(url.pathname)
    if (media) {
      let viewer: WebSocket | null = null
      // The core may cut the view (screen locked, signed out) before or after the socket opens.
      let cut = false
      const closeSocket = (): void => {
        cut = true
        viewer?.close(1000, 'session')
      }
      void options.core
        .openMedia(media[1], url.searchParams.get('ticket') ?? '', closeSocket)
        .then((access) => {
          if (!access) return refuse(403)
          mediaSockets.handleUpgrade(request, socket, head, (ws: WebSocket) => {
            viewer = ws
            ws.on('close', access.onClose)
            pipeLiveStream(ws, access.stream)
            if (cut) ws.close(1000, 'session')
          })
        })
        .catch((error: unknown) => {
          options.log(`media: ${(error as Error).message}`)
          refuse(403)
        })
      return
    }
    refuse(403)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const base = `http://127.0.0.1:${port}`
  const mediaBase = base.replace('http:', 'ws:')
  options.core.setMediaUrl((cameraId, ticket) => {
    const url = new URL(`${mediaBase}/media/${encodeURIComponent(cameraId)}`)
    url.searchParams.set('ticket', ticket)
    // The console's page carries the launch token in its cookie; the desktop window has no cookie.
    if (options.surface === 'media') url.searchParams.set('token', token)
    return url.toString()
  })

  return {
    url: `${base}/?token=${token}`,
    server,
    async close() {
      for (const ws of [...rpcSockets.clients, ...mediaSockets.clients]) ws.terminate()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    }
  }
}
