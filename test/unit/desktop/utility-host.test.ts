import { copyFile, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MessageChannel, Worker } from 'node:worker_threads'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeMediaFrame } from '../../../electron/shared/media-frames'
import { createRpcClient, type RpcClient } from '../../../electron/shared/rpc/client'
import { createMessagePortTransport } from '../../../electron/shared/rpc/message-port-transport'
import { waitFor } from '../../fixtures/core-harness'
import { BUILT, ensureBuilt, repoRoot } from '../../fixtures/electron-stub/ensure-build'
import { makeH264Clip } from '../../fixtures/make-clip'
import { ffmpegWith } from '../../fixtures/processes'

/**
 * The built utility-process host (out/main/core-host.js, source electron/hosts/utility.ts), run in a
 * worker thread that plays Electron's utility process (test/fixtures/electron-stub/utility-worker.mjs):
 * `process.parentPort`, MessagePortMain-like ports, and an `electron` module without main-process APIs.
 *
 * The app root is a throw-away copy whose only demo clip is a generated test clip, so exactly one demo
 * camera (demo-parking, a cheap remux) runs whatever media the checkout holds, and its ffmpeg can be
 * found by the unique directory name in its command line.
 */

const WORKER_ENTRY = join(repoRoot, 'test', 'fixtures', 'electron-stub', 'utility-worker.mjs')
const DEMO_CLIP = 'resources/media/intel_car-detection.mp4'
const DEMO_CAMERA = 'demo-parking'

let root: string
let appRoot: string
let dataDir: string
let worker: Worker
let workerStderr = ''
let exited: Promise<number>
let workerExitCode: number | null = null
let client: RpcClient
let clientClosed = false

function diagnostics(): string {
  return `worker stderr:\n${workerStderr.slice(-4000)}`
}

/** A minimal app root: package.json (version), the asset manifest, the notices, and one demo clip. */
async function makeAppRoot(dir: string): Promise<void> {
  await mkdir(join(dir, 'resources', 'media'), { recursive: true })
  await copyFile(join(repoRoot, 'package.json'), join(dir, 'package.json'))
  await symlink(join(repoRoot, 'resources', 'assets.json'), join(dir, 'resources', 'assets.json'))
  await symlink(join(repoRoot, 'resources', 'third-party.json'), join(dir, 'resources', 'third-party.json'))
  await symlink(join(repoRoot, 'resources', 'common-passwords.txt'), join(dir, 'resources', 'common-passwords.txt'))
  await symlink(join(repoRoot, 'resources', 'rule-packs'), join(dir, 'resources', 'rule-packs'))
  await symlink(await makeH264Clip(), join(dir, DEMO_CLIP))
}

function nextChildMessage(target: Worker, accept: (data: unknown) => boolean): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const onMessage = (message: { kind?: string; data?: unknown }): void => {
      if (message?.kind !== 'child-message' || !accept(message.data)) return
      cleanup()
      resolvePromise(message.data)
    }
    const onExit = (code: number): void => {
      cleanup()
      reject(new Error(`the core host exited (${code}) before answering.\n${diagnostics()}`))
    }
    const onError = (error: Error): void => {
      cleanup()
      reject(new Error(`the core host failed: ${error.stack ?? error.message}\n${diagnostics()}`))
    }
    const cleanup = (): void => {
      target.off('message', onMessage)
      target.off('exit', onExit)
      target.off('error', onError)
    }
    target.on('message', onMessage)
    target.once('exit', onExit)
    target.once('error', onError)
  })
}

/** Resolves with the worker's exit code, or null if it is still running after `timeoutMs`. */
function exitWithin(timeoutMs: number): Promise<number | null> {
  return Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), timeoutMs).unref())])
}

/** Opens a media socket as the desktop window would (a file:// page) and resolves with the first frame. */
function firstMediaFrame(url: string): Promise<Uint8Array> {
  return new Promise((resolvePromise, reject) => {
    const socket = new WebSocket(url, { origin: 'file://' })
    socket.binaryType = 'nodebuffer'
    socket.once('message', (data: Buffer) => {
      socket.close()
      resolvePromise(new Uint8Array(data))
    })
    socket.once('unexpected-response', (_request, response) => reject(new Error(`media socket refused: ${response.statusCode}`)))
    socket.once('error', reject)
  })
}

/** Resolves with the HTTP status a media socket upgrade is refused with (or 101 if it is accepted). */
function upgradeStatus(url: string, origin = 'file://'): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const socket = new WebSocket(url, { origin })
    socket.once('open', () => {
      socket.close()
      resolvePromise(101)
    })
    socket.once('unexpected-response', (request, response) => {
      resolvePromise(response.statusCode ?? 0)
      request.destroy()
    })
    socket.once('error', (error) => {
      // ws reports a refusal through 'unexpected-response'; an error here is a real failure.
      reject(error)
    })
  })
}

