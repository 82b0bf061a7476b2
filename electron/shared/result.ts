/**
 * The envelope every call result travels in, whatever the transport.
 * Errors carry a stable machine code and a message meant for a person; never a stack trace.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  /** Signed in, but the screen is locked (idle): only the password (or signing out) opens it. */
  'LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'TIMEOUT',
  'TRANSPORT_CLOSED',
  'INTERNAL'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface RpcErrorBody {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcErrorBody }

/** Thrown by handlers (and by the client for failed calls) to carry a code across the boundary. */
export class RpcError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'RpcError'
  }

  toBody(): RpcErrorBody {
    return { code: this.code, message: this.message }
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } })
