import { expect, type Locator, type Page } from '@playwright/test'

export interface HotlistFields {
  name: string
  /** « lapi-securite » or « lapi-stationnement ». */
  purpose: string
  reason: string
  /** A .txt or .csv file whose plates fill the text field… */
  filePath?: string
  /** …or the plates typed. */
  text?: string
}

/** « LAPI »: plate lists (import, withdrawal) and the read log. */
export class LapiPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-lapi').click()
    await expect(this.page.getByTestId('nav-lapi')).toHaveAttribute('aria-current', 'page')
    await expect(this.page.getByTestId('lapi-screen')).toBeVisible()
  }

  async openTab(tab: 'lists' | 'reads'): Promise<void> {
    await this.page.getByTestId(`lapi-tab-${tab}`).click()
    await expect(this.page.getByTestId(`lapi-tab-${tab}`)).toHaveAttribute('aria-current', 'page')
  }

  lists(): Locator {
    return this.page.getByTestId('lapi-lists')
  }

  purpose(moduleId: string): Locator {
    return this.page.getByTestId(`lapi-purpose-${moduleId}`)
  }

  /** A list's row, found by its name. */
  hotlist(name: string): Locator {
    return this.page.locator('[data-testid^="lapi-hotlist-"][data-module-id]').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) })
  }

  importDialog(): Locator {
    return this.page.getByTestId('lapi-import-dialog')
  }

  /** Opens the import dialog and fills it, without sending. */
  async fillImport(fields: HotlistFields): Promise<void> {
    await this.page.getByTestId('lapi-import-open').click()
    await expect(this.importDialog()).toBeVisible()
    await this.page.getByTestId('lapi-import-name').fill(fields.name)
    await this.page.getByTestId('lapi-import-purpose').selectOption(fields.purpose)
    await this.page.getByTestId('lapi-import-reason').fill(fields.reason)
    if (fields.filePath) {
      await this.page.getByTestId('lapi-import-file').setInputFiles(fields.filePath)
      await expect(this.page.getByTestId('lapi-import-file-note')).toBeVisible()
    }
    if (fields.text !== undefined) await this.page.getByTestId('lapi-import-text').fill(fields.text)
  }

  async submitImport(): Promise<void> {
    await this.page.getByTestId('lapi-import-submit').click()
  }

  /** The core's refusal, kept in the open import dialog. */
  importError(): Locator {
    return this.page.getByTestId('lapi-import-error')
  }

  async closeImport(): Promise<void> {
    await this.page.getByTestId('lapi-import-close').click()
    await expect(this.importDialog()).toHaveCount(0)
  }

  /** Withdraws a list with a reason and waits for its row to say so. */
  async withdraw(name: string, reason: string): Promise<void> {
    await this.hotlist(name).getByRole('button', { name: /retirer/i }).click()
    await this.page.getByTestId('lapi-withdraw-reason').fill(reason)
    await this.page.getByTestId('lapi-withdraw-submit').click()
    await expect(this.page.getByTestId('lapi-withdraw-dialog')).toHaveCount(0)
    await expect(this.hotlist(name)).toHaveAttribute('data-withdrawn', 'true')
  }

  reads(): Locator {
    return this.page.getByTestId('lapi-reads')
  }
}
