/// <reference lib="dom" />
import { expect, type Locator, type Page } from '@playwright/test'

export interface RecordedSpanOnScreen {
  start: number
  end: number
}

export interface LiftFields {
  cameraId: string
  reference: string
  reason: string
  minutes?: number
}

/** « Relecture »: cameras, synchronised tiles, transport, timeline, legal holds and mask lifts. */
export class PlaybackPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-playback').click()
    await expect(this.page.getByTestId('nav-playback')).toHaveAttribute('aria-current', 'page')
    await expect(this.page.getByTestId('playback-screen')).toBeVisible()
  }

  /** « Réquisitions »: legal holds and mask lifts across cameras (the DPO's way to them). */
  async openRequisitions(): Promise<void> {
    await this.page.getByTestId('nav-requisitions').click()
    await expect(this.page.getByTestId('nav-requisitions')).toHaveAttribute('aria-current', 'page')
    await expect(this.page.getByTestId('requisitions-screen')).toBeVisible()
  }

  /** Opens the screen at an address, as « Voir l'enregistrement » does. */
  async openAt(cameraIds: string[], at: number): Promise<void> {
    const detail = `cameras=${cameraIds.join(',')}&at=${at}`
    await this.page.evaluate((hash) => {
      window.location.hash = hash
    }, `#/playback/${encodeURIComponent(detail)}`)
    await expect(this.page.getByTestId('playback-screen')).toBeVisible()
  }

  cameraCheckbox(cameraId: string): Locator {
    return this.page.getByTestId(`playback-camera-check-${cameraId}`)
  }

  async choose(cameraId: string): Promise<void> {
    await this.cameraCheckbox(cameraId).check()
    await expect(this.timelineRow(cameraId)).toBeAttached()
  }

  tile(index: number): Locator {
    return this.page.getByTestId(`playback-tile-${index}`)
  }

  video(index: number): Locator {
    return this.page.getByTestId(`playback-video-${index}`)
  }

  timelineRow(cameraId: string): Locator {
    return this.page.getByTestId(`timeline-row-${cameraId}`)
  }

  spans(cameraId: string): Locator {
    return this.page.getByTestId(`timeline-span-${cameraId}`)
  }

  /** The moment shown, epoch ms (to the second), read from the time display. */
  async shownTime(): Promise<number> {
    return Number(await this.page.getByTestId('playback-time').getAttribute('data-time'))
  }

  shownTimeText(): Locator {
    return this.page.getByTestId('playback-time')
  }

  /** Waits until the timeline shows a recorded span of at least `seconds` on the camera; returns the longest. */
  async waitForRecordedSpan(cameraId: string, seconds: number, timeout = 150_000): Promise<RecordedSpanOnScreen> {
    const longest = async (): Promise<RecordedSpanOnScreen> => {
      const spans = await this.spans(cameraId).evaluateAll((elements) =>
        elements.map((element) => ({ start: Number(element.getAttribute('data-start')), end: Number(element.getAttribute('data-end')) }))
      )
      return spans.reduce((best, span) => (span.end - span.start > best.end - best.start ? span : best), { start: 0, end: 0 })
    }
    await expect.poll(async () => {
      const span = await longest()
      return span.end - span.start
    }, { timeout, intervals: [1_000] }).toBeGreaterThanOrEqual(seconds * 1000)
    return longest()
  }

  /** Types a moment in the date picker (the browser's local time) and goes there. */
  async jumpTo(epochMs: number): Promise<void> {
    const value = await this.page.evaluate((ms) => {
      const date = new Date(ms)
      const pad = (n: number) => String(n).padStart(2, '0')
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
    }, epochMs)
    await this.page.getByTestId('playback-jump-input').fill(value)
    await this.page.getByTestId('playback-jump').click()
    await expect.poll(() => this.shownTime()).toBe(Math.floor(epochMs / 1000) * 1000)
  }

  async play(): Promise<void> {
    await this.page.getByTestId('playback-play').click()
    await expect(this.page.getByTestId('playback-play')).toHaveAttribute('data-playing', 'true')
  }

  async pause(): Promise<void> {
    await this.page.getByTestId('playback-play').click()
    await expect(this.page.getByTestId('playback-play')).toHaveAttribute('data-playing', 'false')
  }

  async currentTime(index: number): Promise<number> {
    return this.video(index).evaluate((video) => (video as HTMLVideoElement).currentTime)
  }

  /** Waits until the tile's video has played at least `seconds` more than when called. */
  async expectVideoAdvances(index: number, seconds = 1): Promise<void> {
    await expect.poll(() => this.video(index).evaluate((video) => (video as HTMLVideoElement).readyState), { timeout: 30_000 }).toBeGreaterThanOrEqual(2)
    const start = await this.currentTime(index)
    await expect.poll(() => this.currentTime(index), { timeout: 30_000 }).toBeGreaterThan(start + seconds)
  }

  holdCards(): Locator {
    return this.page.locator('[data-testid^="hold-"][data-released]')
  }

  /** Places the period the dialog proposes (the selection, or around the playhead) under legal hold. */
  async placeHold(reference: string, reason: string): Promise<void> {
    await this.page.getByTestId('hold-place').click()
    const dialog = this.page.getByTestId('hold-dialog')
    await expect(dialog).toBeVisible()
    await this.page.getByTestId('hold-reference').fill(reference)
    await this.page.getByTestId('hold-reason').fill(reason)
    await this.page.getByTestId('hold-submit').click()
    await expect(dialog).toHaveCount(0)
  }

  async openLifts(): Promise<void> {
    await this.page.getByTestId('playback-tab-lifts').click()
    await expect(this.page.getByTestId('lifts-panel')).toBeVisible()
  }

  liftCard(reference: string): Locator {
    return this.page.locator('[data-testid^="lift-"][data-state]').filter({ hasText: reference })
  }

  async requestLift(fields: LiftFields): Promise<void> {
    await this.page.getByTestId('lift-request').click()
    const dialog = this.page.getByTestId('lift-dialog')
    await expect(dialog).toBeVisible()
    const camera = this.page.getByTestId('lift-camera')
    if ((await camera.evaluate((element) => element.tagName)) === 'SELECT') await camera.selectOption(fields.cameraId)
    else await camera.fill(fields.cameraId)
    await this.page.getByTestId('lift-reference').fill(fields.reference)
    await this.page.getByTestId('lift-reason').fill(fields.reason)
    await this.page.getByTestId('lift-minutes').fill(String(fields.minutes ?? 30))
    await this.page.getByTestId('lift-submit').click()
    await expect(dialog).toHaveCount(0)
  }

  approveButton(card: Locator): Locator {
    return card.locator('[data-testid^="lift-approve-"]')
  }
}
