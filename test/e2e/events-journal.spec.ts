import { expect, test } from '@playwright/test'
import { OPERATOR, startDetectionSite, startIntrusionDetection } from './fixtures/intrusion'
import type { VigieHost } from './fixtures/vigie-host'
import { EventsPage } from './pages/events-page'
import { SessionPage } from './pages/session-page'
import { WallPage } from './pages/wall-page'

let host: VigieHost

test.beforeAll(async () => {
  host = await startDetectionSite()
})

test.afterAll(async () => {
  await host?.stop()
})

test('an operator sees analytics over the tile, toggles them, and follows the alerts in the events journal', async ({ page }) => {
  test.setTimeout(240_000)
  const wall = new WallPage(page)
  await wall.open(host.url, OPERATOR)
  expect(await startIntrusionDetection(page)).toEqual([true, 'UNLOCKED', true])

  // The tile draws the tracked objects once the module runs, and hides them on request (O key or button).
  const index = await wall.tileForCamera('demo-entrepot')
  await expect(page.getByTestId(`tile-analytics-${index}-detection-intrusion`)).toHaveAttribute('data-running', 'true', { timeout: 60_000 })
  const overlay = page.getByTestId(`tile-overlay-${index}`)
  await expect(overlay.locator('.tile-track').first()).toBeAttached({ timeout: 60_000 })
  await expect(overlay.locator('.scene-zone')).toHaveCount(1)
  const toggle = page.getByTestId(`tile-overlays-${index}`)
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await expect(overlay).toHaveCount(0)
  // The choice is the tile's, and the workstation remembers it.
  await page.reload()
  await expect(new SessionPage(page).userMenu()).toBeVisible()
  await expect(page.getByTestId(`tile-overlays-${index}`)).toHaveAttribute('aria-pressed', 'false')
  await wall.tile(index).focus()
  await page.keyboard.press('o')
  await expect(page.getByTestId(`tile-overlays-${index}`)).toHaveAttribute('aria-pressed', 'true')

  // The journal lists the intrusion alerts with their images; the detail draws the boxes over the image.
  const events = new EventsPage(page)
  await events.open()
  const intrusion = events.rowsOfKind('intrusion').first()
  await expect(intrusion).toBeVisible({ timeout: 120_000 })
  await expect(intrusion).toHaveAttribute('data-camera-id', 'demo-entrepot')
  await expect(intrusion).toContainText('Entrepôt municipal')
  await expect(intrusion).toContainText('Intrusion sur le sol')
  await expect(intrusion.getByTestId(/^event-priority-/)).toHaveText(/haute/i)
  await expect(events.thumbnailImage(intrusion)).toBeVisible()
  const detail = await events.openDetail(intrusion)
  await expect(detail.getByTestId('event-detail-snapshot').locator('img')).toBeVisible()
  await expect(detail.locator('.snapshot__box').first()).toBeAttached()
  await page.getByTestId('event-detail-close').click()
  await expect(detail).toHaveCount(0)

  // Filtered on another camera, the journal has nothing to say.
  await events.filterCamera('demo-parvis')
  await expect(events.rows()).toHaveCount(0)
  await events.clearFilters()
  await expect(events.rowsOfKind('intrusion').first()).toBeVisible()
})
