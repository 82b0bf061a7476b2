import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PlaybackController } from '../../../renderer/src/features/playback/playback-controller'
import {
  baseRate,
  clockTime,
  createClock,
  DEFAULT_FRAME_MS,
  frameDurationMs,
  LIVE_EDGE_MS,
  mediaTimeAt,
  msPerMediaSecond,
  runClock,
  seekClock,
  SEEK_DRIFT_S,
  setClockSpeed,
  stopClock,
  syncAction,
  timeAtMedia,
  WAIT_AHEAD_S,
  type SyncInput
} from '../../../renderer/src/player/playback-clock'

const T0 = Date.UTC(2026, 2, 14, 11, 0, 0)

describe('the playback clock', () => {
  it('stands still until run, then advances at its speed', () => {
    let clock = createClock(T0, 1_000)
    expect(clockTime(clock, 5_000)).toBe(T0)
    clock = runClock(clock, 5_000)
    expect(clockTime(clock, 6_000)).toBe(T0 + 1_000)
    clock = setClockSpeed(clock, 4, 6_000)
    expect(clockTime(clock, 6_500)).toBe(T0 + 1_000 + 2_000)
    clock = stopClock(clock, 7_000)
    expect(clock.time).toBe(T0 + 1_000 + 4_000)
    expect(clockTime(clock, 60_000)).toBe(T0 + 5_000)
  })

  it('jumps without losing its speed or whether it runs', () => {
    const running = runClock(setClockSpeed(createClock(T0, 0), 2, 0), 0)
    const moved = seekClock(running, T0 - 60_000, 10_000)
    expect(moved.running).toBe(true)
    expect(clockTime(moved, 11_000)).toBe(T0 - 60_000 + 2_000)
    // Running or stopping twice changes nothing.
    expect(runClock(moved, 12_000)).toBe(moved)
    const stopped = stopClock(moved, 12_000)
    expect(stopClock(stopped, 20_000)).toBe(stopped)
  })
})

describe('stream timing', () => {
  it('maps recorded time to media time and back, at every speed', () => {
    for (const speed of [1, 2, 4, 8] as const) {
      const timing = { start: T0, origin: 12.5, msPerMediaSecond: msPerMediaSecond(speed) }
      expect(mediaTimeAt(timing, T0)).toBe(12.5)
      expect(mediaTimeAt(timing, T0 + 8_000)).toBeCloseTo(12.5 + 8 / speed, 9)
      expect(timeAtMedia(timing, mediaTimeAt(timing, T0 + 1_234))).toBeCloseTo(T0 + 1_234, 6)
    }
  })

  it('plays a compressed stream at rate 1, an original one at its speed', () => {
    expect(msPerMediaSecond(8, 'compressed')).toBe(8_000)
    expect(baseRate(8, 'compressed')).toBe(1)
    expect(msPerMediaSecond(8, 'original')).toBe(1_000)
    expect(baseRate(8, 'original')).toBe(8)
  })
})

describe('keeping a player on the clock', () => {
  const base: SyncInput = {
    target: 10,
    current: 10,
    buffered: [{ start: 5, end: 20 }],
    running: true,
    ended: false,
    rate: 1,
    frameSeconds: 0.04
  }

  it('plays in step, a little faster or slower to catch up a small drift', () => {
    expect(syncAction(base)).toEqual({ kind: 'play', rate: 1 })
    const behind = syncAction({ ...base, current: 9.8 })
    expect(behind.kind).toBe('play')
    expect(behind.kind === 'play' && behind.rate).toBeGreaterThan(1)
    const ahead = syncAction({ ...base, current: 10.2 })
    expect(ahead.kind === 'play' && ahead.rate).toBeLessThan(1)
    // Never more than a tenth off the base rate.
    const far = syncAction({ ...base, current: 10 - SEEK_DRIFT_S + 0.01, rate: 8 })
    expect(far.kind === 'play' && far.rate).toBeCloseTo(8.8, 6)
  })

  it('jumps when the drift is too large to catch up', () => {
    expect(syncAction({ ...base, current: 12 })).toEqual({ kind: 'seek', to: 10 })
  })

  it('stands on the image of the moment when the clock stands, within half an image', () => {
    expect(syncAction({ ...base, running: false, current: 10.01 })).toEqual({ kind: 'stand' })
    expect(syncAction({ ...base, running: false, current: 10.04 })).toEqual({ kind: 'seek', to: 10 })
  })

  it('waits for media on its way, asks again when far ahead of it', () => {
    expect(syncAction({ ...base, buffered: [] })).toEqual({ kind: 'wait' })
    expect(syncAction({ ...base, target: 21 })).toEqual({ kind: 'wait' })
    expect(syncAction({ ...base, target: 20 + WAIT_AHEAD_S + 1 })).toEqual({ kind: 'ahead' })
  })

  it('knows when the stream ended before the moment, or begins after it', () => {
    expect(syncAction({ ...base, target: 25, ended: true })).toEqual({ kind: 'ended' })
    expect(syncAction({ ...base, buffered: [], ended: true })).toEqual({ kind: 'ended' })
    expect(syncAction({ ...base, target: 3 })).toEqual({ kind: 'before' })
  })

  it('goes on from the next range when the moment falls in a hole', () => {
    const holed = { ...base, buffered: [{ start: 5, end: 9 }, { start: 11, end: 20 }] }
    expect(syncAction({ ...holed, target: 10 })).toEqual({ kind: 'seek', to: 11 })
  })
})

