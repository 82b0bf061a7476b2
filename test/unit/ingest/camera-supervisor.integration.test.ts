import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  CameraSupervisor,
  type CameraConfig,
  type CameraHealth
} from '../../../electron/core/ingest/camera-supervisor'
import type { MediaMessage } from '../../../electron/core/ingest/live-stream'
import { ffmpegForTests, makeH264Clip, makeMjpegClip } from '../../fixtures/make-clip'
import { startRtspServer, type RtspServer } from '../../fixtures/rtsp-server'
import { waitForHealth } from './test-support'

/**
 * The supervisor against real ffmpeg 5.1 and a real RTSP server (gst-rtsp-server on loopback).
 * Every wait is on an event (a health change, a media message) with a generous timeout, never a sleep.
 */

const TEST_TIMEOUT = 45_000
/** Short backoff so reconnection tests do not wait for the production delays. */
const FAST_RETRY = { backoff: { initialMs: 200, maxMs: 2000 } } as const

const running: CameraSupervisor[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((supervisor) => supervisor.stop()))
})

function supervise(camera: Omit<CameraConfig, 'id'>): CameraSupervisor {
  const supervisor = new CameraSupervisor({
    camera: { id: 'it', ...camera },
    ffmpegPath: ffmpegForTests(),
    options: FAST_RETRY
  })
  running.push(supervisor)
  supervisor.start()
  return supervisor
}

/** Resolves with the messages received once `count` fragments have arrived after the first init. */
function collectMedia(supervisor: CameraSupervisor, count: number, timeoutMs = 30_000): Promise<MediaMessage[]> {
  return new Promise((resolve, reject) => {
    const messages: MediaMessage[] = []
    const timer = setTimeout(() => {
      unsubscribe()
      reject(new Error(`got ${messages.length} media messages in ${timeoutMs} ms; health ${JSON.stringify(supervisor.health)}`))
    }, timeoutMs)
    const unsubscribe = supervisor.stream.subscribe({
      onMessage: (message) => {
        messages.push(message)
        if (messages.filter((m) => m.type === 'fragment').length < count) return
        clearTimeout(timer)
        unsubscribe()
        resolve(messages)
      }
    })
  })
}

const isLive = (health: CameraHealth): boolean => health.state === 'live'

