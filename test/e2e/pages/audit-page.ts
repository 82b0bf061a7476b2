import { expect, type Download, type Locator, type Page } from '@playwright/test'
import type { AuditAction } from '../../../electron/shared/audit'

export interface AuditFilterFields {
  actor?: string
  cameraId?: string
  action?: AuditAction
  /** Values for <input type="datetime-local" step="1">: « 2025-03-14T09:05:00 ». */
  from?: string
  to?: string
}

/** The audit trail viewer (supervisors and the DPO). */
export class AuditPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-audit').click()
    await this.expectSettled()
  }

  /** The search has answered (rows, « aucune entrée », or an error), not still running. */
  async expectSettled(): Promise<void> {
    await expect(this.page.getByTestId('audit-results')).toHaveAttribute('data-status', /^(ready|error)$/)
  }

  table(): Locator {
    return this.page.getByTestId('audit-table')
  }

  row(seq: number): Locator {
    return this.page.getByTestId(`audit-row-${seq}`)
  }

  rows(): Locator {
    return this.page.locator('[data-testid^="audit-row-"]')
  }

  /** Actions of the rows shown, newest first (the `data-action` of each row). */
  async actions(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action') ?? ''))
  }

  /** Sets every filter (missing ones are cleared) and applies them. */
  async filter(fields: AuditFilterFields): Promise<void> {
    await this.page.getByTestId('audit-filter-actor').fill(fields.actor ?? '')
    await this.page.getByTestId('audit-filter-camera').fill(fields.cameraId ?? '')
    await this.page.getByTestId('audit-filter-action').selectOption(fields.action ?? '')
    await this.page.getByTestId('audit-filter-from').fill(fields.from ?? '')
    await this.page.getByTestId('audit-filter-to').fill(fields.to ?? '')
    await this.page.getByTestId('audit-apply').click()
    await this.expectSettled()
  }

  /** « Plus ancien »: appends the next page. */
  async older(): Promise<void> {
    const before = await this.rows().count()
    await this.page.getByTestId('audit-more').click()
    await expect.poll(() => this.rows().count()).toBeGreaterThan(before)
  }

  moreButton(): Locator {
    return this.page.getByTestId('audit-more')
  }

  async verify(): Promise<Locator> {
    await this.page.getByTestId('audit-verify').click()
    const result = this.page.getByTestId('audit-verify-result')
    await expect(result).toBeVisible()
    return result
  }

  async expectIntact(): Promise<void> {
    await expect(await this.verify()).toHaveAttribute('data-ok', 'true')
  }

  /** Clicks an export button and returns the browser download (its suggested name comes from the core). */
  async exportFile(format: 'csv' | 'pdf'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`audit-export-${format}`).click()])
    return download
  }
}
