/**
 * Synchronised playback: one clock says which recorded moment is shown, and every camera's player
 * follows it. The clock runs on the workstation's monotonic time (performance.now) multiplied by the
 * speed; each player maps the moment to its own video element's media time and corrects itself.
 * Pure functions, tested without a browser.
 */

export type PlaybackSpeed = 1 | 2 | 4 | 8

export interface ClockState {
  /** The recorded moment shown at `wall`, ms since the epoch. */
  time: number
  /** Monotonic ms (performance.now) at which `time` was shown. */
  wall: number
  running: boolean
  speed: PlaybackSpeed
}

export function createClock(time: number, wall: number, speed: PlaybackSpeed = 1): ClockState {
  return { time, wall, running: false, speed }
}

/** The recorded moment shown at `wallNow`. */
export function clockTime(clock: ClockState, wallNow: number): number {
  return clock.running ? clock.time + (wallNow - clock.wall) * clock.speed : clock.time
}

/** The same clock, its moment taken at `wallNow`: what every change starts from. */
function anchored(clock: ClockState, wallNow: number): ClockState {
  return { ...clock, time: clockTime(clock, wallNow), wall: wallNow }
}

export function runClock(clock: ClockState, wallNow: number): ClockState {
  return clock.running ? clock : { ...anchored(clock, wallNow), running: true }
}

export function stopClock(clock: ClockState, wallNow: number): ClockState {
  return clock.running ? { ...anchored(clock, wallNow), running: false } : clock
}

export function seekClock(clock: ClockState, time: number, wallNow: number): ClockState {
  return { ...clock, time, wall: wallNow }
}

export function setClockSpeed(clock: ClockState, speed: PlaybackSpeed, wallNow: number): ClockState {
  return { ...anchored(clock, wallNow), speed }
}

/**
 * How a playback stream's media timeline relates to recorded time. The core serves each speed as its
 * own stream: media time advances at the screen's pace while `speed` recorded seconds go by per media
 * second, so the video element always plays at rate 1 (see STREAM_TIME_SCALE).
 */
export interface StreamTiming {
  /** Epoch ms of the stream's first frame (`playback.open`'s `start`). */
  start: number
  /** Media time, in seconds, of that frame in the video element: where its first buffered range begins. */
  origin: number
  /** Recorded milliseconds per media second. */
  msPerMediaSecond: number
}

/**
 * 'compressed': at speed ×N the core delivers N recorded seconds per media second (timestamps divided
 * by N), and the element plays at rate 1. 'original': the core keeps the recording's timestamps and
 * paces its delivery at ×N, and the element plays at rate N. One switch, so the screen follows the
 * core whichever it chose.
 */
export type StreamTimeScale = 'compressed' | 'original'
export const STREAM_TIME_SCALE: StreamTimeScale = 'compressed'

export function msPerMediaSecond(speed: PlaybackSpeed, scale: StreamTimeScale = STREAM_TIME_SCALE): number {
  return scale === 'compressed' ? 1000 * speed : 1000
}

/** The element's playbackRate for a stream opened at `speed`. */
export function baseRate(speed: PlaybackSpeed, scale: StreamTimeScale = STREAM_TIME_SCALE): number {
  return scale === 'compressed' ? 1 : speed
}

export function mediaTimeAt(timing: StreamTiming, time: number): number {
  return timing.origin + (time - timing.start) / timing.msPerMediaSecond
}

export function timeAtMedia(timing: StreamTiming, mediaTime: number): number {
  return timing.start + (mediaTime - timing.origin) * timing.msPerMediaSecond
}

/** A buffered range of the video element, media seconds. */
export interface MediaRange {
  start: number
  end: number
}

