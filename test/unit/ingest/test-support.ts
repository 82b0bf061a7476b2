import { EventEmitter } from 'node:events'
import { PassThrough } from 'node:stream'
import type { CameraHealth, CameraSupervisor } from '../../../electron/core/ingest/camera-supervisor'
import type { SpawnedProcess } from '../../../electron/core/ingest/child-process-guard'
import type { Clock } from '../../../electron/core/ingest/clock'

/** Shared helpers for the ingest tests: a manual clock, a fake ffmpeg process, synthetic MP4 boxes, waits. */

// ---------------------------------------------------------------------------------------------- waiting

/** Resolves with the first health that satisfies `predicate` (the current one included); event-driven. */
export function waitForHealth(
  supervisor: CameraSupervisor,
  predicate: (health: CameraHealth) => boolean,
  timeoutMs = 20_000
): Promise<CameraHealth> {
  return new Promise((resolve, reject) => {
    if (predicate(supervisor.health)) return resolve(supervisor.health)
    const seen: string[] = []
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`health condition not met in ${timeoutMs} ms; saw: ${seen.join(' → ') || 'nothing'}; now ${JSON.stringify(supervisor.health)}`))
    }, timeoutMs)
    const stop = supervisor.onDidChangeHealth((health) => {
      seen.push(`${health.state}${health.reason ? `(${health.reason.code})` : ''}`)
      if (!predicate(health)) return
      clearTimeout(timer)
      stop()
      resolve(health)
    })
  })
}

/** Polls a condition; for facts that have no event (a process disappearing from /proc). */
export async function waitUntil(condition: () => boolean, timeoutMs: number, what: string, intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** Lets pending stream callbacks and microtasks run (fake processes deliver their output asynchronously). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve))
}

// ------------------------------------------------------------------------------------------- fake clock

interface FakeTimer {
  readonly id: number
  readonly at: number
  readonly callback: () => void
}

/** A clock that only moves when told to; timers fire in order while advancing. */
export class FakeClock implements Clock {
  private time: number
  private nextId = 1
  private timers: FakeTimer[] = []

  constructor(start = 1_000_000) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  setTimeout(callback: () => void, ms: number): () => void {
    const timer: FakeTimer = { id: this.nextId++, at: this.time + Math.max(0, ms), callback }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((candidate) => candidate.id !== timer.id)
    }
  }

  /** Delays (from now) of the timers still pending, soonest first. */
  pendingDelays(): number[] {
    return this.timers.map((timer) => timer.at - this.time).sort((a, b) => a - b)
  }

  advance(ms: number): void {
    const target = this.time + ms
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (due === undefined) break
      this.timers = this.timers.filter((timer) => timer.id !== due.id)
      this.time = due.at
      due.callback()
    }
    this.time = target
  }
}

// -------------------------------------------------------------------------------------- fake processes

/** Stands in for ffmpeg: the test writes its stdout/stderr and decides how it reacts to signals. */
export class FakeProcess extends EventEmitter implements SpawnedProcess {
  readonly pid: number | undefined
  readonly stdout = new PassThrough()
  readonly stderr = new PassThrough()
  readonly signals: NodeJS.Signals[] = []
  /** Signals that make the fake exit; SIGKILL always does. */
  exitOn: ReadonlySet<NodeJS.Signals> = new Set(['SIGTERM', 'SIGKILL'])
  private exited = false

  constructor(
    readonly command: string,
    readonly args: readonly string[],
    pid: number | undefined = 4242
  ) {
    super()
    this.pid = pid
  }

  kill(signal: NodeJS.Signals): boolean {
    this.signals.push(signal)
    if (signal === 'SIGKILL' || this.exitOn.has(signal)) this.exit(null, signal)
    return true
  }

  writeStderr(lines: readonly string[]): void {
    this.stderr.write(lines.map((line) => `${line}\n`).join(''))
  }

  writeStdout(bytes: Uint8Array): void {
    this.stdout.write(bytes)
  }

  exit(code: number | null, signal: NodeJS.Signals | null = null): void {
    if (this.exited) return
    this.exited = true
    this.stdout.end()
    this.stderr.end()
    setImmediate(() => this.emit('close', code, signal))
  }
}

