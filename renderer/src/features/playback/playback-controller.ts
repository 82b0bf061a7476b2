import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ShownError } from '../../api/errors'
import {
  baseRate,
  clockTime,
  createClock,
  DEFAULT_FRAME_MS,
  frameDurationMs,
  LIVE_EDGE_MS,
  mediaTimeAt,
  REOPEN_BACK_MS,
  runClock,
  seekClock,
  setClockSpeed,
  stopClock,
  syncAction,
  type ClockState,
  type PlaybackSpeed
} from '../../player/playback-clock'
import { PlaybackPlayer, type PlaybackStream } from '../../player/playback-player'
import type { PlayerProblem } from '../../player/types'
import { recordingAt, type KnownSpans } from './span-layout'

/**
 * What a tile shows over its picture: opening (asking the core), buffering (images on their way),
 * playing or standing (in step with the clock), no-recording (nothing recorded at that moment), error.
 */
export type TileState = 'opening' | 'buffering' | 'playing' | 'standing' | 'no-recording' | 'error'

export interface TileStatus {
  state: TileState
  /** From the stream shown: true when the core burned the masks in; null before any stream. */
  masked: boolean | null
  error: ShownError | null
  problem: PlayerProblem | null
  /** The player's stream (closed, opening, streaming, ended, failed; « suspended » when this screen closed it). */
  stream: string
}

export interface PlaybackUiState {
  /** The recorded moment the clock shows, ms since the epoch. */
  time: number
  /** What the person asked for: playing, or paused. */
  playing: boolean
  speed: PlaybackSpeed
  /** Playing was asked, but the clock waits for the players to have images (after a jump). */
  waiting: boolean
  /** The playhead being dragged: shown, not yet played. */
  preview: number | null
  /** The clock caught up with what the recorders have written: it stopped there. */
  atLiveEdge: boolean
  /** One image's duration in recorded ms (frame step). */
  frameMs: number
  tiles: Record<string, TileStatus>
}

export interface PlaybackControllerOptions {
  open: (cameraId: string, at: number, speed: PlaybackSpeed) => Promise<PlaybackStream>
  /** Monotonic ms (performance.now); replaced in tests. */
  wallNow?: () => number
  /** Epoch ms (Date.now). */
  epochNow?: () => number
  tickMs?: number
}

interface Entry {
  cameraId: string
  player: PlaybackPlayer
  /** A jump asked for a new stream; a tick opens it once `openDue` has passed. */
  mustOpen: boolean
  /** Jumps in quick succession (keys held down) open one stream, for the last of them. */
  openDue: number
  /** The new stream should start a little before the moment: steps back will follow. */
  openBack: boolean
  /** Wall time before which this player is not reopened on its own (audited openings stay few). */
  quietUntil: number
  /** Wall time of the last opening. */
  openedWall: number
}

/** Beyond this, the clock starts without the players still waiting for images. */
const MAX_WAIT_MS = 5_000
/** Between two openings the player asks for on its own (end of stream, drift, failure). */
const AUTO_REOPEN_MS = 3_000
/** After a stream that brought no image, or a refusal, before trying again. */
const RETRY_MS = 10_000
/** A pause longer than this closes the streams (their images would pile up); the picture stays. */
const SUSPEND_AFTER_MS = 20_000
/** How long a jump waits for the next one before asking the core for streams. */
const SETTLE_MS = 150
/**
 * The core reads ahead of the player (a little faster than it plays): beyond this much received and
 * not yet shown (media seconds), the stream is closed so that the buffer stays within the browser's
 * bounds; a new one is asked for when what is left runs low.
 */
const MAX_AHEAD_S = 300
const RESUME_AHEAD_S = 5
/**
 * The core reads ahead of the player and stops when the recordings do: a stream that brought nothing
 * for this long has reached their end (the segment being written grows; asking again gets the rest).
 */
const SILENT_END_MS = 6_000
/**
 * A new stream starts on the keyframe before the moment and catches up with the clock as the core
 * reads ahead: for this long after an opening, lagging behind is that catching up, not a reason to
 * ask again.
 */
const CATCH_UP_GRACE_MS = 8_000

/**
 * Synchronised playback of a few cameras: one clock, one player per tile, and the decisions that keep
 * each player on the clock's moment (see syncAction). React reads `ui`; the tiles attach their
 * <video> elements; the timeline tells which spans each camera has.
 */