describe('CameraSupervisor with real ffmpeg', () => {
  let h264Clip: string
  let mjpegClip: string
  beforeAll(async () => {
    ;[h264Clip, mjpegClip] = await Promise.all([makeH264Clip(), makeMjpegClip()])
  })

  it('plays a looped file as a live camera: init segment, then keyframe-led fragments', { timeout: TEST_TIMEOUT }, async () => {
    const supervisor = supervise({ source: h264Clip })
    const media = collectMedia(supervisor, 3)
    const health = await waitForHealth(supervisor, isLive)
    expect(health).toMatchObject({ attempt: 0, transcoding: false, codec: 'h264' })
    const messages = await media
    expect(messages[0]).toMatchObject({ type: 'init', generation: 1, codec: 'avc1.4D401E' })
    const fragments = messages.filter((message) => message.type === 'fragment')
    expect(fragments[0]).toMatchObject({ generation: 1, keyframe: true })
    for (const fragment of fragments) {
      expect(fragment.type === 'fragment' && Math.abs(Date.now() - fragment.receivedAt) < 30_000).toBe(true)
    }
  })

  it('fails at once with a readable message on a malformed address', { timeout: TEST_TIMEOUT }, async () => {
    const supervisor = supervise({ source: 'rtsp//camera-sans-deux-points/live' })
    expect(supervisor.health.state).toBe('failed')
    expect(supervisor.health.reason).toEqual({
      code: 'INVALID_URL',
      message: 'Adresse de caméra invalide : ni une URL (rtsp://, http://, https://, file://) ni un chemin absolu vers un fichier vidéo'
    })
  })

  it('reports a closed port as connection refused and keeps retrying', { timeout: TEST_TIMEOUT }, async () => {
    const supervisor = supervise({ source: 'rtsp://127.0.0.1:9/live' })
    const health = await waitForHealth(supervisor, (h) => h.state === 'reconnecting' && h.attempt >= 2)
    expect(health.reason).toEqual({
      code: 'CONNECTION_REFUSED',
      message: 'Connexion refusée par la caméra (port fermé ou service arrêté)'
    })
  })

  it('reports a missing file as failed', { timeout: TEST_TIMEOUT }, async () => {
    const supervisor = supervise({ source: '/nonexistent/vigie/clip.mp4' })
    const health = await waitForHealth(supervisor, (h) => h.state === 'failed')
    expect(health.reason).toEqual({ code: 'FILE_NOT_FOUND', message: 'Fichier vidéo introuvable' })
  })

  it('transcodes a camera the browser cannot decode (MJPEG) to H.264', { timeout: TEST_TIMEOUT }, async () => {
    const supervisor = supervise({ source: mjpegClip })
    const media = collectMedia(supervisor, 2)
    const health = await waitForHealth(supervisor, isLive)
    expect(health).toMatchObject({ transcoding: true, codec: 'mjpeg', attempt: 0 })
    const messages = await media
    const inits = messages.filter((message) => message.type === 'init')
    expect(inits).toHaveLength(1) // the copy-mode run was stopped before it wrote an init
    expect(inits[0]).toMatchObject({ codec: expect.stringMatching(/^avc1\.4D40/) }) // -profile:v main
  })

  it('plays an HLS playlist over HTTP', { timeout: TEST_TIMEOUT }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-hls-'))
    const server = await serveDirectory(dir)
    try {
      await promisify(execFile)(ffmpegForTests(), [
        '-hide_banner', '-loglevel', 'error', '-i', h264Clip, '-c', 'copy',
        '-f', 'hls', '-hls_time', '1', '-hls_list_size', '0', join(dir, 'live.m3u8')
      ])
      const supervisor = supervise({ source: `http://127.0.0.1:${serverPort(server)}/live.m3u8` })
      const media = collectMedia(supervisor, 2)
      expect(await waitForHealth(supervisor, isLive)).toMatchObject({ codec: 'h264', transcoding: false })
      expect((await media)[0]).toMatchObject({ type: 'init', codec: 'avc1.4D401E' })
    } finally {
      await new Promise((resolve) => server.close(resolve))
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('CameraSupervisor with a real RTSP camera (gst-rtsp-server)', () => {
  let fileServer: RtspServer
  beforeAll(async () => {
    fileServer = await startRtspServer({ file: await makeH264Clip() })
  })
  afterAll(async () => {
    await fileServer?.stop()
  })

  it.each(['tcp', 'udp'] as const)('goes live over RTSP/%s', { timeout: TEST_TIMEOUT }, async (rtspTransport) => {
    const supervisor = supervise({ source: fileServer.url, rtspTransport })
    const media = collectMedia(supervisor, 2)
    expect(await waitForHealth(supervisor, isLive)).toMatchObject({ codec: 'h264', transcoding: false })
    const messages = await media
    expect(messages[0]).toMatchObject({ type: 'init', codec: 'avc1.4D401E' })
    expect(messages.find((message) => message.type === 'fragment')).toMatchObject({ keyframe: true })
  })

  it('reconnects by itself when the camera goes away and comes back', { timeout: 60_000 }, async () => {
    const camera = await startRtspServer({ file: await makeH264Clip() })
    try {
      const supervisor = supervise({ source: camera.url })
      await waitForHealth(supervisor, isLive)
      const generation = supervisor.stream.generation

      await camera.stop()
      const down = await waitForHealth(supervisor, (h) => h.state === 'reconnecting', 10_000)
      expect(down.reason?.message).toBeTruthy()

      await camera.restart()
      const back = await waitForHealth(supervisor, isLive, 30_000)
      expect(back.attempt).toBe(0)
      expect(back.reason).toBeUndefined()
      expect(supervisor.stream.generation).toBeGreaterThan(generation) // viewers were sent a new init
    } finally {
      await camera.stop()
    }
  })

  it('fails on a wrong password, and plays with the right one', { timeout: TEST_TIMEOUT }, async () => {
    const camera = await startRtspServer({ live: true, credentials: { user: 'operateur', password: 'bon-mot-de-passe' } })
    try {
      const rejected = supervise({ source: camera.url.replace('rtsp://', 'rtsp://operateur:mauvais@') })
      const failed = await waitForHealth(rejected, (h) => h.state === 'failed')
      expect(failed.reason).toEqual({ code: 'UNAUTHORIZED', message: 'Identifiant ou mot de passe refusé par la caméra (401)' })

      const accepted = supervise({ source: camera.url.replace('rtsp://', 'rtsp://operateur:bon-mot-de-passe@') })
      // The live encoder's first keyframe can take a few seconds on a busy machine.
      expect(await waitForHealth(accepted, isLive, 30_000)).toMatchObject({ codec: 'h264' })
    } finally {
      await camera.stop()
    }
  })

  it('reports a wrong path on the camera as not found', { timeout: TEST_TIMEOUT }, async () => {
    const supervisor = supervise({ source: fileServer.url.replace(/\/live$/u, '/nope') })
    const failed = await waitForHealth(supervisor, (h) => h.state === 'failed')
    expect(failed.reason?.code).toBe('NOT_FOUND')
  })
})

function serveDirectory(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const name = (request.url ?? '/').split('?')[0]?.replace(/^\/+/u, '') ?? ''
    if (!/^[\w.-]+$/u.test(name)) {
      response.writeHead(404).end()
      return
    }
    const type = name.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t'
    createReadStream(join(dir, name))
      .on('error', () => response.writeHead(404).end())
      .once('open', () => response.writeHead(200, { 'content-type': type }))
      .pipe(response)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

function serverPort(server: Server): number {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('server not listening')
  return address.port
}
