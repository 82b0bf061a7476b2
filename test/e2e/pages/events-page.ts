import { expect, type Locator, type Page } from '@playwright/test'

/** The analytics events journal. */
export class EventsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-events').click()
    await expect(this.page.getByTestId('nav-events')).toHaveAttribute('aria-current', 'page')
    await expect(this.results()).toHaveAttribute('data-status', 'ready')
  }

  /** `data-status` tells a finished search from one still running. */
  results(): Locator {
    return this.page.getByTestId('events-results')
  }

  rows(): Locator {
    return this.page.locator('[data-testid^="event-row-"]')
  }

  rowsOfKind(kind: string): Locator {
    return this.page.locator(`[data-testid^="event-row-"][data-kind="${kind}"]`)
  }

  /** A row's thumbnail, once its image has arrived. */
  thumbnailImage(row: Locator): Locator {
    return row.locator('[data-testid^="event-thumb-"] img')
  }

  async filterCamera(cameraId: string): Promise<void> {
    await this.page.getByTestId('events-filter-camera').selectOption(cameraId)
    await expect(this.results()).toHaveAttribute('data-status', 'ready')
  }

  async clearFilters(): Promise<void> {
    await this.page.getByTestId('events-clear').click()
    await expect(this.results()).toHaveAttribute('data-status', 'ready')
  }

  async openDetail(row: Locator): Promise<Locator> {
    await row.locator('[data-testid^="event-open-"]').click()
    const dialog = this.page.getByTestId('event-detail-dialog')
    await expect(dialog).toBeVisible()
    return dialog
  }
}
