import { existsSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FetchFn } from '../../../electron/core/assets/download'
import { fetchAssets, type AssetFetchReport } from '../../../electron/core/assets/fetch-assets'
import { quietLog, sampleBytes, sha256Of, syntheticMediaManifest, tempDir } from './support'

const CLIP = sampleBytes(200_000)
const PINNED_URL = `https://raw.githubusercontent.com/example/clips/${'a'.repeat(40)}/sample-clip.bin`

/** A stub server: answers every request with `bytes`, sent in several chunks like a real body. */
function serving(bytes: Uint8Array, requested: string[] = []): FetchFn {
  return async (url) => {
    requested.push(url)
    const chunkSize = 64 * 1024
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += chunkSize) {
          controller.enqueue(bytes.slice(offset, offset + chunkSize))
        }
        controller.close()
      }
    })
    return new Response(body, { status: 200 })
  }
}

/** What Node's fetch throws when DNS fails, e.g. with no network at all. */
function offlineError(host: string): TypeError {
  const cause = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host })
  return new TypeError('fetch failed', { cause })
}

/** A loopback port that was just released: connecting to it is refused at once, like a host that is down. */
function closedLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

function reasonOf(report: AssetFetchReport | undefined): string {
  return report?.status === 'failed' ? report.reason : `not failed: ${JSON.stringify(report)}`
}

function leftovers(root: string): string[] {
  const dir = join(root, 'resources/media')
  return existsSync(dir) ? readdirSync(dir) : []
}

describe('fetchAssets downloading', () => {
  it('streams the file, checks its sha256 and puts it in place', async () => {
    const root = await tempDir('dl')
    const requested: string[] = []
    const [report] = await fetchAssets({
      rootDir: root,
      manifest: syntheticMediaManifest(CLIP),
      fetchImpl: serving(CLIP, requested),
      log: quietLog
    })
    expect(report).toMatchObject({ id: 'sample-clip', status: 'downloaded', from: PINNED_URL })
    expect(requested).toEqual([PINNED_URL])
    expect(sha256Of(await readFile(join(root, 'resources/media/sample-clip.bin')))).toBe(sha256Of(CLIP))
    expect(leftovers(root)).toEqual(['sample-clip.bin'])
  })

  it('rejects bytes with the wrong sha256, giving both hashes and leaving no file', async () => {
    const root = await tempDir('dl')
    const tampered = Buffer.from(CLIP)
    tampered[12_345] = (tampered[12_345] ?? 0) ^ 0x01
    const [report] = await fetchAssets({
      rootDir: root,
      manifest: syntheticMediaManifest(CLIP),
      fetchImpl: serving(tampered),
      log: quietLog
    })
    expect(report?.status).toBe('failed')
    expect(reasonOf(report)).toContain(`expected ${sha256Of(CLIP)}`)
    expect(reasonOf(report)).toContain(`got ${sha256Of(tampered)}`)
    expect(leftovers(root)).toEqual([])
  })

  it('stops reading a body larger than expected', async () => {
    const root = await tempDir('dl')
    const [report] = await fetchAssets({
      rootDir: root,
      manifest: syntheticMediaManifest(CLIP),
      fetchImpl: serving(sampleBytes(CLIP.length * 3)),
      log: quietLog
    })
    expect(reasonOf(report)).toContain(`received more than the expected ${CLIP.length} bytes`)
    expect(leftovers(root)).toEqual([])
  })

  it('says the machine seems offline, per asset, without throwing, and does not retry a dead host', async () => {
    const root = await tempDir('dl')
    const manifest = syntheticMediaManifest(CLIP)
    const twoClips = {
      ...manifest,
      assets: [...manifest.assets, ...syntheticMediaManifest(CLIP, { id: 'other-clip' }).assets]
    }
    let calls = 0
    const reports = await fetchAssets({
      rootDir: root,
      manifest: twoClips,
      fetchImpl: async (url) => {
        calls++
        throw offlineError(new URL(url).host)
      },
      log: quietLog
    })
    expect(reports.map((report) => report.status)).toEqual(['failed', 'failed'])
    expect(reasonOf(reports[0])).toBe(
      'download failed: cannot resolve raw.githubusercontent.com (ENOTFOUND): this machine seems to be offline'
    )
    expect(reasonOf(reports[1])).toBe('download failed: raw.githubusercontent.com was unreachable earlier in this run')
    expect(calls).toBe(1)
    expect(leftovers(root)).toEqual([])
  })

  it('explains a refused connection from the real fetch', async () => {
    const root = await tempDir('dl')
    const port = await closedLoopbackPort()
    const toClosedPort: FetchFn = (_url, init) => fetch(`http://127.0.0.1:${port}/`, init)
    const [report] = await fetchAssets({
      rootDir: root,
      manifest: syntheticMediaManifest(CLIP),
      fetchImpl: toClosedPort,
      log: quietLog
    })
    expect(reasonOf(report)).toContain('cannot connect to raw.githubusercontent.com (ECONNREFUSED)')
  })

  it('falls back to the next URL when the pinned one answers an HTTP error', async () => {
    const root = await tempDir('dl')
    const fallback = 'https://github.com/example/clips/releases/download/v1/sample-clip.bin'
    const serveClip = serving(CLIP)
    const [report] = await fetchAssets({
      rootDir: root,
      manifest: syntheticMediaManifest(CLIP, { fallbackUrls: [fallback] }),
      fetchImpl: async (url, init) => (url === fallback ? serveClip(url, init) : new Response('gone', { status: 404 })),
      log: quietLog
    })
    expect(report).toMatchObject({ status: 'downloaded', from: fallback })
  })

  it('gives up on a server that never answers', async () => {
    const root = await tempDir('dl')
    const [report] = await fetchAssets({
      rootDir: root,
      manifest: syntheticMediaManifest(CLIP),
      // Ignores the abort signal on purpose: the download must still end.
      fetchImpl: () => new Promise<Response>(() => undefined),
      idleTimeoutMs: 20,
      log: quietLog
    })
    expect(reasonOf(report)).toBe('download failed: raw.githubusercontent.com stopped answering (no data received for 20 ms)')
    expect(leftovers(root)).toEqual([])
  })
})
