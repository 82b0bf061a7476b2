import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CameraConfig } from '../../../electron/shared/camera'
import { CameraViewSchema } from '../../../electron/shared/camera'
import { CameraDirectory, toView, type DemoMode } from '../../../electron/core/config/camera-directory'
import { CameraStore } from '../../../electron/core/config/camera-store'
import { buildDemoSite, DEMO_CLIPS, type DemoSite } from '../../../electron/core/config/demo-site'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-demo-site-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function configured(id: string, source: string): CameraConfig {
  return { id, name: `Caméra ${id}`, source, rtspTransport: 'tcp', transcode: 'auto', group: 'default', enabled: true, analytics: [] }
}

/** A resolver that only finds the clips whose relative path is in `present`, under a fake root. */
function resolverFor(present: string[]): { resolve: (relativePath: string) => string | null; asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    resolve: (relativePath) => {
      asked.push(relativePath)
      return present.includes(relativePath) ? `/opt/vigie/${relativePath}` : null
    }
  }
}

describe('buildDemoSite', () => {
  it('turns the clips that were found into demo cameras and lists the others as missing', () => {
    const [first, , third] = DEMO_CLIPS
    const resolver = resolverFor([first.assetPath, third.assetPath])
    const site = buildDemoSite(resolver.resolve)

    expect(resolver.asked).toEqual(DEMO_CLIPS.map((clip) => clip.assetPath))
    expect(site.cameras).toEqual([
      {
        id: first.id,
        name: first.name,
        source: `/opt/vigie/${first.assetPath}`,
        rtspTransport: 'tcp',
        transcode: first.transcode,
        group: 'demo',
        enabled: true,
        analytics: expect.any(Array)
      },
      {
        id: third.id,
        name: third.name,
        source: `/opt/vigie/${third.assetPath}`,
        rtspTransport: 'tcp',
        transcode: third.transcode,
        group: 'demo',
        enabled: true,
        analytics: expect.any(Array)
      }
    ])
    expect(site.missing).toEqual(DEMO_CLIPS.filter((clip) => clip !== first && clip !== third).map((clip) => clip.assetPath))
  })

  it('gives an empty site listing every clip as missing when nothing is found', () => {
    const site = buildDemoSite(() => null)
    expect(site.cameras).toEqual([])
    expect(site.missing).toEqual(DEMO_CLIPS.map((clip) => clip.assetPath))
  })

  it('keeps demo ids unique and valid camera ids', () => {
    const site = buildDemoSite((relativePath) => `/x/${relativePath}`)
    const ids = site.cameras.map((camera) => camera.id)
    expect(new Set(ids).size).toBe(DEMO_CLIPS.length)
    for (const camera of site.cameras) expect(camera.id).toMatch(/^demo-[a-z0-9_-]+$/)
  })
})

describe('CameraDirectory', () => {
  const site: DemoSite = buildDemoSite((relativePath) => (relativePath.includes('derived') ? null : `/opt/vigie/${relativePath}`))
  const demoIds = site.cameras.map((camera) => camera.id)

  async function directory(mode: DemoMode, cameras: CameraConfig[]): Promise<{ directory: CameraDirectory; store: CameraStore }> {
    const store = await CameraStore.open(join(dir, 'cameras.json'))
    for (const camera of cameras) await store.add(camera)
    return { directory: new CameraDirectory(store, site, mode), store }
  }

  it('shows the demo site while no camera is configured (auto)', async () => {
    const { directory: d } = await directory('auto', [])
    expect(demoIds.length).toBeGreaterThan(0)
    expect(d.demoActive).toBe(true)
    expect(d.all().map((camera) => camera.id)).toEqual(demoIds)
    expect(d.all().every((camera) => camera.demo)).toBe(true)
    expect(d.missingDemoAssets).toEqual(site.missing)
    expect(d.find(demoIds[0])?.demo).toBe(true)
  })

  it('hides the demo site as soon as one camera is configured (auto)', async () => {
    const { directory: d, store } = await directory('auto', [])
    await store.add(configured('hall', 'rtsp://10.0.0.2/live'))
    expect(d.demoActive).toBe(false)
    expect(d.all()).toEqual([{ ...configured('hall', 'rtsp://10.0.0.2/live'), demo: false }])
    expect(d.missingDemoAssets).toEqual([])
    expect(d.find(demoIds[0])).toBeUndefined()
    // A demo id stays recognised as such (it may not be edited), even while the demo is hidden.
    expect(d.isDemo(demoIds[0])).toBe(true)
    expect(d.isDemo('hall')).toBe(false)
  })

  it('never shows the demo with "off", even with nothing configured', async () => {
    const { directory: d } = await directory('off', [])
    expect(d.demoActive).toBe(false)
    expect(d.all()).toEqual([])
    expect(d.views()).toEqual([])
    expect(d.missingDemoAssets).toEqual([])
  })

  it('shows the demo alongside configured cameras with "force", demo first', async () => {
    const { directory: d } = await directory('force', [configured('hall', 'rtsp://10.0.0.2/live')])
    expect(d.demoActive).toBe(true)
    expect(d.all().map((camera) => [camera.id, camera.demo])).toEqual([...demoIds.map((id) => [id, true]), ['hall', false]])
  })

  it('views() match the contract schema and hide every credential', async () => {
    const { directory: d } = await directory('force', [
      configured('hall', 'rtsp://admin:s3cret@10.0.0.2:554/live'),
      configured('quai', 'http://10.0.0.3/cgi-bin/mjpg?user=admin&pwd=hunter2'),
      configured('parvis', '/srv/video/parvis.mp4')
    ])
    const views = d.views()
    for (const view of views) expect(CameraViewSchema.safeParse(view).success).toBe(true)
    const text = JSON.stringify(views)
    expect(text).not.toContain('s3cret')
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('/opt/vigie')
  })
})

describe('toView', () => {
  it('redacts user:password from a configured RTSP source', () => {
    const view = toView({ ...configured('hall', 'rtsp://admin:s3cret@10.0.0.2:554/Streaming/101'), demo: false })
    expect(view.source).toBe('rtsp://***@10.0.0.2:554/Streaming/101')
    expect(view).toEqual({
      id: 'hall',
      name: 'Caméra hall',
      source: 'rtsp://***@10.0.0.2:554/Streaming/101',
      rtspTransport: 'tcp',
      transcode: 'auto',
      group: 'default',
      enabled: true,
      analytics: [],
      demo: false
    })
  })

  it('redacts secret query parameters', () => {
    const view = toView({ ...configured('quai', 'https://cam.local/video.mjpg?user=admin&pwd=hunter2&res=hd'), demo: false })
    expect(view.source).not.toContain('admin')
    expect(view.source).not.toContain('hunter2')
    expect(view.source).toContain('res=hd')
  })

  it('leaves a source without credentials as it is', () => {
    expect(toView({ ...configured('hall', 'rtsp://10.0.0.2/live'), demo: false }).source).toBe('rtsp://10.0.0.2/live')
  })

  it('shows a demo camera as its clip name only, never the install path', () => {
    const view = toView({ ...configured('demo-parvis', '/home/agent/Vigie/resources/media/parvis.mp4'), demo: true })
    expect(view.source).toBe('démo : parvis.mp4')
    expect(view.demo).toBe(true)
  })
})