export class PlaybackController {
  readonly ui: StoreApi<PlaybackUiState>
  private clock: ClockState
  private intent = false
  private waitUntil: number | null = null
  private pausedAt: number
  private readonly entries = new Map<string, Entry>()
  private readonly spans = new Map<string, KnownSpans>()
  private readonly wallNow: () => number
  private readonly epochNow: () => number
  private timer: ReturnType<typeof setInterval> | null = null
  private soon: ReturnType<typeof setTimeout> | null = null
  private disposed = false

  constructor(
    private readonly options: PlaybackControllerOptions,
    initialTime: number
  ) {
    this.wallNow = options.wallNow ?? (() => performance.now())
    this.epochNow = options.epochNow ?? Date.now
    this.clock = createClock(initialTime, this.wallNow())
    this.pausedAt = this.wallNow()
    this.ui = createStore<PlaybackUiState>()(() => ({
      time: initialTime,
      playing: false,
      speed: 1,
      waiting: false,
      preview: null,
      atLiveEdge: false,
      frameMs: DEFAULT_FRAME_MS,
      tiles: {}
    }))
    this.timer = setInterval(() => this.tick(), options.tickMs ?? 100)
  }

  /** A tile shows `cameraId` in `video`; returns the function to call when it stops. */
  attach(cameraId: string, video: HTMLVideoElement): () => void {
    this.entries.get(cameraId)?.player.dispose()
    const entry: Entry = {
      cameraId,
      player: new PlaybackPlayer(video, {
        open: (at, speed) => this.options.open(cameraId, at, speed),
        onChange: () => this.scheduleTick()
      }),
      mustOpen: true,
      openDue: 0,
      openBack: false,
      quietUntil: 0,
      openedWall: 0
    }
    this.entries.set(cameraId, entry)
    this.scheduleTick()
    return () => {
      if (this.entries.get(cameraId) !== entry) return
      entry.player.dispose()
      this.entries.delete(cameraId)
      this.ui.setState((state) => {
        const { [cameraId]: _gone, ...tiles } = state.tiles
        return { tiles }
      })
    }
  }

  /** What the timeline knows of a camera's recordings. */
  setSpans(cameraId: string, known: KnownSpans): void {
    this.spans.set(cameraId, known)
  }

  /** The moment the clock shows now. */
  now(): number {
    return clockTime(this.clock, this.wallNow())
  }

  play(): void {
    if (this.intent) return
    const wall = this.wallNow()
    // At the newest recording, playing again starts a little before it rather than not at all.
    if (this.now() >= this.liveEdge()) this.clock = seekClock(this.clock, this.liveEdge() - 10_000, wall)
    this.intent = true
    this.waitUntil = wall + MAX_WAIT_MS
    // Streams closed during a long pause start again from here rather than run dry.
    for (const entry of this.entries.values()) if (entry.player.suspended) this.mustOpen(entry, wall, false)
    this.ui.setState({ playing: true, waiting: true, atLiveEdge: false })
    this.scheduleTick()
  }

  pause(): void {
    if (!this.intent) return
    const wall = this.wallNow()
    this.intent = false
    this.waitUntil = null
    this.clock = stopClock(this.clock, wall)
    this.pausedAt = wall
    this.ui.setState({ playing: false, waiting: false, time: this.clock.time })
    this.scheduleTick()
  }

  toggle(): void {
    if (this.intent) this.pause()
    else this.play()
  }

  /**
   * Shows `time` on every camera. Players already holding that moment just move to it; the others
   * ask the core for a new stream, once the jumps settle. While playing, the clock waits for them.
   */
  seek(time: number): void {
    const wall = this.wallNow()
    const target = Math.min(Math.round(time), this.liveEdge())
    const back = target < this.clock.time && !this.intent
    this.clock = seekClock(stopClock(this.clock, wall), target, wall)
    for (const entry of this.entries.values()) if (!this.holds(entry, target)) this.mustOpen(entry, wall + SETTLE_MS, back)
    if (this.intent) this.waitUntil = wall + SETTLE_MS + MAX_WAIT_MS
    this.ui.setState({ time: target, waiting: this.intent, atLiveEdge: false })
    this.scheduleTick()
  }

  /** Forwards or backwards by `deltaMs` of recording (Shift+←/→: ten seconds). */
  jump(deltaMs: number): void {
    this.seek(this.now() + deltaMs)
  }

  /** One image forwards or backwards; playing stops first (a step is taken on a still image). */
  step(direction: 1 | -1): void {
    this.pause()
    this.seek(this.clock.time + direction * this.ui.getState().frameMs)
  }

