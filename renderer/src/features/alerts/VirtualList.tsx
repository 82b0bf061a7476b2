import { Fragment, useEffect, useLayoutEffect, useRef, useState, type ReactNode, type UIEvent } from 'react'
import { virtualWindow, type WindowRange } from './virtual-window'

export interface VirtualListProps<T> {
  items: readonly T[]
  rowHeight: number
  rowKey: (item: T) => string | number
  renderRow: (item: T, index: number) => ReactNode
  /** Told whenever the rendered window changes (to load the next page in time). */
  onRangeChange?: (range: WindowRange) => void
  /** After the rows (a « loading » line, the end of the list). */
  footer?: ReactNode
  className?: string
  label: string
  testId?: string
}

/**
 * A list that renders only the rows in view, however many are loaded: the scroller holds a block as
 * tall as all the rows, and the visible ones are moved into place within it. Rows have one fixed height.
 */
export function VirtualList<T>({ items, rowHeight, rowKey, renderRow, onRangeChange, footer, className, label, testId }: VirtualListProps<T>) {
  const scrollerRef = useRef<HTMLDivElement>(null)
  const [viewport, setViewport] = useState({ scrollTop: 0, height: 0 })

  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    if (!scroller) return
    const measure = (): void => setViewport((current) => (current.height === scroller.clientHeight ? current : { ...current, height: scroller.clientHeight }))
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(scroller)
    return () => observer.disconnect()
  }, [])

  const onScroll = (event: UIEvent<HTMLDivElement>): void => {
    const scrollTop = event.currentTarget.scrollTop
    setViewport((current) => (current.scrollTop === scrollTop ? current : { ...current, scrollTop }))
  }

  const range = virtualWindow({ scrollTop: viewport.scrollTop, viewportHeight: viewport.height, rowHeight, count: items.length })
  const { start, end, offset, totalHeight } = range

  const reported = useRef<WindowRange | null>(null)
  useEffect(() => {
    const last = reported.current
    if (last && last.start === start && last.end === end && last.totalHeight === totalHeight) return
    reported.current = { start, end, offset, totalHeight }
    onRangeChange?.(reported.current)
  }, [start, end, offset, totalHeight, onRangeChange])

  const rows: ReactNode[] = []
  for (let index = start; index < end; index += 1) rows.push(<Fragment key={rowKey(items[index])}>{renderRow(items[index], index)}</Fragment>)

  return (
    <div
      ref={scrollerRef}
      className={`virtual-list ${className ?? ''}`}
      onScroll={onScroll}
      role="rowgroup"
      aria-label={label}
      tabIndex={0}
      data-testid={testId}
      data-start={start}
      data-end={end}
      data-count={items.length}
    >
      <div className="virtual-list__space" style={{ height: totalHeight }}>
        <div className="virtual-list__rows" style={{ transform: `translateY(${offset}px)` }}>
          {rows}
        </div>
      </div>
      {footer}
    </div>
  )
}
