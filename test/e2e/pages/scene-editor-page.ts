import { expect, type Locator, type Page } from '@playwright/test'

export interface ImagePoint {
  /** Fractions of the camera image, 0 to 1 from the top-left corner. */
  x: number
  y: number
}

export type SceneTool = 'select' | 'zone' | 'line' | 'mask'

/** The zones-and-rules editor of one camera, opened from the cameras screen or from a tile's menu. */
export class SceneEditorPage {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByTestId('scene-editor')
  }

  stage(): Locator {
    return this.page.getByTestId('scene-stage')
  }

  /** The camera picture's rectangle inside the stage (the letterboxed area). */
  image(): Locator {
    return this.page.getByTestId('scene-image')
  }

  async openFromCameras(cameraId: string): Promise<void> {
    await this.page.getByTestId('nav-cameras').click()
    await this.page.getByTestId(`camera-scene-${cameraId}`).click()
    await this.expectReady(cameraId)
  }

  async openFromTile(index: number): Promise<void> {
    await this.page.getByTestId(`tile-menu-${index}`).click()
    await this.page.getByTestId(`tile-menu-scene-${index}`).click()
    await this.expectReady()
  }

  /** Scene loaded and the live picture showing, so that drawings land where the image is. */
  async expectReady(cameraId?: string): Promise<void> {
    await expect(this.dialog()).toHaveAttribute('data-status', 'ready')
    if (cameraId) await expect(this.dialog()).toHaveAttribute('data-camera-id', cameraId)
    await expect(this.stage()).toHaveAttribute('data-media', 'ready', { timeout: 30_000 })
  }

  async useTool(tool: SceneTool): Promise<void> {
    await this.page.getByTestId(`scene-tool-${tool}`).click()
    await expect(this.page.getByTestId(`scene-tool-${tool}`)).toHaveAttribute('aria-pressed', 'true')
  }

  async clickImage(point: ImagePoint): Promise<void> {
    const box = await this.image().boundingBox()
    if (!box) throw new Error('the camera image is not laid out')
    await this.page.mouse.click(box.x + point.x * box.width, box.y + point.y * box.height)
  }

  /** Clicks the vertices, then closes on the first vertex (as with a mouse) or with Enter. */
  async drawPolygon(kind: 'zone' | 'mask', points: ImagePoint[], close: 'first-vertex' | 'enter' = 'first-vertex'): Promise<void> {
    await this.useTool(kind)
    for (const point of points) await this.clickImage(point)
    if (close === 'enter') await this.page.keyboard.press('Enter')
    else await this.clickImage(points[0])
    // Closing hands back the selection tool.
    await expect(this.page.getByTestId('scene-tool-select')).toHaveAttribute('aria-pressed', 'true')
  }

  async drawLine(start: ImagePoint, end: ImagePoint): Promise<void> {
    await this.useTool('line')
    await this.clickImage(start)
    await this.clickImage(end)
    await expect(this.page.getByTestId('scene-tool-select')).toHaveAttribute('aria-pressed', 'true')
  }

  items(kind: 'zone' | 'line' | 'mask' | 'rule'): Locator {
    return this.page.locator(`[data-testid^="scene-${kind}-item-"]`)
  }

  item(kind: 'zone' | 'line' | 'mask' | 'rule', id: string): Locator {
    return this.page.getByTestId(`scene-${kind}-item-${id}`)
  }

  /** The shape drawn over the picture. */
  shape(kind: 'zone' | 'line' | 'mask', id: string): Locator {
    return this.page.getByTestId(`scene-${kind}-${id}`)
  }

  /** How many vertices a polygon is drawn with. */
  async vertexCount(kind: 'zone' | 'mask', id: string): Promise<number> {
    const points = (await this.shape(kind, id).locator('polygon').first().getAttribute('points')) ?? ''
    return points.trim() === '' ? 0 : points.trim().split(/\s+/).length
  }

  nameField(kind: 'zone' | 'line' | 'mask' | 'rule', id: string): Locator {
    return this.page.getByTestId(`scene-${kind}-name-${id}`)
  }

  zoneArea(id: string): Locator {
    return this.page.getByTestId(`scene-zone-area-${id}`)
  }

  /** « Ajouter une règle », a kind, « Créer la règle »: the new rule opens, selected. */
  async addRule(kind: string): Promise<void> {
    const before = await this.items('rule').count()
    await this.page.getByTestId('scene-rule-add').click()
    await this.page.getByTestId('scene-rule-new-kind').selectOption(kind)
    await this.page.getByTestId('scene-rule-create').click()
    await expect(this.items('rule')).toHaveCount(before + 1)
  }

  ruleField(ruleId: string, field: 'name' | 'kind' | 'zone' | 'line' | 'priority' | 'enabled'): Locator {
    return this.page.getByTestId(`scene-rule-${field}-${ruleId}`)
  }

  ruleParameter(ruleId: string, name: string): Locator {
    return this.page.getByTestId(`scene-rule-param-${ruleId}-${name}`)
  }

  /** Opens a rule's form (rules show a summary until selected). */
  async expandRule(ruleId: string): Promise<void> {
    const toggle = this.page.getByTestId(`scene-rule-toggle-${ruleId}`)
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  }

  async save(): Promise<void> {
    await this.page.getByTestId('scene-save').click()
    await expect(this.dialog()).toHaveAttribute('data-dirty', 'false')
    await expect(this.page.getByTestId('scene-status')).not.toBeEmpty()
    await expect(this.page.getByTestId('scene-save-error')).toHaveCount(0)
  }

  /** « Fermer »; with unsaved changes the editor asks first (see discardDialog()). */
  async requestClose(): Promise<void> {
    await this.page.getByTestId('scene-close').click()
  }

  discardDialog(): Locator {
    return this.page.getByTestId('scene-discard-dialog')
  }

  async close(): Promise<void> {
    await this.requestClose()
    await expect(this.dialog()).toHaveCount(0)
  }
}
