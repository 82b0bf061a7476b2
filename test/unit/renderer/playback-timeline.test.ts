import { describe, expect, it } from 'vitest'
import {
  layoutMarkers,
  layoutRuns,
  mergeSpans,
  nextSpanStart,
  OPEN_SEGMENT_SLACK_MS,
  previousSpanEnd,
  recordingAt,
  spanAt
} from '../../../renderer/src/features/playback/span-layout'
import {
  axisTicks,
  clampWindow,
  DAY_MS,
  fetchRange,
  followPlayhead,
  HOUR_MS,
  localDayStart,
  MINUTE_MS,
  OLDEST_SHOWN_MS,
  panWindow,
  presetOf,
  PRESET_DURATION_MS,
  tickStep,
  timeToX,
  windowAround,
  xToTime,
  zoomWindow
} from '../../../renderer/src/features/playback/timeline-scale'

// A fixed local moment, so that tick alignment does not depend on when the test runs.
const NOON = new Date(2026, 2, 14, 12, 0, 0).getTime()
const NOW = NOON + 6 * HOUR_MS

describe('timeline scale', () => {
  const window = { start: NOON, end: NOON + HOUR_MS }

  it('maps moments to pixels and back', () => {
    expect(timeToX(window, 600, NOON)).toBe(0)
    expect(timeToX(window, 600, NOON + 30 * MINUTE_MS)).toBe(300)
    expect(timeToX(window, 600, NOON + HOUR_MS)).toBe(600)
    // Outside the window: outside the track, not clamped (shapes are clipped by the drawing).
    expect(timeToX(window, 600, NOON - 30 * MINUTE_MS)).toBe(-300)
    expect(xToTime(window, 600, 300)).toBe(NOON + 30 * MINUTE_MS)
    for (const x of [0, 17, 299.5, 600]) expect(timeToX(window, 600, xToTime(window, 600, x))).toBeCloseTo(x, 6)
  })

  it('clamps a pointer dragged past the edges to the window', () => {
    expect(xToTime(window, 600, -50)).toBe(window.start)
    expect(xToTime(window, 600, 900)).toBe(window.end)
    expect(xToTime(window, 0, 10)).toBe(window.start)
  })

  it('names the zoom level of a window', () => {
    expect(presetOf(window)).toBe('1h')
    expect(presetOf({ start: 0, end: PRESET_DURATION_MS['7d'] })).toBe('7d')
    expect(presetOf({ start: 0, end: 5 })).toBeNull()
  })

  it('places a window around a moment', () => {
    expect(windowAround(NOON, HOUR_MS)).toEqual({ start: NOON - HOUR_MS / 2, end: NOON + HOUR_MS / 2 })
    expect(windowAround(NOON, HOUR_MS, 0.1)).toEqual({ start: NOON - HOUR_MS / 10, end: NOON + (9 * HOUR_MS) / 10 })
  })

  it('keeps the window where recordings can be: not far past now, not before the legal month', () => {
    const future = clampWindow({ start: NOW, end: NOW + HOUR_MS }, NOW)
    expect(future.end).toBe(NOW + HOUR_MS / 20)
    expect(future.end - future.start).toBe(HOUR_MS)
    const ancient = clampWindow({ start: NOW - 60 * DAY_MS, end: NOW - 60 * DAY_MS + HOUR_MS }, NOW)
    expect(ancient.start).toBe(NOW - OLDEST_SHOWN_MS)
  })

  it('pans by a fraction of the window, within the bounds', () => {
    const past = { start: NOON - 2 * HOUR_MS, end: NOON - HOUR_MS }
    expect(panWindow(past, -0.5, NOW)).toEqual({ start: past.start - HOUR_MS / 2, end: past.end - HOUR_MS / 2 })
    expect(panWindow(past, 0.5, NOW)).toEqual({ start: past.start + HOUR_MS / 2, end: past.end + HOUR_MS / 2 })
    expect(panWindow({ start: NOW - HOUR_MS, end: NOW }, 1, NOW).end).toBe(NOW + HOUR_MS / 20)
  })

  it('zooms around the playhead, keeping it where it was on the screen', () => {
    const anchor = NOON + 15 * MINUTE_MS // a quarter of the way in
    const wider = zoomWindow(window, 6 * HOUR_MS, anchor, NOW)
    expect(wider.end - wider.start).toBe(6 * HOUR_MS)
    expect((anchor - wider.start) / (wider.end - wider.start)).toBeCloseTo(0.25, 6)
    // A playhead out of view ends up in the middle.
    const centred = zoomWindow(window, HOUR_MS, NOON - DAY_MS, NOW)
    expect(centred.start + HOUR_MS / 2).toBe(NOON - DAY_MS)
  })

  it('turns the page when the playhead leaves the window, not before', () => {
    expect(followPlayhead(window, NOON + 10 * MINUTE_MS, NOW)).toBe(window)
    const next = followPlayhead(window, NOON + HOUR_MS + MINUTE_MS, NOW)
    expect(next.start).toBe(NOON + HOUR_MS + MINUTE_MS - HOUR_MS / 10)
    expect(followPlayhead(window, NOON - MINUTE_MS, NOW).start).toBe(NOON - MINUTE_MS - HOUR_MS / 10)
  })

  it('graduates the axis on round local times, far enough apart to be read', () => {
    expect(tickStep(window, 1200)).toBe(5 * MINUTE_MS)
    expect(tickStep(window, 300)).toBe(30 * MINUTE_MS)
    expect(tickStep({ start: NOON, end: NOON + 7 * DAY_MS }, 900)).toBe(DAY_MS)
    const ticks = axisTicks(window, 1200)
    expect(ticks[0]).toMatchObject({ time: NOON, x: 0 })
    expect(ticks.map((tick) => new Date(tick.time).getMinutes() % 5)).toEqual(ticks.map(() => 0))
    expect(ticks.length).toBe(13)
    for (let i = 1; i < ticks.length; i += 1) expect(ticks[i].x - ticks[i - 1].x).toBeGreaterThanOrEqual(90)
  })

  it('marks local midnights as days, once a day over a week', () => {
    const week = { start: NOON, end: NOON + 7 * DAY_MS }
    const ticks = axisTicks(week, 900)
    expect(ticks).toHaveLength(7)
    expect(ticks.every((tick) => tick.day && tick.time === localDayStart(tick.time))).toBe(true)
    const day = axisTicks({ start: NOON, end: NOON + DAY_MS }, 1200)
    expect(day.filter((tick) => tick.day)).toHaveLength(1)
    expect(new Date(day.find((tick) => tick.day)!.time).getHours()).toBe(0)
  })

  it('asks the core for half a window more on each side, in quarter-window steps', () => {
    const range = fetchRange(window)
    expect(range.from).toBeLessThanOrEqual(window.start - HOUR_MS / 2)
    expect(range.to).toBeGreaterThanOrEqual(window.end + HOUR_MS / 2)
    // A small move asks for the same period again: nothing new to fetch.
    expect(fetchRange({ start: window.start + MINUTE_MS, end: window.end + MINUTE_MS })).toEqual(range)
  })
})

