import { useEffect, useRef } from 'react'
import { reviewActionFor, type KeyTarget, type ReviewAction } from './review-keys'

/** What a key was pressed on, in the terms of the keyboard map. */
export function keyTarget(target: EventTarget | null): KeyTarget {
  if (!(target instanceof HTMLElement)) return 'other'
  if (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return 'text'
  if (target.closest('button, a[href], summary, video[controls], [role="button"], [role="tab"], [role="menuitem"]')) return 'control'
  return 'other'
}

/**
 * The review shortcuts, on the whole window while the queue is shown. Silent while a dialog is open
 * (its own keys win: Escape closes it, Enter submits it) and while typing in a field.
 */
export function useReviewKeys(onAction: (action: ReviewAction) => void, enabled: boolean): void {
  const handler = useRef(onAction)
  useEffect(() => {
    handler.current = onAction
  })
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return
      if (document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]')) return
      const action = reviewActionFor({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, target: keyTarget(event.target) })
      if (!action) return
      event.preventDefault()
      handler.current(action)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
