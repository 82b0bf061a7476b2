import { expect, type Locator, type Page } from '@playwright/test'

export interface CameraFields {
  id: string
  name: string
  source: string
}

/** The camera administration screen. */
export class CamerasPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-cameras').click()
    await expect(this.page.getByTestId('camera-add')).toBeVisible()
  }

  get detectorChoice(): Locator {
    return this.page.getByTestId('detector-choice')
  }

  row(id: string): Locator {
    return this.page.getByTestId(`camera-row-${id}`)
  }

  /** Opens the add dialog and types the fields, without saving. */
  async fill(fields: CameraFields): Promise<void> {
    await this.page.getByTestId('camera-add').click()
    await this.page.getByTestId('camera-form-id').fill(fields.id)
    await this.page.getByTestId('camera-form-name').fill(fields.name)
    await this.page.getByTestId('camera-form-source').fill(fields.source)
  }

  async add(fields: CameraFields): Promise<void> {
    await this.fill(fields)
    await this.page.getByTestId('camera-form-save').click()
    await expect(this.page.getByTestId('camera-form-save')).toHaveCount(0)
  }
}
