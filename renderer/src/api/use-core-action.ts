import { useState } from 'react'
import { toShownError, type ShownError } from './errors'

/**
 * How every form hands an action to the core: busy while it runs; on success `onDone` (close the
 * dialog); on refusal the core's words are kept for display and the form stays as typed.
 */
export function useCoreAction(onDone: () => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)

  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await action()
      onDone()
    } catch (failure) {
      setError(toShownError(failure))
      setBusy(false)
    }
  }

  return { busy, error, setError, run }
}
