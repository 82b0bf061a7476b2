import { toShownError, type ShownError } from '../../api/errors'

/**
 * A refused password or a locked account is an expected answer, told in the core's own words; its
 * machine code would only add noise for the person at the keyboard. Anything else keeps its code.
 */
export function toAuthError(error: unknown): ShownError {
  const shown = toShownError(error)
  return shown.code === 'UNAUTHENTICATED' ? { ...shown, code: null } : shown
}
