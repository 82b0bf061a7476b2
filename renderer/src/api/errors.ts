import { RpcError, type ErrorCode } from '../../../electron/shared/result'

/** What the screen shows of a failure: the core's own message, and its code when there is one. */
export interface ShownError {
  code: ErrorCode | null
  message: string
}

export function toShownError(error: unknown): ShownError {
  if (error instanceof RpcError) return { code: error.code, message: error.message }
  if (error instanceof Error) return { code: null, message: error.message }
  return { code: null, message: String(error) }
}