describe('frame duration', () => {
  it('takes the median of the steps between images, ignoring the implausible', () => {
    expect(frameDurationMs([])).toBe(DEFAULT_FRAME_MS)
    expect(frameDurationMs([40, 40, 80, 40, 40.1])).toBe(40)
    expect(frameDurationMs([100, 100, 2, 5000, 100])).toBe(100)
    expect(frameDurationMs([0.5, 2000])).toBe(DEFAULT_FRAME_MS)
  })
})

describe('the playback controller (no tile attached)', () => {
  let wall = 0
  let epoch = T0 + 3_600_000
  const opened: Array<{ cameraId: string; at: number; speed: number }> = []
  let controller: PlaybackController

  beforeEach(() => {
    vi.useFakeTimers()
    wall = 0
    epoch = T0 + 3_600_000
    opened.length = 0
    controller = new PlaybackController(
      {
        open: async (cameraId, at, speed) => {
          opened.push({ cameraId, at, speed })
          return { url: 'ws://127.0.0.1/x', start: at, masked: true }
        },
        wallNow: () => wall,
        epochNow: () => epoch,
        tickMs: 100
      },
      T0
    )
  })

  afterEach(() => {
    controller.dispose()
    vi.useRealTimers()
  })

  /** Both clocks and the timers move together, in small steps as they would. */
  const advance = (ms: number): void => {
    for (let done = 0; done < ms; done += 10) {
      wall += 10
      epoch += 10
      vi.advanceTimersByTime(10)
    }
  }

  it('plays, pauses and reports the moment shown', () => {
    expect(controller.ui.getState()).toMatchObject({ time: T0, playing: false, speed: 1 })
    controller.play()
    advance(1_000)
    expect(controller.ui.getState().playing).toBe(true)
    expect(controller.now()).toBeGreaterThan(T0)
    expect(controller.now()).toBeLessThanOrEqual(T0 + 1_000)
    controller.pause()
    const paused = controller.now()
    advance(5_000)
    expect(controller.now()).toBe(paused)
    expect(controller.ui.getState()).toMatchObject({ playing: false, time: paused })
  })

  it('runs at the speed asked for', () => {
    controller.setSpeed(8)
    controller.play()
    advance(100) // the first tick starts the clock (no player to wait for)
    const started = controller.now()
    advance(1_000)
    expect(controller.now() - started).toBe(8_000)
    expect(controller.ui.getState().speed).toBe(8)
  })

  it('steps image by image while paused, and stops playing to step', () => {
    controller.play()
    advance(500)
    controller.step(1)
    const stepped = controller.now()
    expect(controller.ui.getState().playing).toBe(false)
    controller.step(1)
    expect(controller.now()).toBe(stepped + DEFAULT_FRAME_MS)
    controller.step(-1)
    controller.step(-1)
    expect(controller.now()).toBe(stepped - DEFAULT_FRAME_MS)
  })

  it('jumps by ten seconds and to any moment, never past what the recorders wrote', () => {
    controller.jump(10_000)
    expect(controller.now()).toBe(T0 + 10_000)
    controller.jump(-20_000)
    expect(controller.now()).toBe(T0 - 10_000)
    controller.seek(epoch + 60_000)
    expect(controller.now()).toBe(epoch - LIVE_EDGE_MS)
  })

  it('stops at the newest recording when playing catches up with it', () => {
    controller.seek(epoch - LIVE_EDGE_MS - 1_000)
    controller.setSpeed(4)
    controller.play()
    advance(2_000)
    expect(controller.ui.getState()).toMatchObject({ playing: false, atLiveEdge: true })
    expect(controller.now()).toBeLessThanOrEqual(epoch - LIVE_EDGE_MS)
  })

  it('shows the dragged playhead without moving the clock', () => {
    controller.setPreview(T0 - 50_000)
    expect(controller.ui.getState().preview).toBe(T0 - 50_000)
    expect(controller.now()).toBe(T0)
    controller.setPreview(null)
    expect(controller.ui.getState().preview).toBeNull()
  })
})
