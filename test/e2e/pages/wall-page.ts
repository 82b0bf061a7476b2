/// <reference lib="dom" />
import { expect, type Locator, type Page } from '@playwright/test'
import { ADMIN, type Account } from '../fixtures/vigie-host'
import { SessionPage } from './session-page'

/** The video wall, as a test sees it: tiles addressed by index, health and playback read from the DOM. */
export class WallPage {
  constructor(readonly page: Page) {}

  tile(index: number): Locator {
    return this.page.getByTestId(`tile-${index}`)
  }

  video(index: number): Locator {
    return this.page.getByTestId(`tile-video-${index}`)
  }

  /** Opens the console and signs in (the administrator by default), landing on the wall. */
  async open(url: string, account: Account = ADMIN): Promise<void> {
    await this.page.goto(url)
    await new SessionPage(this.page).login(account.name, account.password)
    await expect(this.tile(0)).toBeVisible()
  }

  async tileForCamera(cameraId: string): Promise<number> {
    const tile = this.page.locator(`[data-testid^="tile-"][data-camera-id="${cameraId}"]`).first()
    await expect(tile).toBeVisible()
    const testId = (await tile.getAttribute('data-testid')) ?? ''
    return Number(testId.replace('tile-', ''))
  }

  async currentTime(index: number): Promise<number> {
    return this.video(index).evaluate((video) => (video as HTMLVideoElement).currentTime)
  }

  /** Waits until the tile's video has played at least `seconds` more than it had when called. */
  async expectVideoAdvances(index: number, seconds = 1): Promise<void> {
    await expect(this.video(index)).toBeAttached()
    await expect.poll(() => this.currentTime(index), { timeout: 30_000 }).toBeGreaterThan(0)
    const start = await this.currentTime(index)
    await expect.poll(() => this.currentTime(index), { timeout: 30_000 }).toBeGreaterThan(start + seconds)
  }

  async expectHealth(index: number, state: string | RegExp, timeout = 20_000): Promise<void> {
    await expect(this.tile(index)).toHaveAttribute('data-health', state, { timeout })
  }

  /** The latency the tile displays, in seconds (French formatting: « 0,8 s »). */
  async latencySeconds(index: number): Promise<number> {
    const text = (await this.page.getByTestId(`tile-latency-${index}`).textContent()) ?? ''
    const match = /(\d+(?:[,.]\d+)?)/.exec(text.replace(/\s/g, ''))
    return match ? Number(match[1].replace(',', '.')) : Number.NaN
  }
}
