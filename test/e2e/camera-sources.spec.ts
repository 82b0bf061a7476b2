import { expect, test } from '@playwright/test'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeH264Clip } from '../fixtures/make-clip'
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server'
import { ADMIN, startVigieHost, type VigieHost } from './fixtures/vigie-host'
import { SessionPage } from './pages/session-page'
import { WallPage } from './pages/wall-page'
import { CamerasPage } from './pages/cameras-page'

test.describe('a real RTSP camera on loopback', () => {
  let server: RtspServer
  let host: VigieHost

  test.beforeAll(async () => {
    server = await startRtspServer({ file: await makeH264Clip() })
    host = await startVigieHost()
  })

  test.afterAll(async () => {
    await host?.stop()
    await server?.stop()
  })

  test('is added by an admin, plays, turns to reconnecting when the server stops and comes back alone', async ({ page }) => {
    const cameras = new CamerasPage(page)
    await new WallPage(page).open(host.url)
    await cameras.open()
    await cameras.add({ id: 'hotel-de-ville', name: 'Hôtel de ville', source: server.url })
    await expect(cameras.row('hotel-de-ville')).toBeVisible()
    // Adding the first real camera retires the demo site.
    await expect(page.getByTestId('demo-banner')).toHaveCount(0)

    const wall = new WallPage(page)
    await page.getByTestId('nav-wall').click()
    await page.getByTestId('camera-item-hotel-de-ville').dragTo(wall.tile(0))
    await expect(wall.tile(0)).toHaveAttribute('data-camera-id', 'hotel-de-ville')
    await wall.expectHealth(0, 'live', 30_000)
    await wall.expectVideoAdvances(0, 1)

    await server.stop()
    await wall.expectHealth(0, 'reconnecting', 10_000)

    await server.restart()
    await wall.expectHealth(0, 'live', 60_000)
    await wall.expectVideoAdvances(0, 1)
  })
})

test('a camera file with an unknown key is reported by name and left untouched', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigie-badconfig-'))
  const content = JSON.stringify({ version: 1, cameras: [{ id: 'nord', name: 'Nord', source: 'rtsp://192.0.2.1/x', resolution: '4K' }] })
  await writeFile(join(dataDir, 'cameras.json'), content)
  const host = await startVigieHost({ dataDir })
  try {
    await page.goto(host.url)
    await new SessionPage(page).login(ADMIN.name, ADMIN.password)
    await expect(page.getByTestId('config-error')).toContainText('resolution')
    const cameras = new CamerasPage(page)
    await cameras.open()
    await cameras.fill({ id: 'sud', name: 'Sud', source: 'rtsp://192.0.2.2/x' })
    await page.getByTestId('camera-form-save').click()
    await expect(page.getByTestId('camera-form-error')).toContainText(/invalide/)
    expect(await readFile(join(dataDir, 'cameras.json'), 'utf8')).toBe(content)
  } finally {
    await host.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
})

test.describe('broken sources', () => {
  let host: VigieHost
  let dataDir: string

  test.beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vigie-broken-'))
    // Written by hand, as an admin might: the schema takes any text as a source, the ingest judges it.
    await writeFile(
      join(dataDir, 'cameras.json'),
      JSON.stringify({
        version: 1,
        cameras: [
          { id: 'mal-saisie', name: 'Adresse mal saisie', source: 'rtsp://camera nord/flux' },
          { id: 'injoignable', name: 'Caméra injoignable', source: 'rtsp://127.0.0.1:9/live' }
        ]
      })
    )
    host = await startVigieHost({ dataDir })
  })

  test.afterAll(async () => {
    await host?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  test('a malformed URL and an unreachable host each give a readable error in their tile', async ({ page }) => {
    const wall = new WallPage(page)
    await wall.open(host.url)
    const malformed = await wall.tileForCamera('mal-saisie')
    const unreachable = await wall.tileForCamera('injoignable')
    await wall.expectHealth(malformed, 'failed')
    await expect(page.getByTestId(`tile-error-${malformed}`)).toContainText(/invalide/i)
    await expect(page.getByTestId(`tile-error-${unreachable}`)).toContainText(/Connexion refusée/i)
  })

  test('the admin form refuses a malformed URL with the reason and keeps what was typed', async ({ page }) => {
    const cameras = new CamerasPage(page)
    await new WallPage(page).open(host.url)
    await cameras.open()
    await cameras.fill({ id: 'sud', name: 'Place Sud', source: 'ftp://camera-sud/flux' })
    await page.getByTestId('camera-form-save').click()
    await expect(page.getByRole('alert')).toContainText(/adresse|URL|schéma|protocole/i)
    await expect(page.getByTestId('camera-form-source')).toHaveValue('ftp://camera-sud/flux')
    await expect(cameras.row('sud')).toHaveCount(0)
  })

  test('the test button reports an unreachable camera in plain words', async ({ page }) => {
    const cameras = new CamerasPage(page)
    await new WallPage(page).open(host.url)
    await cameras.open()
    await cameras.fill({ id: 'est', name: 'Place Est', source: 'rtsp://127.0.0.1:9/live' })
    await page.getByTestId('camera-form-test').click()
    await expect(page.getByTestId('camera-probe-result')).toContainText(/Connexion refusée/i)
  })
})
