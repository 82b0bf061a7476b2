import type { RecordedSpan } from '../../../../electron/shared/recording'
import { timeToX, type TimeWindow } from './timeline-scale'

/**
 * What is recorded when, as the timeline draws it and as the players decide whether a camera has an
 * image at a given moment. Pure functions of spans (ms since the epoch) and pixels.
 */

/**
 * Two recordings closer than this are one for the operator: segments follow each other with a few
 * milliseconds between them, and a recorder restart leaves a second or two.
 */
export const SPAN_JOIN_MS = 2_000

/**
 * Sorted, each span once, touching or near ones joined. An empty span is kept: it is the segment
 * being written, indexed when opened and given its end when closed (« recording since then »).
 */
export function mergeSpans(spans: readonly RecordedSpan[], joinMs = SPAN_JOIN_MS): RecordedSpan[] {
  const sorted = spans.filter((span) => span.end >= span.start).sort((a, b) => a.start - b.start)
  const merged: RecordedSpan[] = []
  for (const span of sorted) {
    const last = merged[merged.length - 1]
    if (last && span.start <= last.end + joinMs) last.end = Math.max(last.end, span.end)
    else merged.push({ start: span.start, end: span.end })
  }
  return merged
}

/** The span holding `time`, in spans as mergeSpans() returns them (binary search: a week has thousands). */
export function spanAt(spans: readonly RecordedSpan[], time: number): RecordedSpan | null {
  let low = 0
  let high = spans.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const span = spans[middle]
    if (time < span.start) high = middle - 1
    else if (time > span.end) low = middle + 1
    else return span
  }
  return null
}

/** The start of the first span after `time`, or null when nothing more is recorded. */
export function nextSpanStart(spans: readonly RecordedSpan[], time: number): number | null {
  for (const span of spans) if (span.start > time) return span.start
  return null
}

/** The end of the last span that ends before `time`, or null. */
export function previousSpanEnd(spans: readonly RecordedSpan[], time: number): number | null {
  let found: number | null = null
  for (const span of spans) {
    if (span.end >= time) break
    found = span.end
  }
  return found
}

/** What the timeline knows of a camera: its merged spans and the period they were asked for. */
export interface KnownSpans {
  spans: RecordedSpan[]
  from: number
  to: number
}

/**
 * Whether a camera has an image at `time`: 'yes' inside a span, 'no' in a gap the timeline knows, and
 * 'maybe' where the timeline has not looked, or just after the newest span (the segment being written
 * is indexed only when it closes).
 */
export type RecordingPresence = 'yes' | 'no' | 'maybe'

/** How long the newest span may lag behind the present while the camera records (a segment's length and more). */
export const OPEN_SEGMENT_SLACK_MS = 45_000

export function recordingAt(known: KnownSpans | undefined, time: number, now: number): RecordingPresence {
  if (!known || time < known.from || time > known.to) return 'maybe'
  if (spanAt(known.spans, time) !== null) return 'yes'
  const newest = known.spans[known.spans.length - 1]
  const recordingNow = newest !== undefined && known.to - newest.end <= OPEN_SEGMENT_SLACK_MS
  if (recordingNow && time > newest.end && time <= now) return 'maybe'
  return 'no'
}

/** A horizontal stretch in pixels, for the spans and legal holds drawn on a track. */
export interface PixelRun {
  x: number
  width: number
  start: number
  end: number
}

/**
 * Spans as rectangles on a track `width` pixels wide: clipped to the window, at least `minWidth`
 * pixels wide (a few seconds stay visible on a week), and joined when they would touch on screen.
 */
export function layoutRuns(spans: readonly RecordedSpan[], window: TimeWindow, width: number, minWidth = 2): PixelRun[] {
  const runs: PixelRun[] = []
  for (const span of spans) {
    if (span.end < window.start || span.start > window.end) continue
    const start = Math.max(span.start, window.start)
    const end = Math.min(span.end, window.end)
    const x = Math.max(0, timeToX(window, width, start))
    const right = Math.min(width, Math.max(x + minWidth, timeToX(window, width, end)))
    const last = runs[runs.length - 1]
    if (last && x <= last.x + last.width + 0.5) {
      last.width = Math.max(last.width, right - last.x)
      last.end = Math.max(last.end, end)
    } else {
      runs.push({ x, width: right - x, start, end })
    }
  }
  return runs
}

export interface PlacedMarker<T> {
  x: number
  items: T[]
}

/**
 * Point events (alerts) as markers: those falling within `minGap` pixels of each other share one
 * marker, which keeps a busy week readable and clickable (the marker jumps to the first of them).
 */
export function layoutMarkers<T>(items: readonly T[], timeOf: (item: T) => number, window: TimeWindow, width: number, minGap = 6): PlacedMarker<T>[] {
  const visible = items
    .map((item) => ({ item, time: timeOf(item) }))
    .filter(({ time }) => time >= window.start && time <= window.end)
    .sort((a, b) => a.time - b.time)
  const markers: PlacedMarker<T>[] = []
  for (const { item, time } of visible) {
    const x = timeToX(window, width, time)
    const last = markers[markers.length - 1]
    if (last && x - last.x < minGap) last.items.push(item)
    else markers.push({ x, items: [item] })
  }
  return markers
}