export interface SyncInput {
  /** Where the element should be, media seconds. */
  target: number
  /** Where it is. */
  current: number
  buffered: readonly MediaRange[]
  /** Whether the clock runs (the element plays) or stands (the element shows one image). */
  running: boolean
  /** The stream is over: no more media will come. */
  ended: boolean
  /** The element's rate when in step (see baseRate). */
  rate: number
  /** One image's duration in media seconds: below half of it, a standing element is where it should be. */
  frameSeconds: number
}

export type SyncAction =
  /** In step, or close enough to catch up by playing a little faster or slower. */
  | { kind: 'play'; rate: number }
  | { kind: 'stand' }
  | { kind: 'seek'; to: number }
  /** The moment comes before the stream's first image. */
  | { kind: 'before' }
  /** Not received yet; it is on its way. */
  | { kind: 'wait' }
  /** Far ahead of what was received: waiting would take longer than asking again from there. */
  | { kind: 'ahead' }
  /** The stream ended before that moment. */
  | { kind: 'ended' }

/** Drift beyond which a playing element jumps rather than catching up (media seconds). */
export const SEEK_DRIFT_S = 0.5
/** Up to this far ahead of the received media, the rest is waited for (media seconds). */
export const WAIT_AHEAD_S = 4
/** A range's edges: a moment this close to a buffered range counts as in it. */
const EDGE_S = 0.05
/** How hard a playing element is pulled back in step: rate change per second of drift, and its ceiling. */
const CATCH_UP_GAIN = 0.5
const MAX_RATE_CHANGE = 0.1

/**
 * What one player must do so that its element shows the clock's moment: the whole decision, so that
 * the player only carries it out.
 */
export function syncAction(input: SyncInput): SyncAction {
  const { target, current, buffered, running, ended, rate, frameSeconds } = input
  if (buffered.length === 0) return ended ? { kind: 'ended' } : { kind: 'wait' }
  const first = buffered[0].start
  const last = buffered[buffered.length - 1].end
  if (target < first - EDGE_S) return { kind: 'before' }
  if (target > last + EDGE_S) {
    if (ended) return { kind: 'ended' }
    return target - last > WAIT_AHEAD_S ? { kind: 'ahead' } : { kind: 'wait' }
  }
  const range = buffered.find((candidate) => target >= candidate.start - EDGE_S && target <= candidate.end + EDGE_S)
  // In a hole between two ranges (images dropped while the buffer was full): go on from the next one.
  if (!range) {
    const next = buffered.find((candidate) => candidate.start > target)
    return next ? { kind: 'seek', to: next.start } : { kind: 'wait' }
  }
  const drift = target - current
  if (running) {
    if (Math.abs(drift) > SEEK_DRIFT_S) return { kind: 'seek', to: target }
    const change = Math.max(-MAX_RATE_CHANGE, Math.min(MAX_RATE_CHANGE, drift * CATCH_UP_GAIN))
    return { kind: 'play', rate: rate * (1 + change) }
  }
  if (Math.abs(drift) > frameSeconds / 2) return { kind: 'seek', to: target }
  return { kind: 'stand' }
}

/** Assumed until measured: 25 images per second, the usual rate of city cameras. */
export const DEFAULT_FRAME_MS = 40

/**
 * One image's duration in recorded ms, from the steps between images the element showed
 * (requestVideoFrameCallback). The median of the steps resists the odd skipped or repeated image;
 * anything implausible (under 5 ms or over a second of recording) is ignored.
 */
export function frameDurationMs(stepsMs: readonly number[]): number {
  const steps = stepsMs.filter((ms) => ms >= 5 && ms <= 1000).sort((a, b) => a - b)
  if (steps.length === 0) return DEFAULT_FRAME_MS
  return steps[Math.floor(steps.length / 2)]
}

/**
 * Where to ask the core to start when the moment lies before what a player holds (a step back past
 * the buffer, a jump back): a little earlier, so that the next steps back stay in the new buffer.
 */
export const REOPEN_BACK_MS = 3_000

/** The newest moment one can play: the recorders write a few seconds behind the present. */
export const LIVE_EDGE_MS = 3_000
