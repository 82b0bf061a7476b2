import { expect, type Locator, type Page } from '@playwright/test'

export type WallLayout = '1' | '2x2' | '3x3' | '4x4'

/** Arranging the wall: layouts, drag-and-drop, tile menus, single view. Complements WallPage. */
export class WallControls {
  constructor(readonly page: Page) {}

  tile(index: number): Locator {
    return this.page.getByTestId(`tile-${index}`)
  }

  grid(): Locator {
    return this.page.getByTestId('wall-grid')
  }

  async setLayout(layout: WallLayout): Promise<void> {
    await this.page.getByTestId(`layout-${layout}`).click()
    await expect(this.page.getByTestId(`layout-${layout}`)).toHaveAttribute('aria-pressed', 'true')
  }

  /** Drags a camera from the sidebar onto a tile (HTML5 drag-and-drop). */
  async dragCameraToTile(cameraId: string, index: number): Promise<void> {
    await this.page.getByTestId(`camera-item-${cameraId}`).dragTo(this.tile(index))
    await expect(this.tile(index)).toHaveAttribute('data-camera-id', cameraId)
  }

  async chooseCamera(index: number, cameraId: string): Promise<void> {
    await this.page.getByTestId(`tile-menu-${index}`).click()
    await this.page.getByTestId(`tile-menu-choose-${index}`).click()
    await this.page.getByTestId(`tile-menu-camera-${index}-${cameraId}`).click()
    await expect(this.tile(index)).toHaveAttribute('data-camera-id', cameraId)
  }

  async clearTile(index: number): Promise<void> {
    await this.page.getByTestId(`tile-menu-${index}`).click()
    await this.page.getByTestId(`tile-menu-remove-${index}`).click()
    await expect(this.tile(index)).not.toHaveAttribute('data-camera-id', /.+/)
  }

  async openSingleView(index: number): Promise<void> {
    await this.tile(index).dblclick()
    await expect(this.grid()).toHaveAttribute('data-single', 'true')
    await expect(this.tile(index)).toHaveAttribute('data-focused', 'true')
  }

  async backToWall(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.grid()).not.toHaveAttribute('data-single', /.*/)
  }

  errorText(index: number): Locator {
    return this.page.getByTestId(`tile-error-${index}`)
  }
}
