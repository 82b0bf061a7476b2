import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CameraSupervisor,
  type CameraConfig,
  type CameraHealth,
  type CameraSupervisorOptions
} from '../../../electron/core/ingest/camera-supervisor'
import type { MediaMessage } from '../../../electron/core/ingest/live-stream'
import {
  FakeClock,
  fakeSpawner,
  fragment,
  H264_INPUT_STDERR,
  initSegment,
  NON_SYNC_SAMPLE,
  settle,
  SYNC_SAMPLE
} from './test-support'

/**
 * The supervisor's state machine with a fake ffmpeg and a manual clock: every delay is exact, nothing
 * waits on real time. Jitter is pinned to the middle (random = 0.5) so delays equal the nominal backoff.
 */
function setup(camera: Partial<CameraConfig> = {}, options: CameraSupervisorOptions = {}) {
  const clock = new FakeClock()
  const spawner = fakeSpawner()
  const supervisor = new CameraSupervisor({
    camera: { id: 'cam-1', source: 'rtsp://admin:secret@10.0.0.8/live', ...camera },
    ffmpegPath: '/usr/bin/ffmpeg',
    options: { clock, random: () => 0.5, spawn: spawner.spawn, ...options }
  })
  const history: CameraHealth[] = []
  supervisor.onDidChangeHealth((health) => history.push(health))
  const messages: MediaMessage[] = []
  supervisor.stream.subscribe({ onMessage: (message) => messages.push(message) })
  const latest = () => {
    const child = spawner.spawned.at(-1)
    if (child === undefined) throw new Error('nothing spawned')
    return child
  }
  /** Plays a healthy H.264 camera on the latest fake ffmpeg. */
  const playH264 = async () => {
    latest().writeStderr(H264_INPUT_STDERR)
    latest().writeStdout(initSegment())
    latest().writeStdout(fragment('trun-first', SYNC_SAMPLE))
    await settle()
  }
  return { clock, spawner, supervisor, history, messages, latest, playH264 }
}