/** A spawn function that records every fake process it hands out. */
export function fakeSpawner(): { spawn: (command: string, args: readonly string[]) => FakeProcess; spawned: FakeProcess[] } {
  const spawned: FakeProcess[] = []
  return {
    spawned,
    spawn: (command, args) => {
      const child = new FakeProcess(command, args)
      spawned.push(child)
      return child
    }
  }
}

// --------------------------------------------------------------------------------- synthetic MP4 boxes

export function box(type: string, ...payloads: readonly Uint8Array[]): Uint8Array {
  const size = 8 + payloads.reduce((sum, payload) => sum + payload.length, 0)
  const out = new Uint8Array(size)
  new DataView(out.buffer).setUint32(0, size)
  out.set(ascii(type), 4)
  let offset = 8
  for (const payload of payloads) {
    out.set(payload, offset)
    offset += payload.length
  }
  return out
}

/** The same box with a 64-bit "largesize" header. */
export function largeBox(type: string, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(16 + payload.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, 1)
  out.set(ascii(type), 4)
  view.setBigUint64(8, BigInt(out.length))
  out.set(payload, 16)
  return out
}

export function u32(...values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4)
  const view = new DataView(out.buffer)
  values.forEach((value, index) => view.setUint32(index * 4, value >>> 0))
  return out
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0))
}

export const NON_SYNC_SAMPLE = 0x0101_0000
export const SYNC_SAMPLE = 0x0200_0000

/** ftyp + a moov with one H.264 video track (profile/compat/level as given) and a trex default. */
export function initSegment(
  avc: { profile: number; compatibility: number; level: number } = { profile: 0x4d, compatibility: 0x40, level: 0x1e },
  trexDefaultFlags = NON_SYNC_SAMPLE
): Uint8Array {
  const avcC = box('avcC', Uint8Array.of(1, avc.profile, avc.compatibility, avc.level, 0xff, 0xe0, 0))
  const avc1 = box('avc1', new Uint8Array(78), avcC)
  const stsd = box('stsd', u32(0, 1), avc1)
  const hdlr = box('hdlr', u32(0, 0), ascii('vide'), u32(0, 0, 0), Uint8Array.of(0))
  const trak = box('trak', box('tkhd', new Uint8Array(84)), box('mdia', hdlr, box('minf', box('stbl', stsd))))
  const trex = box('trex', u32(0, 1, 1, 0, 0, trexDefaultFlags))
  return Uint8Array.from([...box('ftyp', ascii('isom'), u32(512), ascii('isomavc1')), ...box('moov', box('mvhd', new Uint8Array(100)), trak, box('mvex', trex))])
}

/** moof + mdat whose first sample flags are given in the place `where` says (or nowhere). */
export function fragment(
  where: 'trun-first' | 'trun-sample' | 'tfhd-default' | 'none',
  firstSampleFlags: number,
  mdatBytes = 32
): Uint8Array {
  const tfhdFlags = where === 'tfhd-default' ? 0x020020 : 0x020000
  const tfhd = box('tfhd', u32(tfhdFlags, 1), where === 'tfhd-default' ? u32(firstSampleFlags) : new Uint8Array(0))
  let trun: Uint8Array
  if (where === 'trun-first') trun = box('trun', u32(0x000205, 1, 0, firstSampleFlags, mdatBytes))
  else if (where === 'trun-sample') trun = box('trun', u32(0x000601, 1, 0, mdatBytes, firstSampleFlags))
  else trun = box('trun', u32(0x000201, 1, 0, mdatBytes))
  const moof = box('moof', box('mfhd', u32(0, 1)), box('traf', tfhd, trun))
  return Uint8Array.from([...moof, ...box('mdat', new Uint8Array(mdatBytes))])
}

/** Stderr lines as ffmpeg 5.1 prints them with `-loglevel level+info` for an H.264 RTSP camera. */
export const H264_INPUT_STDERR = [
  "[info] Input #0, rtsp, from 'rtsp://127.0.0.1:8554/live':",
  '[info]   Stream #0:0: Video: h264 (Constrained Baseline), yuv420p(progressive), 640x360, 25 fps, 25 tbr, 90k tbn',
  "[info] Output #0, mp4, to 'pipe:1':",
  '[info]   Stream #0:0: Video: h264 (Constrained Baseline) (avc1 / 0x31637661), yuv420p(progressive), 640x360, q=2-31, 25 fps, 25 tbr, 90k tbn'
]
