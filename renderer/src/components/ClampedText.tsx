import { useLayoutEffect, useRef, useState } from 'react'

export interface ClampedTextProps {
  text: string
  moreLabel: string
  lessLabel: string
  className?: string
  testId?: string
}

/**
 * A long text cut to a few lines (see .clamped-text) with a button to read the rest, offered only when
 * something is actually cut. The whole text stays in the page, for search and screen readers alike.
 */
export function ClampedText({ text, moreLabel, lessLabel, className, testId }: ClampedTextProps) {
  const paragraph = useRef<HTMLParagraphElement>(null)
  const [expanded, setExpanded] = useState(false)
  const [cut, setCut] = useState(false)

  useLayoutEffect(() => {
    const element = paragraph.current
    if (!element || expanded) return
    const measure = (): void => setCut(element.scrollHeight > element.clientHeight + 1)
    measure()
    // The cut moves with the width (window, layout, language switch).
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [text, expanded])

  return (
    <div className="clamped-text">
      <p ref={paragraph} className={`clamped-text__body ${className ?? ''}`} data-expanded={expanded} data-testid={testId}>
        {text}
      </p>
      {cut || expanded ? (
        <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded((open) => !open)}>
          {expanded ? lessLabel : moreLabel}
        </button>
      ) : null}
    </div>
  )
}