describe('CameraSupervisor (fake ffmpeg, manual clock)', () => {
  it('spawns ffmpeg with the display arguments and goes live on the first fragment', async () => {
    const { supervisor, spawner, latest, playH264, messages, clock } = setup()
    supervisor.start()
    expect(supervisor.health).toMatchObject({ state: 'connecting', attempt: 0, transcoding: false })
    expect(spawner.spawned).toHaveLength(1)
    expect(latest().command).toBe('/usr/bin/ffmpeg')
    expect(latest().args).toContain('rtsp://admin:secret@10.0.0.8/live')
    expect(latest().args[latest().args.indexOf('-c:v') + 1]).toBe('copy')

    clock.advance(1234)
    await playH264()
    expect(supervisor.health).toEqual({ state: 'live', since: clock.now(), attempt: 0, transcoding: false, codec: 'h264' })
    expect(messages.map((message) => message.type)).toEqual(['init', 'fragment'])
    expect(messages[1]).toMatchObject({ receivedAt: clock.now(), keyframe: true })
  })

  it('fails at once, without spawning, on a malformed address', () => {
    const { supervisor, spawner, clock } = setup({ source: 'rtsp://cam.local/live;reboot' })
    supervisor.start()
    expect(spawner.spawned).toHaveLength(0)
    expect(supervisor.health.state).toBe('failed')
    expect(supervisor.health.reason?.code).toBe('INVALID_URL')
    expect(supervisor.health.reason?.message).toMatch(/^Adresse de caméra invalide : caractère interdit/)
    expect(clock.pendingDelays()).toEqual([]) // no retry is scheduled
  })

  it('reconnects with exponential backoff and a readable reason, resetting once live', async () => {
    const { supervisor, spawner, latest, clock, playH264 } = setup()
    supervisor.start()
    const refused = ['[tcp @ 0x1] [error] Connection to tcp://10.0.0.8:554 failed: Connection refused', '[error] rtsp://admin:secret@10.0.0.8/live: Connection refused']

    for (const [attempt, delay] of [[1, 500], [2, 1000], [3, 2000], [4, 4000]] as const) {
      latest().writeStderr(refused)
      latest().exit(1)
      await settle()
      expect(supervisor.health).toMatchObject({
        state: 'reconnecting',
        attempt,
        reason: { code: 'CONNECTION_REFUSED', message: 'Connexion refusée par la caméra (port fermé ou service arrêté)' }
      })
      expect(clock.pendingDelays()).toEqual([delay])
      clock.advance(delay - 1)
      expect(spawner.spawned).toHaveLength(attempt)
      clock.advance(1)
      expect(spawner.spawned).toHaveLength(attempt + 1)
      // Still reconnecting (with the last reason) while the new ffmpeg connects.
      expect(supervisor.health.state).toBe('reconnecting')
    }

    await playH264()
    expect(supervisor.health).toMatchObject({ state: 'live', attempt: 0 })
    expect(supervisor.health.reason).toBeUndefined()
    latest().exit(0)
    await settle()
    expect(supervisor.health).toMatchObject({ state: 'reconnecting', attempt: 1, reason: { code: 'END_OF_STREAM' } })
    expect(clock.pendingDelays()).toEqual([500])
  })

  it('applies jitter from the injected random source', async () => {
    const { supervisor, latest, clock } = setup({}, { random: () => 0 })
    supervisor.start()
    latest().exit(1)
    await settle()
    expect(clock.pendingDelays()).toEqual([400])
  })

  it('marks permanent errors failed but still retries them, at the maximum backoff', async () => {
    const { supervisor, spawner, latest, clock } = setup()
    supervisor.start()
    latest().writeStderr(['[rtsp @ 0x1] [error] method DESCRIBE failed: 401 Unauthorized'])
    latest().exit(1)
    await settle()
    expect(supervisor.health).toMatchObject({ state: 'failed', attempt: 1, reason: { code: 'UNAUTHORIZED' } })
    expect(clock.pendingDelays()).toEqual([15_000])
    clock.advance(15_000)
    expect(spawner.spawned).toHaveLength(2)
    // The tile keeps showing the error while the quiet retry runs.
    expect(supervisor.health.state).toBe('failed')
  })

  it('restarts a live camera that goes silent: stalled, then reconnecting', async () => {
    const { supervisor, spawner, latest, clock, playH264, history } = setup()
    supervisor.start()
    await playH264()
    clock.advance(3000)
    latest().writeStdout(fragment('trun-first', NON_SYNC_SAMPLE))
    await settle()
    clock.advance(4999) // 4999 ms since the last data: still fine
    expect(supervisor.health.state).toBe('live')
    clock.advance(1)
    expect(supervisor.health).toMatchObject({ state: 'stalled', reason: { code: 'STALLED', message: 'Plus d’image depuis 5 s' } })
    expect(latest().signals).toEqual(['SIGTERM'])
    await settle()
    expect(supervisor.health).toMatchObject({ state: 'reconnecting', attempt: 1, reason: { code: 'STALLED' } })
    clock.advance(500)
    expect(spawner.spawned).toHaveLength(2)
    // 'connecting' once: the codec became known before the first picture.
    expect(history.map((health) => health.state)).toEqual(['connecting', 'live', 'stalled', 'reconnecting'])
  })

  it('gives a starting ffmpeg longer before declaring a timeout', async () => {
    const { supervisor, latest, clock } = setup({}, { connectTimeoutMs: 12_000 })
    supervisor.start()
    clock.advance(11_999)
    expect(latest().signals).toEqual([])
    clock.advance(1)
    expect(latest().signals).toEqual(['SIGTERM'])
    await settle()
    expect(supervisor.health).toMatchObject({ state: 'reconnecting', reason: { code: 'TIMEOUT' } })
  })

  it('restarts in transcode mode, at once, when the camera is not H.264', async () => {
    const { supervisor, spawner, latest, clock } = setup()
    supervisor.start()
    const copying = latest()
    copying.writeStderr([
      "[info] Input #0, rtsp, from 'rtsp://admin:secret@10.0.0.8/live':",
      '[info]   Stream #0:0: Video: hevc (Main), yuv420p(tv), 1920x1080, 25 fps, 25 tbr, 90k tbn'
    ])
    await settle()
    expect(copying.signals).toEqual(['SIGTERM'])
    expect(spawner.spawned).toHaveLength(2)
    expect(clock.pendingDelays().length).toBeLessThanOrEqual(1) // only the new run's watchdog, no backoff
    const args = latest().args
    expect(args[args.indexOf('-c:v') + 1]).toBe('libx264')
    expect(supervisor.health).toMatchObject({ state: 'connecting', attempt: 0, transcoding: true, codec: 'hevc' })
  })

  it('also switches to transcoding when only the init segment reveals a codec the browser cannot play', async () => {
    const { supervisor, spawner, latest, messages } = setup()
    supervisor.start()
    latest().writeStdout(replaceFourCC(initSegment(), 'avc1', 'hvc1'))
    await settle()
    await settle()
    expect(spawner.spawned).toHaveLength(2)
    expect(supervisor.health.transcoding).toBe(true)
    expect(messages).toEqual([]) // the unplayable init never reached a viewer
  })

  it('transcodes from the start when the camera asks for it', () => {
    const { supervisor, latest } = setup({ transcode: 'always' })
    supervisor.start()
    expect(supervisor.health.transcoding).toBe(true)
    expect(latest().args).toContain('libx264')
  })

  it('restarts when ffmpeg output is not valid MP4', async () => {
    const { supervisor, latest } = setup()
    supervisor.start()
    latest().writeStdout(Uint8Array.from([0, 0, 0, 100, 0, 1, 2, 3]))
    await settle()
    expect(latest().signals).toEqual(['SIGTERM'])
    await settle()
    expect(supervisor.health).toMatchObject({ state: 'reconnecting', reason: { code: 'INVALID_STREAM' } })
  })

  it('reports a missing ffmpeg binary as a failure', async () => {
    const { supervisor, latest } = setup()
    supervisor.start()
    const enoent = Object.assign(new Error('spawn /usr/bin/ffmpeg ENOENT'), { code: 'ENOENT' })
    Object.defineProperty(latest(), 'pid', { value: undefined })
    latest().emit('error', enoent)
    latest().exit(-2)
    await settle()
    expect(supervisor.health).toMatchObject({ state: 'failed', reason: { code: 'FFMPEG_UNAVAILABLE', message: 'ffmpeg est introuvable : installez-le ou réglez FFMPEG_PATH' } })
  })

  it('stop() sends SIGTERM, then SIGKILL after the grace period, and resolves once ffmpeg has exited', async () => {
    const { supervisor, latest, clock, playH264 } = setup({}, { killGraceMs: 2000 })
    supervisor.start()
    await playH264()
    latest().exitOn = new Set() // an ffmpeg stuck in a blocking call ignores SIGTERM
    let stopped = false
    const stopping = supervisor.stop().then(() => {
      stopped = true
    })
    expect(latest().signals).toEqual(['SIGTERM'])
    clock.advance(1999)
    await settle()
    expect(stopped).toBe(false)
    clock.advance(1)
    expect(latest().signals).toEqual(['SIGTERM', 'SIGKILL'])
    await stopping
    expect(stopped).toBe(true)
  })

  it('does not reconnect or publish after stop(), and cannot be restarted', async () => {
    const { supervisor, spawner, latest, clock, messages } = setup()
    supervisor.start()
    latest().exit(1)
    await settle()
    expect(clock.pendingDelays()).toEqual([500])
    await supervisor.stop()
    clock.advance(60_000)
    supervisor.start()
    expect(spawner.spawned).toHaveLength(1)
    expect(messages).toEqual([])
  })

  it('ignores what a stopping ffmpeg still writes', async () => {
    const { supervisor, latest, messages, playH264 } = setup()
    supervisor.start()
    await playH264()
    latest().exitOn = new Set()
    void supervisor.stop()
    latest().writeStdout(fragment('trun-first', SYNC_SAMPLE))
    await settle()
    expect(messages.map((message) => message.type)).toEqual(['init', 'fragment'])
  })

  it('burns the privacy masks in: always transcoded, with the mask image as second input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-supervisor-mask-'))
    try {
      const maskImage = join(dir, 'cam-1-0123456789abcdef.pgm')
      writeFileSync(maskImage, 'P5\n2 2\n255\n\0\0\0\0')
      const { supervisor, latest, playH264 } = setup({ maskImage })
      supervisor.start()
      expect(supervisor.health.transcoding).toBe(true)
      const args = latest().args
      expect(args[args.indexOf('-c:v') + 1]).toBe('libx264')
      expect(args.filter((arg) => arg === '-i')).toHaveLength(2)
      expect(args[args.lastIndexOf('-i') + 1]).toBe(maskImage)
      expect(args[args.indexOf('-filter_complex') + 1]).toContain('alphamerge')
      await playH264()
      expect(supervisor.health).toMatchObject({ state: 'live', transcoding: true })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('shows nothing when the mask image is missing, and says why', () => {
    const { supervisor, spawner, clock } = setup({ maskImage: join(tmpdir(), 'vigie-no-such-mask.pgm') })
    supervisor.start()
    expect(spawner.spawned).toHaveLength(0)
    expect(supervisor.health).toMatchObject({ state: 'failed', reason: { code: 'FILE_NOT_FOUND' } })
    expect(supervisor.health.reason?.message).toMatch(/masques de confidentialité/)
    expect(clock.pendingDelays()).toHaveLength(1) // retried slowly, in case the file comes back
  })
})

/** Renames the sample entry (the last occurrence: the first one is a brand in ftyp). */
function replaceFourCC(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = Uint8Array.from(bytes)
  const at = Buffer.from(out).lastIndexOf(Buffer.from(from, 'latin1'))
  if (at < 0) throw new Error(`${from} not found`)
  out.set(Buffer.from(to, 'latin1'), at)
  return out
}
