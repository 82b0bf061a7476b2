import { useEffect, useState } from 'react'

/** The current time, renewed every `intervalMs`: for countdowns that must not freeze on a screen left open. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
