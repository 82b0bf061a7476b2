import { expect, test } from '@playwright/test'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startVigieHost } from './fixtures/vigie-host'
import { WallPage } from './pages/wall-page'

let dataDir: string

/** What the headless host has written to its settings file (null while it has written nothing). */
async function storedWall(): Promise<{ layout: string; focusedTile: number | null } | null> {
  const text = await readFile(join(dataDir, 'settings.json'), 'utf8').catch(() => null)
  return text === null ? null : (JSON.parse(text) as { wall: { layout: string; focusedTile: number | null } }).wall
}

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vigie-layout-'))
})

test.afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

test('layouts, menu, drag-and-drop and single view, all kept across a restart', async ({ page }) => {
  let host = await startVigieHost({ dataDir })
  const wall = new WallPage(page)
  try {
    await wall.open(host.url)
    await expect(wall.tile(3)).toBeVisible()

    // 3×3 shows nine tiles; 1 shows one.
    await page.getByTestId('layout-3x3').click()
    await expect(wall.tile(8)).toBeVisible()
    await page.getByTestId('layout-1').click()
    await expect(wall.tile(0)).toBeVisible()
    await expect(wall.tile(1)).toHaveCount(0)
    await page.getByTestId('layout-4x4').click()
    await expect(wall.tile(15)).toBeVisible()

    // Put a camera in tile 10 through the tile menu.
    // The camera list opened and chosen from the keyboard: a straight pointer path to a camera low in
    // a long list can leave the submenu's grace area, which closes it.
    await page.getByTestId('tile-menu-10').click()
    await page.getByTestId('tile-menu-choose-10').press('ArrowRight')
    await page.getByTestId('tile-menu-camera-10-demo-galerie').press('Enter')
    await expect(wall.tile(10)).toHaveAttribute('data-camera-id', 'demo-galerie')
    await wall.expectHealth(10, 'live', 30_000)

    // Drag a camera from the list onto tile 11.
    await page.getByTestId('camera-item-demo-parking').dragTo(wall.tile(11))
    await expect(wall.tile(11)).toHaveAttribute('data-camera-id', 'demo-parking')
    await wall.expectVideoAdvances(11, 1)

    // Double-click: that tile alone (the others stay mounted but hidden, so going back is instant).
    await wall.tile(11).dblclick()
    await expect(wall.tile(0)).toBeHidden()
    await expect(wall.tile(11)).toBeVisible()
    await wall.tile(11).dblclick()
    await expect(wall.tile(0)).toBeVisible()
    // Escape also leaves the single view.
    await wall.tile(10).dblclick()
    await expect(wall.tile(0)).toBeHidden()
    await page.keyboard.press('Escape')
    await expect(wall.tile(0)).toBeVisible()
    // Stop only once the core has the last change: what the test checks after the restart.
    await expect.poll(storedWall).toMatchObject({ layout: '4x4', focusedTile: null })
  } finally {
    await host.stop()
  }

  // A new launch on the same data: the layout and the assignments are still there.
  host = await startVigieHost({ dataDir })
  try {
    await wall.open(host.url)
    await expect(page.getByTestId('layout-4x4')).toHaveAttribute('aria-pressed', 'true')
    await expect(wall.tile(15)).toBeVisible()
    await expect(wall.tile(10)).toHaveAttribute('data-camera-id', 'demo-galerie')
    await expect(wall.tile(11)).toHaveAttribute('data-camera-id', 'demo-parking')
    await wall.expectVideoAdvances(11, 1)
  } finally {
    await host.stop()
  }
})

test('the interface speaks French by default and English on request', async ({ page }) => {
  const host = await startVigieHost()
  try {
    const wall = new WallPage(page)
    await wall.open(host.url)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('navigation')).toContainText("Mur d'images")
    await page.getByTestId('locale-en').click()
    await expect(page.getByRole('navigation')).toContainText('Video wall')
    await page.reload()
    await expect(page.getByRole('navigation')).toContainText('Video wall')
  } finally {
    await host.stop()
  }
})