beforeAll(async () => {
  await ensureBuilt()
  root = await mkdtemp(join(tmpdir(), 'vigie-utility-host-'))
  appRoot = join(root, 'app')
  dataDir = join(root, 'data')
  await makeAppRoot(appRoot)

  worker = new Worker(WORKER_ENTRY, {
    workerData: { entry: BUILT.coreHost, args: ['--data', dataDir, '--app-root', appRoot] },
    stderr: true,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(root, 'no-electron-here') }
  })
  worker.stderr.setEncoding('utf8').on('data', (text: string) => {
    workerStderr = (workerStderr + text).slice(-20_000)
  })
  exited = new Promise((resolvePromise) =>
    worker.once('exit', (code) => {
      workerExitCode = code
      resolvePromise(code)
    })
  )
  await nextChildMessage(worker, (data) => data === 'core-ready')

  // What Electron main does for each window: one end to the core, the other to the page.
  const { port1, port2 } = new MessageChannel()
  worker.postMessage({ kind: 'parent-message', data: 'connect-window', ports: [port1] }, [port1])
  client = createRpcClient(createMessagePortTransport(port2), { timeoutMs: 20_000 })
  client.onClose(() => {
    clientClosed = true
  })
  // First run, as the window's setup screen does it: everything but the public calls needs a session.
  await expect(client.call('cameras.list', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  await client.call('setup.createFirstAdmin', {
    organisation: { name: 'Ville de Test', deployer: 'commune' },
    username: 'admin',
    displayName: 'Administratrice',
    password: 'Lanterne-Brume-Quai-1871'
  })
}, 240_000)

afterAll(async () => {
  if (worker && workerExitCode === null) {
    // Normally the last test already stopped the host; this is the path for a failed run.
    worker.postMessage({ kind: 'signal', signal: 'SIGTERM' })
    if ((await exitWithin(20_000)) === null) await worker.terminate()
  }
  if (root) {
    try {
      await waitFor(() => ffmpegWith(root).length === 0, 'the demo ffmpeg to exit', 30_000)
    } finally {
      // Last resort, by pid, for processes this test started (their command line names its private directory).
      for (const pid of ffmpegWith(root)) process.kill(pid, 'SIGKILL')
      await rm(root, { recursive: true, force: true })
    }
  }
}, 90_000)

describe('utility-process core host (out/main/core-host.js)', () => {
  it('serves the contract over the window MessagePort, in desktop mode', async () => {
    const info = await client.call('app.info', {})
    const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
    expect(info).toMatchObject({ product: 'Vigie', version: pkg.version, mode: 'desktop', demo: true })
    expect(info.ffmpeg.available).toBe(true)
    expect(info.configError).toBeUndefined()
  })

  it('saves workstation settings with electron-store in the data directory', async () => {
    const updated = await client.call('settings.update', { wall: { layout: '3x3' } })
    expect(updated.wall.layout).toBe('3x3')
    expect((await client.call('settings.get', {})).wall.layout).toBe('3x3')

    const stored = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>
    expect(stored).toMatchObject({ schemaVersion: 1, locale: 'fr', wall: { layout: '3x3', focusedTile: null } })
    expect((stored.wall as { tiles: unknown[] }).tiles).toHaveLength(16)
  })

  it('lists the demo site found under the app root (and only the clips present)', async () => {
    const cameras = await client.call('cameras.list', {})
    expect(cameras).toEqual([
      expect.objectContaining({ id: DEMO_CAMERA, demo: true, source: 'démo : intel_car-detection.mp4', enabled: true })
    ])
    // The install path never reaches the screen.
    expect(JSON.stringify(cameras)).not.toContain(root)
  })

  it('opens live media on a loopback URL with a one-time ticket and the launch token', async () => {
    const { cameraId, url } = await client.call('live.open', { cameraId: DEMO_CAMERA })
    expect(cameraId).toBe(DEMO_CAMERA)
    const match = /^ws:\/\/127\.0\.0\.1:(\d+)\/media\/demo-parking\?ticket=([A-Za-z0-9_-]+)&token=([A-Za-z0-9_-]+)$/u.exec(url)
    expect(match, url).not.toBeNull()

    // The desktop window (a file:// page) gets the stream: the first frame is the init segment.
    const frame = decodeMediaFrame(await firstMediaFrame(url))
    expect(frame.type).toBe('init')
    if (frame.type === 'init') {
      expect(frame.codec).toMatch(/^avc1\./u)
      expect(frame.data.length).toBeGreaterThan(0)
    }

    // The ticket is spent; a fresh ticket with a wrong token, or from a web origin, is refused.
    expect(await upgradeStatus(url)).toBe(403)
    const second = (await client.call('live.open', { cameraId: DEMO_CAMERA })).url
    const wrongToken = new URL(second)
    wrongToken.searchParams.set('token', 'x'.repeat(43))
    expect(await upgradeStatus(wrongToken.toString())).toBe(401)
    expect(await upgradeStatus(second, 'https://evil.example')).toBe(403)
  })

  it('refuses a camera it does not have', async () => {
    await expect(client.call('live.open', { cameraId: 'demo-inconnue' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('on SIGTERM, closes the window port, stops ffmpeg and exits 0', async () => {
    // The demo camera's two: its display stream and its recorder.
    await waitFor(() => ffmpegWith(root).length === 2, 'the demo camera’s ffmpeg processes', 20_000)
    worker.postMessage({ kind: 'signal', signal: 'SIGTERM' })
    const code = await exitWithin(30_000)
    expect(code, diagnostics()).toBe(0)
    // dispose() awaits every ffmpeg's exit before the host exits.
    expect(ffmpegWith(root)).toEqual([])
    // The core announced the close on the port, so the window sees the connection end.
    await waitFor(() => clientClosed, 'the window transport to close', 5_000)
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' })
  })
})
