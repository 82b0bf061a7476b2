import { useEffect } from 'react'

/** What counts as someone at the workstation. Video playing on its own does not. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const

/**
 * Calls `report` on every sign of the person's presence while `enabled`; the session store decides how
 * often the core hears of it. Capture phase, so that a component stopping propagation still counts.
 */
export function useActivityReports(report: () => void, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    const options: AddEventListenerOptions = { capture: true, passive: true }
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, report, options)
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, report, options)
    }
  }, [report, enabled])
}
