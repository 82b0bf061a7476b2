import { expect, type Locator, type Page } from '@playwright/test'

export interface CameraFormInput {
  name?: string
  /** Only when adding: the identifier cannot be changed afterwards. */
  id?: string
  source?: string
  transport?: 'tcp' | 'udp'
  transcode?: 'auto' | 'always'
  group?: string
}

/** Camera administration: the table, the add/edit dialog, the delete confirmation. */
export class CamerasPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-cameras').click()
    await expect(this.page.getByTestId('camera-add')).toBeVisible()
  }

  row(cameraId: string): Locator {
    return this.page.getByTestId(`camera-row-${cameraId}`)
  }

  demoNote(): Locator {
    return this.page.getByTestId('cameras-demo-note')
  }

  dialog(): Locator {
    return this.page.getByTestId('camera-form-dialog')
  }

  formError(): Locator {
    return this.page.getByTestId('camera-form-error')
  }

  probeResult(): Locator {
    return this.page.getByTestId('camera-probe-result')
  }

  async fill(input: CameraFormInput): Promise<void> {
    if (input.name !== undefined) await this.page.getByTestId('camera-form-name').fill(input.name)
    if (input.id !== undefined) await this.page.getByTestId('camera-form-id').fill(input.id)
    if (input.source !== undefined) await this.page.getByTestId('camera-form-source').fill(input.source)
    if (input.transport) await this.page.getByTestId('camera-form-transport').selectOption(input.transport)
    if (input.transcode) await this.page.getByTestId('camera-form-transcode').selectOption(input.transcode)
    if (input.group !== undefined) await this.page.getByTestId('camera-form-group').fill(input.group)
  }

  async startAdding(input: CameraFormInput): Promise<void> {
    await this.page.getByTestId('camera-add').click()
    await expect(this.dialog()).toBeVisible()
    await this.fill(input)
  }

  async startEditing(cameraId: string, input: CameraFormInput): Promise<void> {
    await this.page.getByTestId(`camera-edit-${cameraId}`).click()
    await expect(this.dialog()).toBeVisible()
    await this.fill(input)
  }

  async test(): Promise<void> {
    await this.page.getByTestId('camera-form-test').click()
  }

  /** Submits; on success the dialog closes, on refusal it stays open with the core's error. */
  async save(): Promise<void> {
    await this.page.getByTestId('camera-form-save').click()
  }

  async remove(cameraId: string): Promise<void> {
    await this.page.getByTestId(`camera-remove-${cameraId}`).click()
    await this.page.getByTestId('camera-remove-confirm').click()
    await expect(this.row(cameraId)).toHaveCount(0)
  }
}