  /** The core serves each speed as its own stream: every player asks again from the clock's moment. */
  setSpeed(speed: PlaybackSpeed): void {
    if (speed === this.clock.speed) return
    const wall = this.wallNow()
    this.clock = setClockSpeed(stopClock(this.clock, wall), speed, wall)
    for (const entry of this.entries.values()) this.mustOpen(entry, wall, false)
    if (this.intent) this.waitUntil = wall + MAX_WAIT_MS
    this.ui.setState({ speed, time: this.clock.time, waiting: this.intent })
    this.scheduleTick()
  }

  /** The playhead dragged over `time` (null when released): shown until the release seeks. */
  setPreview(time: number | null): void {
    this.ui.setState({ preview: time })
  }

  /** A camera's masks were lifted or put back: its picture must come again from the core. */
  reopen(cameraId: string): void {
    const entry = this.entries.get(cameraId)
    if (!entry) return
    this.mustOpen(entry, this.wallNow(), false)
    this.scheduleTick()
  }

  dispose(): void {
    this.disposed = true
    if (this.timer) clearInterval(this.timer)
    if (this.soon) clearTimeout(this.soon)
    for (const entry of this.entries.values()) entry.player.dispose()
    this.entries.clear()
  }

  private liveEdge(): number {
    return this.epochNow() - LIVE_EDGE_MS
  }

  /** Whether the player's current stream already holds `time` (a move within it needs no new stream). */
  private holds(entry: Entry, time: number): boolean {
    const { player } = entry
    const timing = player.timing()
    if (timing === null || player.request?.speed !== this.clock.speed) return false
    const media = mediaTimeAt(timing, time)
    return player.buffered().some((range) => media >= range.start && media <= range.end)
  }

  private mustOpen(entry: Entry, due: number, back: boolean): void {
    entry.mustOpen = true
    entry.openDue = due
    entry.openBack = back
  }

  /** A tick as soon as the current task ends, besides the regular ones: a command shows at once. */
  private scheduleTick(): void {
    if (this.disposed || this.soon) return
    this.soon = setTimeout(() => {
      this.soon = null
      this.tick()
    }, 0)
  }

  private tick(): void {
    if (this.disposed) return
    const wall = this.wallNow()
    let time = clockTime(this.clock, wall)
    let atLiveEdge = this.ui.getState().atLiveEdge
    if (this.clock.running && time >= this.liveEdge()) {
      // Caught up with the recorders: stop on the newest image (the wall shows what comes next, live).
      time = this.liveEdge()
      this.intent = false
      this.clock = seekClock(stopClock(this.clock, wall), time, wall)
      this.pausedAt = wall
      atLiveEdge = true
    }
    const tiles: Record<string, TileStatus> = {}
    for (const entry of this.entries.values()) tiles[entry.cameraId] = this.sync(entry, time, wall)

    let waiting = false
    if (this.intent && !this.clock.running) {
      const ready = Object.values(tiles).every((tile) => tile.state !== 'opening' && tile.state !== 'buffering')
      if (ready || this.waitUntil === null || wall >= this.waitUntil) {
        this.waitUntil = null
        this.clock = runClock(this.clock, wall)
      } else {
        waiting = true
      }
    }
    if (!this.intent && wall - this.pausedAt > SUSPEND_AFTER_MS) for (const entry of this.entries.values()) entry.player.suspend()

    const previous = this.ui.getState()
    const frameMs = this.frameMs()
    this.ui.setState({
      time,
      playing: this.intent,
      waiting,
      atLiveEdge,
      frameMs,
      tiles: sameTiles(previous.tiles, tiles) ? previous.tiles : tiles
    })
  }

  /** The shortest image duration measured among the players: a step never skips an image of any. */
  private frameMs(): number {
    const measured = [...this.entries.values()].map((entry) => entry.player.recentFrameSteps()).filter((steps) => steps.length >= 5)
    if (measured.length === 0) return DEFAULT_FRAME_MS
    return Math.min(...measured.map((steps) => frameDurationMs(steps)))
  }

