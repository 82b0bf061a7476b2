import { writeDigesting, type FileDigest } from './integrity'

/** The part of `fetch` we use; global fetch fits, and tests can pass a small function serving bytes. */
export type FetchFn = (url: string, init: { signal: AbortSignal; redirect: 'follow' }) => Promise<Response>

export interface DownloadOptions {
  fetchFn: FetchFn
  /** Give up when the server sends nothing for this long (slow but steady downloads are fine). */
  idleTimeoutMs: number
  maxBytes: number
}

export class DownloadStalledError extends Error {
  constructor(readonly idleTimeoutMs: number) {
    super(`no data received for ${formatSeconds(idleTimeoutMs)}`)
    this.name = 'DownloadStalledError'
  }
}

export class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`the server answered HTTP ${status}`)
    this.name = 'HttpStatusError'
  }
}

/** Streams `url` into a new file at `path` and returns what was written. Never resolves later than one idle timeout. */
export async function downloadToFile(url: string, path: string, options: DownloadOptions): Promise<FileDigest> {
  const controller = new AbortController()
  const watchdog = setTimeout(() => controller.abort(new DownloadStalledError(options.idleTimeoutMs)), options.idleTimeoutMs)
  try {
    const response = await untilAborted(
      options.fetchFn(url, { signal: controller.signal, redirect: 'follow' }),
      controller.signal
    )
    if (!response.ok) throw new HttpStatusError(response.status)
    if (response.body === null) throw new Error('the server sent an empty response')
    const chunks = readBody(response.body, controller.signal, () => watchdog.refresh())
    return await writeDigesting(chunks, path, options.maxBytes)
  } finally {
    clearTimeout(watchdog)
  }
}

const UNRESOLVED_HOST_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN'])
const UNREACHABLE_HOST_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET'
])

/** True when the failure says nothing about the file but that the host cannot be reached at all. */
export function isUnreachableHost(error: unknown): boolean {
  const code = networkErrorCode(error)
  return code !== undefined && (UNRESOLVED_HOST_CODES.has(code) || UNREACHABLE_HOST_CODES.has(code))
}

/** One line a user can act on, for any way a download can fail. */
export function describeDownloadFailure(error: unknown, url: string): string {
  const host = hostOf(url)
  const code = networkErrorCode(error)
  if (code !== undefined && UNRESOLVED_HOST_CODES.has(code)) {
    return `cannot resolve ${host} (${code}): this machine seems to be offline`
  }
  if (code !== undefined && UNREACHABLE_HOST_CODES.has(code)) {
    return `cannot connect to ${host} (${code}): this machine seems to be offline or behind a firewall`
  }
  if (error instanceof DownloadStalledError) return `${host} stopped answering (${error.message})`
  return `${host}: ${messageWithCause(error)}`
}

/** Node's fetch says only "fetch failed"; the reason is in `cause`. */
function messageWithCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message
}

/** Rejects as soon as the signal aborts, even if the wrapped promise (e.g. a stub fetch) ignores the signal. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(toError(signal.reason))
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(toError(signal.reason))
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(toError(error))
      }
    )
  })
}

async function* readBody(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  onChunk: () => void
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal)
      if (done) return
      onChunk()
      yield value
    }
  } finally {
    // Stops the transfer when we quit early (too many bytes, timeout); not awaited because a stuck
    // connection must not hold up the caller.
    reader.cancel().catch(() => undefined)
  }
}

function networkErrorCode(error: unknown): string | undefined {
  // Node's fetch reports network failures as TypeError('fetch failed') with the system error in `cause`.
  for (let current: unknown = error, depth = 0; isRecord(current) && depth < 4; current = current.cause, depth++) {
    if (typeof current.code === 'string') return current.code
  }
  return undefined
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
}