describe('recorded spans', () => {
  const spans = mergeSpans([
    { start: 7_000, end: 9_000 },
    { start: 0, end: 1_000 },
    { start: 1_500, end: 4_000 }, // 500 ms after the first: the same recording
    { start: 20_000, end: 30_000 },
    { start: 25_000, end: 26_000 }, // inside another
    { start: 40_000, end: 39_000 } // backwards
  ])

  it('sorts, joins near ones and drops impossible ones', () => {
    expect(spans).toEqual([
      { start: 0, end: 4_000 },
      { start: 7_000, end: 9_000 },
      { start: 20_000, end: 30_000 }
    ])
    expect(mergeSpans([{ start: 0, end: 1_000 }, { start: 2_500, end: 3_000 }], 2_000)).toHaveLength(1)
    expect(mergeSpans([{ start: 0, end: 1_000 }, { start: 3_500, end: 4_000 }], 2_000)).toHaveLength(2)
    // The segment being written is indexed with no length yet: it still says « recording from here ».
    expect(mergeSpans([{ start: 0, end: 30_000 }, { start: 30_010, end: 30_010 }])).toEqual([{ start: 0, end: 30_010 }])
    expect(mergeSpans([{ start: 50_000, end: 50_000 }])).toEqual([{ start: 50_000, end: 50_000 }])
  })

  it('finds the span holding a moment, and the next and previous ones', () => {
    expect(spanAt(spans, 4_000)).toEqual({ start: 0, end: 4_000 })
    expect(spanAt(spans, 4_500)).toBeNull()
    expect(spanAt(spans, 25_000)).toEqual({ start: 20_000, end: 30_000 })
    expect(spanAt([], 1)).toBeNull()
    expect(nextSpanStart(spans, 4_500)).toBe(7_000)
    expect(nextSpanStart(spans, 31_000)).toBeNull()
    expect(previousSpanEnd(spans, 15_000)).toBe(9_000)
    expect(previousSpanEnd(spans, 100)).toBeNull()
  })

  it('says whether a camera has an image at a moment, and when it cannot know', () => {
    const known = { spans, from: 0, to: 100_000 }
    expect(recordingAt(known, 2_000, 200_000)).toBe('yes')
    expect(recordingAt(known, 15_000, 200_000)).toBe('no')
    expect(recordingAt(known, 150_000, 200_000)).toBe('maybe') // not asked
    expect(recordingAt(undefined, 2_000, 200_000)).toBe('maybe')
    // Just after the newest span of a camera that records: the segment being written is not indexed yet.
    const live = { spans: [{ start: 0, end: 90_000 }], from: 0, to: 90_000 + OPEN_SEGMENT_SLACK_MS / 2 }
    expect(recordingAt(live, 95_000, 200_000)).toBe('maybe')
    expect(recordingAt(live, 95_000, 94_000)).toBe('no') // in the future
    // A camera that stopped long before the end of the period asked: the gap is known.
    expect(recordingAt(known, 50_000, 200_000)).toBe('no')
    // Its first segment still open: recording from its start.
    const starting = { spans: mergeSpans([{ start: 80_000, end: 80_000 }]), from: 0, to: 90_000 }
    expect(recordingAt(starting, 85_000, 90_000)).toBe('maybe')
    expect(recordingAt(starting, 70_000, 90_000)).toBe('no')
  })

  it('lays spans out as rectangles: clipped, visible when short, joined when they touch on screen', () => {
    const window = { start: 0, end: 100_000 }
    const runs = layoutRuns(
      [
        { start: -5_000, end: 10_000 },
        { start: 10_050, end: 10_100 }, // touches the previous one at 1 px per 100 ms, drawn 2 px wide
        { start: 50_000, end: 50_010 }, // 10 ms: drawn 2 px wide
        { start: 95_000, end: 120_000 },
        { start: 130_000, end: 140_000 } // outside
      ],
      window,
      1000
    )
    expect(runs).toHaveLength(3)
    expect(runs[0]).toMatchObject({ x: 0, width: 102.5, start: 0, end: 10_100 })
    expect(runs[1]).toMatchObject({ x: 500, width: 2 })
    expect(runs[2]).toMatchObject({ x: 950, width: 50, end: 100_000 })
  })

  it('groups alerts too close to tell apart into one marker, the earliest first', () => {
    const window = { start: 0, end: 100_000 }
    const events = [{ at: 50_300 }, { at: 10_000 }, { at: 50_000 }, { at: 90_000 }, { at: 200_000 }]
    const markers = layoutMarkers(events, (event) => event.at, window, 1000, 6)
    expect(markers.map((marker) => marker.x)).toEqual([100, 500, 900])
    expect(markers[1].items.map((event) => event.at)).toEqual([50_000, 50_300])
  })
})
