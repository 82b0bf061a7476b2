import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Cookies ignore ports: two launches (one after the other, or side by side) on 127.0.0.1 would
 * overwrite each other's cookie if it had one fixed name. The port keeps them apart.
 */
export function tokenCookieName(port: number): string {
  return `vigie_token_${port}`
}

/** A per-launch secret: 256 random bits, base64url so it sits in a URL or a cookie unchanged. */
export function createLaunchToken(): string {
  return randomBytes(32).toString('base64url')
}

export interface GuardOptions {
  token: string
  cookieName: () => string
  /** Origins a browser page may call from (the host's own origin); anything else is refused. */
  allowedOrigins: () => string[]
  /** Host header values accepted: guards against DNS rebinding (a remote name pointing at 127.0.0.1). */
  allowedHosts: () => string[]
}

export type Verdict = { allowed: true } | { allowed: false; status: 401 | 403; reason: string }

function sameSecret(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false
  const a = Buffer.from(candidate)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return undefined
}

export function queryToken(request: IncomingMessage): string | undefined {
  return new URL(request.url ?? '/', 'http://placeholder').searchParams.get('token') ?? undefined
}

/**
 * Decides whether a request may reach the console. Every request needs the launch token (cookie, or
 * the query string on the very first page load); WebSocket upgrades must also come from an allowed
 * origin, because browsers attach cookies to cross-site socket requests.
 */
export function checkRequest(request: IncomingMessage, options: GuardOptions, kind: 'http' | 'websocket'): Verdict {
  const host = request.headers.host
  if (!host || !options.allowedHosts().includes(host.toLowerCase())) {
    return { allowed: false, status: 403, reason: 'host refused' }
  }
  const origin = request.headers.origin
  if (kind === 'websocket' && (!origin || !options.allowedOrigins().includes(origin))) {
    return { allowed: false, status: 403, reason: 'origin refused' }
  }
  if (kind === 'http' && origin && !options.allowedOrigins().includes(origin)) {
    return { allowed: false, status: 403, reason: 'origin refused' }
  }
  // A token in the URL is a fresh launch's: it wins over any cookie the browser kept.
  const presented = queryToken(request) ?? readCookie(request, options.cookieName())
  if (!sameSecret(presented, options.token)) return { allowed: false, status: 401, reason: 'token missing or wrong' }
  return { allowed: true }
}
