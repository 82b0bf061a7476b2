import { expect, test } from '@playwright/test'
import { startVigieHost, type VigieHost } from './fixtures/vigie-host'
import { WallPage } from './pages/wall-page'

let host: VigieHost

test.beforeAll(async () => {
  host = await startVigieHost()
})

test.afterAll(async () => {
  await host?.stop()
})

test('a new installation shows the demo site live, at least four cameras, clearly labelled DÉMO', async ({ page }) => {
  const wall = new WallPage(page)
  await wall.open(host.url)
  await expect(page.getByText('DÉMO', { exact: false }).first()).toBeVisible()
  for (const index of [0, 1, 2, 3]) {
    await expect(wall.tile(index)).toHaveAttribute('data-camera-id', /^demo-/)
    await wall.expectHealth(index, 'live', 30_000)
  }
  // Every one of the four tiles really plays: its video time moves forward.
  for (const index of [0, 1, 2, 3]) await wall.expectVideoAdvances(index, 1)
})

test('the token in the URL is traded for a cookie and removed from the address bar', async ({ page }) => {
  await page.goto(host.url)
  await expect(page).not.toHaveURL(/token=/)
  const cookies = await page.context().cookies()
  expect(cookies.find((c) => c.name.startsWith('vigie_token_'))).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
})

test('live latency stays bounded while watching', async ({ page }) => {
  const wall = new WallPage(page)
  await wall.open(host.url)
  const index = await wall.tileForCamera('demo-parvis')
  await wall.expectVideoAdvances(index, 2)
  await expect.poll(() => wall.latencySeconds(index)).toBeGreaterThan(0)
  const early = await wall.latencySeconds(index)
  // Watch a further 15 s of video, then compare: latency must not creep upwards.
  await wall.expectVideoAdvances(index, 15)
  const later = await wall.latencySeconds(index)
  expect(later).toBeLessThan(Math.max(early, 1) + 1.5)
})
