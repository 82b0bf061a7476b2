import { useEffect, useState } from 'react'

/**
 * The value once it has stopped changing for `delayMs`: moving quickly through the queue does not open
 * a recording or a live stream for every alert passed over (each opening is a viewing the core audits).
 */
export function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    if (Object.is(value, settled)) return
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, settled, delayMs])
  return settled
}
