import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeH264Clip } from '../../fixtures/make-clip'
import { startRtspServer, type RtspServer } from '../../fixtures/rtsp-server'
import { waitUntil } from './test-support'
import { ffmpegWith } from '../../fixtures/processes'

/**
 * No ffmpeg may outlive the process that started it. Each test runs an IngestService in a separate Node
 * process (test/fixtures/ingest-host.ts) whose camera address carries a unique marker, kills that
 * process, then polls /proc until no ffmpeg with the marker is left.
 */

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
const HOST = join(ROOT, 'test', 'fixtures', 'ingest-host.ts')
const TEST_TIMEOUT = 60_000
/** ffmpeg's own I/O timeout (5 s) plus a wide margin for a loaded machine. */
const ORPHAN_DEADLINE_MS = 30_000

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Starts the host and resolves once it printed LIVE (its camera's ffmpeg is streaming). */
function startHost(source: string, mode: 'wait' | 'exit'): Promise<ChildProcess> {
  const host = spawn(process.execPath, ['--import', 'tsx', HOST, source, mode], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  cleanups.push(() => host.kill('SIGKILL'))
  return new Promise((resolvePromise, reject) => {
    let stderr = ''
    const timer = setTimeout(() => reject(new Error(`host never went live. stderr: ${stderr}`)), 30_000)
    host.stderr?.setEncoding('utf8')
    host.stderr?.on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000)
    })
    host.stdout?.setEncoding('utf8')
    host.stdout?.on('data', (text: string) => {
      if (!text.includes('LIVE')) return
      clearTimeout(timer)
      resolvePromise(host)
    })
    host.once('exit', (code) => {
      if (mode === 'exit') return
      clearTimeout(timer)
      reject(new Error(`host exited early with ${code}. stderr: ${stderr}`))
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolvePromise) => child.once('exit', () => resolvePromise()))
}

/** A copy of the test clip reachable through a path that contains a unique marker. */
async function markedClip(marker: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `vigie-${marker}-`))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const path = join(dir, 'clip.mp4')
  symlinkSync(await makeH264Clip(), path)
  return path
}

describe('no orphan ffmpeg', () => {
  beforeAll(async () => {
    await makeH264Clip()
  })

  it('when the host is SIGKILLed while streaming a file: ffmpeg dies of EPIPE', { timeout: TEST_TIMEOUT }, async () => {
    const marker = `orphan-${randomUUID()}`
    const host = await startHost(await markedClip(marker), 'wait')
    expect(ffmpegWith(marker)).toHaveLength(1)
    host.kill('SIGKILL')
    await exited(host)
    await waitUntil(() => ffmpegWith(marker).length === 0, ORPHAN_DEADLINE_MS, 'the orphaned ffmpeg to exit')
  })

  it('when the host calls process.exit() without disposing: the exit handler SIGKILLs ffmpeg', { timeout: TEST_TIMEOUT }, async () => {
    const marker = `orphan-${randomUUID()}`
    const host = await startHost(await markedClip(marker), 'exit')
    await exited(host)
    expect(host.exitCode).toBe(0)
    await waitUntil(() => ffmpegWith(marker).length === 0, ORPHAN_DEADLINE_MS, 'ffmpeg to be killed by the exit handler')
  })

  it('when the host is SIGKILLed while its RTSP camera is frozen: ffmpeg’s I/O timeout ends it', { timeout: TEST_TIMEOUT }, async () => {
    // A frozen camera sends nothing, so ffmpeg writes nothing and never meets EPIPE: only -timeout saves us.
    const marker = `orphan-${randomUUID()}`
    const camera: RtspServer = await startRtspServer({ file: await makeH264Clip(), mount: `/${marker}` })
    cleanups.push(() => camera.stop())
    const host = await startHost(camera.url, 'wait')
    expect(ffmpegWith(marker)).toHaveLength(1)

    const serverPid = camera.pid()
    if (serverPid === undefined) throw new Error('no server pid')
    process.kill(serverPid, 'SIGSTOP')
    host.kill('SIGKILL')
    await exited(host)
    await waitUntil(() => ffmpegWith(marker).length === 0, ORPHAN_DEADLINE_MS, 'the orphaned ffmpeg to time out')
  })
})
