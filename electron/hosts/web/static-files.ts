import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav'
}

/** The same policy as the desktop window's, so the browser console runs under identical rules. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'"
].join('; ')

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY'
}

/**
 * Serves the renderer build. Paths are resolved inside `root` only: `..`, encoded separators and
 * absolute paths never escape it. Unknown paths fall back to index.html (single-page app).
 */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    response.writeHead(400, SECURITY_HEADERS).end('Bad request')
    return
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  const candidate = join(root, relative)
  if (decoded.includes('\0') || (candidate !== root && !candidate.startsWith(root + sep))) {
    response.writeHead(400, SECURITY_HEADERS).end('Bad request')
    return
  }
  let file = candidate
  let info = await stat(file).catch(() => null)
  if (!info || info.isDirectory() || !extname(file)) {
    file = join(root, 'index.html')
    info = await stat(file).catch(() => null)
  }
  if (!info || !info.isFile()) {
    response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
    response.end("Interface introuvable : lancez « npm run build ».")
    return
  }
  const isHtml = file.endsWith('.html')
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': isHtml ? 'no-store' : 'private, max-age=3600'
  })
  createReadStream(file).pipe(response)
}
