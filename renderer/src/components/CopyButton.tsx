import { useEffect, useState } from 'react'

export interface CopyButtonProps {
  text: string
  label: string
  /** Said for a moment once the text is on the clipboard. */
  doneLabel: string
  /** Said when the browser refuses the clipboard (no secure context, permission denied). */
  failedLabel: string
  /** The accessible name, when the visible label alone would not say what is copied. */
  ariaLabel?: string
  testId?: string
}

type CopyState = 'idle' | 'done' | 'failed'

const FEEDBACK_MS = 2000

/** Puts a value on the clipboard and says so, rather than leaving the person to wonder. */
export function CopyButton({ text, label, doneLabel, failedLabel, ariaLabel, testId }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle')

  useEffect(() => {
    if (state !== 'done') return
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS)
    return () => clearTimeout(timer)
  }, [state])

  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setState('done'),
      () => setState('failed')
    )
  }

  return (
    <>
      <button type="button" className="button button--small button--ghost" onClick={copy} aria-label={ariaLabel} data-testid={testId}>
        {state === 'done' ? doneLabel : label}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'done' ? doneLabel : ''}
      </span>
      {state === 'failed' ? <span className="form__hint">{failedLabel}</span> : null}
    </>
  )
}
