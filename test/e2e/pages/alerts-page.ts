import { expect, type Locator, type Page } from '@playwright/test'

/** « Alertes »: the review queue driven from the keyboard, the history, the quality table. */
export class AlertsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-alerts').click()
    await expect(this.page.getByTestId('nav-alerts')).toHaveAttribute('aria-current', 'page')
    await expect(this.review()).toHaveAttribute('data-status', 'ready')
  }

  review(): Locator {
    return this.page.getByTestId('alert-review')
  }

  queue(): Locator {
    return this.page.getByTestId('alert-queue')
  }

  /** The open alerts, in queue order. */
  rows(): Locator {
    return this.queue().locator('[role="option"]')
  }

  row(alertId: number): Locator {
    return this.page.getByTestId(`alert-row-${alertId}`)
  }

  selectedRow(): Locator {
    return this.queue().locator('[role="option"][aria-selected="true"]')
  }

  detail(): Locator {
    return this.page.getByTestId('alert-detail')
  }

  async selectedId(): Promise<number> {
    const id = await this.detail().getAttribute('data-alert-id')
    if (!id) throw new Error('no alert selected')
    return Number(id)
  }

  /** Waits for at least one open alert and gives the keyboard to the queue. */
  async waitForAlert(timeout = 120_000): Promise<void> {
    await expect(this.rows().first()).toBeVisible({ timeout })
    await this.queue().focus()
  }

  /** Ids of the open alerts of one camera and rule, in queue order. */
  async openIdsOf(cameraId: string, ruleId: string): Promise<number[]> {
    const values = await this.queue().locator(`[role="option"][data-camera-id="${cameraId}"][data-rule-id="${ruleId}"]`).evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-alert-id'))))
    return values
  }

  /** A key pressed on the queue, as an operator does. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key)
  }

  decisionDialog(): Locator {
    return this.page.getByTestId('alert-decision-dialog')
  }

  /** Fills the reason and the note of the open dialog and submits it with Ctrl+Enter, hands on the keyboard. */
  async fillDecision(reason: string, note: string): Promise<void> {
    const dialog = this.decisionDialog()
    await expect(dialog).toBeVisible()
    await dialog.getByTestId('alert-decision-reason').selectOption(reason)
    await dialog.getByTestId('alert-decision-note').fill(note)
    await dialog.getByTestId('alert-decision-note').press('Control+Enter')
    await expect(dialog).toHaveCount(0)
  }

  async openTab(tab: 'queue' | 'history' | 'quality'): Promise<void> {
    await this.page.getByTestId(`alerts-tab-${tab}`).click()
    await expect(this.page.getByTestId(`alerts-tab-${tab}`)).toHaveAttribute('aria-current', 'page')
  }

  historyResults(): Locator {
    return this.page.getByTestId('alert-history-results')
  }

  historyRow(alertId: number): Locator {
    return this.page.getByTestId(`alert-history-row-${alertId}`)
  }

  historyRows(): Locator {
    return this.page.locator('[data-testid^="alert-history-row-"]')
  }

  async filterHistory(filters: { state?: string; operator?: string }): Promise<void> {
    if (filters.state !== undefined) {
      await this.page.getByTestId('alert-filter-state').selectOption(filters.state)
      await expect(this.historyResults()).toHaveAttribute('data-status', 'ready')
    }
    if (filters.operator !== undefined) {
      await this.page.getByTestId('alert-filter-operator').fill(filters.operator)
      await this.page.getByTestId('alert-filter-operator').press('Enter')
      await expect(this.historyResults()).toHaveAttribute('data-status', 'ready')
    }
  }
}