  /** Brings one player to `time` and says what its tile shows. */
  private sync(entry: Entry, time: number, wall: number): TileStatus {
    const { player } = entry
    const presence = recordingAt(this.spans.get(entry.cameraId), time, this.epochNow())
    const running = this.clock.running
    const status = (state: TileState): TileStatus => ({
      state,
      masked: player.stream?.masked ?? null,
      // A refusal for want of recordings comes with the core's words, shown under « Aucun enregistrement ».
      error: state === 'error' || state === 'no-recording' ? player.error : null,
      problem: player.problem,
      stream: player.suspended ? 'suspended' : player.state
    })
    const open = (at: number, quietMs = AUTO_REOPEN_MS): TileStatus => {
      entry.mustOpen = false
      entry.quietUntil = wall + quietMs
      entry.openedWall = wall
      void player.open(Math.max(0, Math.round(at)), this.clock.speed)
      return status('opening')
    }

    if (entry.mustOpen) {
      if (wall < entry.openDue) return status('opening')
      if (presence === 'no') {
        entry.mustOpen = false
        player.close()
        return status('no-recording')
      }
      return open(entry.openBack ? time - REOPEN_BACK_MS : time)
    }
    if (player.state === 'opening') return status('opening')
    if (player.state === 'failed') {
      // A refusal for want of recordings is not a failure the operator must act on.
      const nothing = player.error?.code === 'NOT_FOUND'
      if (presence !== 'no' && wall >= entry.openedWall + RETRY_MS) return open(time)
      return status(nothing || presence === 'no' ? 'no-recording' : 'error')
    }
    if (player.state === 'closed') {
      if (presence === 'no') return status('no-recording')
      return wall >= entry.quietUntil ? open(time) : status('no-recording')
    }

    const timing = player.timing()
    if (timing === null) {
      if (player.state === 'streaming') return status('buffering')
      // Ended without a single image: nothing recorded from there on.
      if (presence === 'yes' && wall >= entry.openedWall + RETRY_MS) return open(time)
      return status('no-recording')
    }
    if (player.request?.speed !== this.clock.speed) return open(time)

    const video = player.video
    const buffered = player.buffered()
    const ahead = buffered.length > 0 ? buffered[buffered.length - 1].end - video.currentTime : 0
    if (player.suspended && running && ahead < RESUME_AHEAD_S) return open(time)
    if (!player.suspended && player.state === 'streaming' && ahead > MAX_AHEAD_S) player.suspend()
    const action = syncAction({
      target: mediaTimeAt(timing, time),
      current: video.currentTime,
      buffered,
      running,
      ended: player.state === 'ended' || player.suspended || player.silentMs() > SILENT_END_MS,
      rate: baseRate(this.clock.speed),
      frameSeconds: this.ui.getState().frameMs / timing.msPerMediaSecond
    })
    switch (action.kind) {
      case 'play':
        if (video.playbackRate !== action.rate) video.playbackRate = action.rate
        if (video.paused) void video.play().catch(() => undefined)
        return status('playing')
      case 'stand':
        if (!video.paused) video.pause()
        return status('standing')
      case 'seek':
        video.currentTime = action.to
        if (running && video.paused) void video.play().catch(() => undefined)
        if (!running && !video.paused) video.pause()
        return status(running ? 'playing' : 'standing')
      case 'before': {
        // Asked from earlier than this stream begins: the core had nothing before its first image.
        const asked = player.request?.at ?? time
        if (time >= asked) {
          if (!video.paused) video.pause()
          return status('no-recording')
        }
        // Back past what was received: ask again from there (a little earlier while stepping).
        return wall >= entry.quietUntil || !running ? open(running ? time : time - REOPEN_BACK_MS) : status('buffering')
      }
      case 'wait':
        return status('buffering')
      case 'ahead':
        return wall >= entry.quietUntil && wall >= entry.openedWall + CATCH_UP_GRACE_MS ? open(time) : status('buffering')
      case 'ended':
        if (!video.paused) video.pause()
        if (player.suspended) return running || wall >= entry.quietUntil ? open(time) : status('standing')
        if (presence === 'no') return status('no-recording')
        // A new span starts, or the recorders wrote more since: ask from here, not too often (and
        // seldom where the timeline does not show a recording yet).
        if (wall < entry.quietUntil) return status(presence === 'yes' ? 'buffering' : 'no-recording')
        return open(time, presence === 'yes' ? AUTO_REOPEN_MS : RETRY_MS)
    }
  }
}

function sameTiles(a: Record<string, TileStatus>, b: Record<string, TileStatus>): boolean {
  const keys = Object.keys(b)
  if (Object.keys(a).length !== keys.length) return false
  return keys.every((key) => {
    const x = a[key]
    const y = b[key]
    return (
      x !== undefined &&
      x.state === y.state &&
      x.masked === y.masked &&
      x.stream === y.stream &&
      x.error?.message === y.error?.message &&
      JSON.stringify(x.problem) === JSON.stringify(y.problem)
    )
  })
}
