/**
 * The playback timeline's scale: which stretch of time is shown (a window), and where a moment falls
 * on the screen. Pure functions of epoch milliseconds and pixels, so they can be tested without a page.
 */

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** The zoom levels offered: an hour to look closely, a week to find a day. */
export const WINDOW_PRESETS = ['1h', '6h', '24h', '7d'] as const
export type WindowPreset = (typeof WINDOW_PRESETS)[number]

export const PRESET_DURATION_MS: Record<WindowPreset, number> = {
  '1h': HOUR_MS,
  '6h': 6 * HOUR_MS,
  '24h': DAY_MS,
  '7d': 7 * DAY_MS
}

/**
 * Nothing older than the law's month can still be recorded (CSI L252-5); a little beyond it, so that
 * a window of seven days ending a month ago can still be shown whole.
 */
export const OLDEST_SHOWN_MS = 32 * DAY_MS

/** A stretch of time shown on the timeline, ms since the epoch, `start` < `end`. */
export interface TimeWindow {
  start: number
  end: number
}

export function windowDuration(window: TimeWindow): number {
  return window.end - window.start
}

/** The preset whose duration the window has, if it has one (the zoom buttons show it pressed). */
export function presetOf(window: TimeWindow): WindowPreset | null {
  const duration = windowDuration(window)
  return WINDOW_PRESETS.find((preset) => PRESET_DURATION_MS[preset] === duration) ?? null
}

/** Where `time` falls, in pixels from the left of a track `width` pixels wide (may be outside it). */
export function timeToX(window: TimeWindow, width: number, time: number): number {
  const duration = windowDuration(window)
  if (duration <= 0 || width <= 0) return 0
  return ((time - window.start) / duration) * width
}

/** The moment under `x`, clamped to the window (a pointer dragged past the edge stays on it). */
export function xToTime(window: TimeWindow, width: number, x: number): number {
  if (width <= 0) return window.start
  const fraction = Math.min(1, Math.max(0, x / width))
  return Math.round(window.start + fraction * windowDuration(window))
}

/** A window of `duration` with `time` at `position` (0 left edge, 1 right edge). */
export function windowAround(time: number, duration: number, position = 0.5): TimeWindow {
  const start = Math.round(time - duration * position)
  return { start, end: start + duration }
}

/**
 * Keeps the window where recordings can be: never starting before the oldest possible one, never
 * ending far past now (a twentieth of the window, so « now » stays visible at the right edge).
 */
export function clampWindow(window: TimeWindow, now: number): TimeWindow {
  const duration = windowDuration(window)
  const latestEnd = now + Math.round(duration / 20)
  const earliestStart = now - OLDEST_SHOWN_MS
  let start = window.start
  if (start + duration > latestEnd) start = latestEnd - duration
  if (start < earliestStart) start = earliestStart
  return { start, end: start + duration }
}

/** Moves the window by a fraction of its duration (negative: towards the past). */
export function panWindow(window: TimeWindow, fraction: number, now: number): TimeWindow {
  const shift = Math.round(windowDuration(window) * fraction)
  return clampWindow({ start: window.start + shift, end: window.end + shift }, now)
}

/**
 * Changes the duration shown while keeping `anchor` (the playhead) where it was on the screen, or in
 * the middle when it was not in view.
 */
export function zoomWindow(window: TimeWindow, duration: number, anchor: number, now: number): TimeWindow {
  const current = windowDuration(window)
  const position = current > 0 && anchor >= window.start && anchor <= window.end ? (anchor - window.start) / current : 0.5
  return clampWindow(windowAround(anchor, duration, position), now)
}

/**
 * The window to show while the playhead moves: unchanged while it is in view, else turned like a page
 * so that the playhead comes back near the left edge (a tenth in), with what follows ahead of it.
 */
export function followPlayhead(window: TimeWindow, time: number, now: number): TimeWindow {
  const duration = windowDuration(window)
  const margin = duration / 50
  if (time >= window.start && time <= window.end - margin) return window
  return clampWindow(windowAround(time, duration, 0.1), now)
}

/**
 * The period asked of the core for a window: half a window more on each side (a pan shows data at
 * once), in quarter-window steps so that small moves ask nothing new.
 */
export function fetchRange(window: TimeWindow): { from: number; to: number } {
  const duration = windowDuration(window)
  const unit = duration / 4
  const from = Math.floor((window.start - duration / 2) / unit) * unit
  // From `from`, two windows and a quarter always reach half a window past the end.
  return { from, to: from + 2 * duration + unit }
}

/** Tick intervals, smallest first; the first giving labels at least `minSpacing` pixels apart is used. */
const TICK_STEPS_MS = [
  MINUTE_MS,
  2 * MINUTE_MS,
  5 * MINUTE_MS,
  10 * MINUTE_MS,
  15 * MINUTE_MS,
  30 * MINUTE_MS,
  HOUR_MS,
  2 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS
]

export interface AxisTick {
  time: number
  x: number
  /** Local midnight: the label names the day rather than the hour. */
  day: boolean
}

export function tickStep(window: TimeWindow, width: number, minSpacing = 90): number {
  const duration = windowDuration(window)
  if (width <= 0 || duration <= 0) return DAY_MS
  return TICK_STEPS_MS.find((step) => (step / duration) * width >= minSpacing) ?? DAY_MS
}

/** Local midnight of the day holding `time` (the machine's time zone: the operators' own). */
export function localDayStart(time: number): number {
  const day = new Date(time)
  day.setHours(0, 0, 0, 0)
  return day.getTime()
}

/**
 * The axis' graduations in the window, on round local times (every 15 min: hh:00, hh:15…), counted
 * from each local midnight so that a daylight-saving change shifts no label.
 */
export function axisTicks(window: TimeWindow, width: number, minSpacing = 90): AxisTick[] {
  const step = tickStep(window, width, minSpacing)
  const ticks: AxisTick[] = []
  let day = localDayStart(window.start)
  // A week at most is shown: the loop is bounded by the days in the window.
  while (day <= window.end) {
    const next = localDayStart(day + DAY_MS + 2 * HOUR_MS)
    for (let time = day; time < next && time <= window.end; time += step) {
      if (time >= window.start) ticks.push({ time, x: timeToX(window, width, time), day: time === day })
      if (step >= DAY_MS) break
    }
    day = next
  }
  return ticks
}
