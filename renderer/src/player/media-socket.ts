/**
 * The live media channel of one tile: a WebSocket carrying binary media frames, reopened with
 * exponential backoff whenever it closes while the tile is still shown. Every (re)connection asks for
 * a new URL, because the core's media tickets are single-use.
 */
export interface MediaSocketOptions {
  openUrl: () => Promise<string>
  /** A new connection is open: the next init segment starts a fresh decoder. */
  onConnected: () => void
  onFrame: (bytes: Uint8Array) => void
  /** Why no stream could be obtained (the core refused `live.open`…), or null once frames flow again. */
  onProblem: (message: string | null) => void
  initialDelayMs?: number
  maxDelayMs?: number
}

const DEFAULT_INITIAL_DELAY_MS = 500
const DEFAULT_MAX_DELAY_MS = 10_000

/** The core may hand out an absolute ws(s) URL or a path on this origin. */
export function resolveMediaUrl(url: string, base: string = window.location.href): string {
  const resolved = new URL(url, base)
  if (resolved.protocol === 'http:') resolved.protocol = 'ws:'
  if (resolved.protocol === 'https:') resolved.protocol = 'wss:'
  return resolved.toString()
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export class ReconnectingMediaSocket {
  private socket: WebSocket | null = null
  private retryTimer: ReturnType<typeof setTimeout> | null = null
  private failures = 0
  /** Identifies the current connection attempt; callbacks of older attempts are ignored. */
  private attemptId = 0
  private disposed = false
  private problemShown = false

  constructor(private readonly options: MediaSocketOptions) {}

  start(): void {
    void this.connect()
  }

  /** Drops the connection and opens a new one after `delayMs` (a broken decoder needs a fresh init segment). */
  restart(delayMs = 0): void {
    if (this.disposed) return
    this.attemptId += 1
    this.closeSocket()
    this.clearRetry()
    this.retryTimer = setTimeout(() => void this.connect(), delayMs)
  }

  dispose(): void {
    this.disposed = true
    this.attemptId += 1
    this.clearRetry()
    this.closeSocket()
  }

  private async connect(): Promise<void> {
    this.retryTimer = null
    const id = ++this.attemptId
    let url: string
    try {
      url = resolveMediaUrl(await this.options.openUrl())
    } catch (error) {
      if (!this.isCurrent(id)) return
      this.problemShown = true
      this.options.onProblem(messageOf(error))
      this.scheduleRetry()
      return
    }
    if (!this.isCurrent(id)) return

    const socket = new WebSocket(url)
    socket.binaryType = 'arraybuffer'
    this.socket = socket
    socket.addEventListener('open', () => {
      if (this.isCurrent(id)) this.options.onConnected()
    })
    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (!this.isCurrent(id) || !(event.data instanceof ArrayBuffer)) return
      this.failures = 0
      if (this.problemShown) {
        this.problemShown = false
        this.options.onProblem(null)
      }
      this.options.onFrame(new Uint8Array(event.data))
    })
    socket.addEventListener('close', () => {
      if (!this.isCurrent(id)) return
      this.socket = null
      this.scheduleRetry()
    })
  }

  private isCurrent(id: number): boolean {
    return !this.disposed && id === this.attemptId
  }

  private scheduleRetry(): void {
    if (this.disposed || this.retryTimer) return
    const initial = this.options.initialDelayMs ?? DEFAULT_INITIAL_DELAY_MS
    const max = this.options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS
    const base = Math.min(max, initial * 2 ** this.failures)
    this.failures += 1
    // Jitter keeps sixteen tiles from hammering a restarting core in the same millisecond.
    const delay = base * (0.8 + Math.random() * 0.4)
    this.retryTimer = setTimeout(() => void this.connect(), delay)
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private closeSocket(): void {
    const socket = this.socket
    this.socket = null
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000, 'tile closed')
  }
}
