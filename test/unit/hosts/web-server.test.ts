import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../../electron/hosts/web/web-server'
import { startTestCore, type CoreHarness } from '../../fixtures/core-harness'

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function httpGet(port: number, path: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers })
    socket.once('open', () => {
      socket.close()
      resolve(101)
    })
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    socket.once('error', () => resolve(-1))
  })
}

describe('headless web server access guard', () => {
  let harness: CoreHarness
  let web: WebServer
  let rendererDir: string
  let port: number
  let token: string
  let host: string
  const cookie = (): string => `vigie_token_${port}=${token}`

  beforeAll(async () => {
    harness = await startTestCore()
    rendererDir = await mkdtemp(join(tmpdir(), 'vigie-renderer-'))
    await mkdir(join(rendererDir, 'assets'))
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Vigie</title>')
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    web = await startWebServer({ core: harness.core, surface: 'console', rendererDir, port: 0, log: () => {} })
    const url = new URL(web.url)
    port = Number(url.port)
    token = url.searchParams.get('token') ?? ''
    host = `127.0.0.1:${port}`
  })

  afterAll(async () => {
    await web.close()
    await harness.dispose()
    await rm(rendererDir, { recursive: true, force: true })
  })

  it('listens on loopback only and hands out a token of at least 128 bits', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/)
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16)
  })

  it('refuses a request without the token', async () => {
    const res = await httpGet(port, '/', { Host: host })
    expect(res.status).toBe(401)
    expect(res.body).not.toContain('<title>Vigie')
  })

  it('refuses a wrong token of the same length', async () => {
    const wrong = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
    expect((await httpGet(port, '/', { Host: host, Cookie: `vigie_token_${port}=${wrong}` })).status).toBe(401)
  })

  it('trades the URL token for an HttpOnly, SameSite=Strict cookie', async () => {
    const res = await httpGet(port, `/?token=${token}`, { Host: host })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/')
    expect(String(res.headers['set-cookie'])).toMatch(new RegExp(`vigie_token_${port}=${token}; HttpOnly; SameSite=Strict`))
  })

  it('lets a fresh launch URL win over a stale cookie from an earlier launch', async () => {
    const res = await httpGet(port, `/?token=${token}`, { Host: host, Cookie: `vigie_token_${port}=stale-from-yesterday` })
    expect(res.status).toBe(303)
  })

  it('serves the renderer with a strict CSP once the cookie is presented', async () => {
    const res = await httpGet(port, '/assets/app.js', { Host: host, Cookie: cookie() })
    expect(res.status).toBe(200)
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline')
  })

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    const res = await httpGet(port, '/', { Host: `attacker.example:${port}`, Cookie: cookie() })
    expect(res.status).toBe(403)
  })

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json']) {
      const res = await httpGet(port, path, { Host: host, Cookie: cookie() })
      expect(res.body).not.toContain('"name"')
      expect(res.body).not.toContain('root:')
    }
  })

  it('accepts the API socket from its own origin with the cookie', async () => {
    expect(await upgradeStatus(`ws://${host}/api`, { Cookie: cookie(), Origin: `http://${host}` })).toBe(101)
  })

  it('refuses the API socket from another origin, even with the cookie', async () => {
    expect(await upgradeStatus(`ws://${host}/api`, { Cookie: cookie(), Origin: 'https://evil.example' })).toBe(403)
  })

  it('refuses the API socket without the token', async () => {
    expect(await upgradeStatus(`ws://${host}/api`, { Origin: `http://${host}` })).toBe(401)
  })

  it('refuses a media socket without a valid one-time ticket', async () => {
    const headers = { Cookie: cookie(), Origin: `http://${host}` }
    expect(await upgradeStatus(`ws://${host}/media/demo-parvis?ticket=forged`, headers)).toBe(403)
  })
})
