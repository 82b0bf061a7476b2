/**
 * Windowing for long lists: only the rows in view (and a few around) are rendered, whatever the number
 * loaded. Rows have one fixed height, so every position is a multiplication and nothing is measured.
 */
export interface WindowInput {
  scrollTop: number
  viewportHeight: number
  rowHeight: number
  count: number
  /** Rows rendered beyond each edge, so that a fast scroll does not show blank space for a frame. */
  overscan?: number
}

export interface WindowRange {
  /** First row rendered (inclusive). */
  start: number
  /** Row after the last rendered (exclusive). */
  end: number
  /** Pixels above the first rendered row. */
  offset: number
  /** Height of the whole list, rendered or not. */
  totalHeight: number
}

export const DEFAULT_OVERSCAN = 6

export function virtualWindow({ scrollTop, viewportHeight, rowHeight, count, overscan = DEFAULT_OVERSCAN }: WindowInput): WindowRange {
  const totalHeight = Math.max(0, count) * rowHeight
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0, totalHeight }
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, totalHeight - viewportHeight))
  const firstVisible = Math.floor(top / rowHeight)
  const lastVisible = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight)
  const start = Math.max(0, firstVisible - overscan)
  const end = Math.min(count, Math.max(lastVisible, firstVisible + 1) + overscan)
  return { start, end, offset: start * rowHeight, totalHeight }
}

/** Whether the next page should be asked for: the rendered window comes within `threshold` rows of the end of what is loaded. */
export function needsMore(range: Pick<WindowRange, 'end'>, loaded: number, hasMore: boolean, loading: boolean, threshold = 50): boolean {
  return hasMore && !loading && range.end >= loaded - threshold
}

/** The scroll position that brings row `index` fully into view, or null when it already is. */
export function scrollToReveal(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number | null {
  const top = index * rowHeight
  const bottom = top + rowHeight
  if (top < scrollTop) return top
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight
  return null
}
