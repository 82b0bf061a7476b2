import { expect, test } from '@playwright/test'
import { ADMIN, startVigieHost, type Account, type VigieHost } from './fixtures/vigie-host'
import { CamerasPage } from './pages/cameras-page'
import { SceneEditorPage } from './pages/scene-editor-page'
import { SessionPage } from './pages/session-page'
import { WallPage } from './pages/wall-page'

const SUPERVISOR: Account = { name: 'superviseur', roles: ['supervisor'], password: 'Phare-Ouest-Marée-Haute', allGroups: true }
const OPERATOR: Account = { name: 'operatrice', roles: ['operator'], password: 'Quai-Des-Brumes-Sous-La-Pluie', allGroups: true }

let host: VigieHost

test.beforeAll(async () => {
  host = await startVigieHost({ accounts: [ADMIN, SUPERVISOR, OPERATOR] })
})

test.afterAll(async () => {
  await host?.stop()
})

test('an administrator draws a zone, a line and a mask on a demo camera, adds an intrusion rule, saves, and finds it all after a reload', async ({
  page
}) => {
  const wall = new WallPage(page)
  const editor = new SceneEditorPage(page)
  await wall.open(host.url)
  await editor.openFromCameras('demo-parvis')
  // The demo camera comes with a scene of its own: what is drawn here comes on top of it.
  const before = {
    zones: await editor.items('zone').count(),
    lines: await editor.items('line').count(),
    masks: await editor.items('mask').count(),
    rules: await editor.items('rule').count()
  }

  await editor.drawPolygon('zone', [
    { x: 0.2, y: 0.3 },
    { x: 0.5, y: 0.3 },
    { x: 0.5, y: 0.7 },
    { x: 0.2, y: 0.7 }
  ])
  await expect(editor.items('zone')).toHaveCount(before.zones + 1)
  await expect(editor.shape('zone', 'zone-1')).toBeVisible()
  await editor.nameField('zone', 'zone-1').fill('Parvis nord')
  await editor.zoneArea('zone-1').fill('150')

  await editor.drawLine({ x: 0.1, y: 0.85 }, { x: 0.9, y: 0.85 })
  await expect(editor.items('line')).toHaveCount(before.lines + 1)
  // The tripwire shows its two sides.
  await expect(editor.shape('line', 'ligne-1').locator('[data-side="A"]')).toBeVisible()
  await expect(editor.shape('line', 'ligne-1').locator('[data-side="B"]')).toBeVisible()

  await editor.drawPolygon(
    'mask',
    [
      { x: 0.7, y: 0.1 },
      { x: 0.9, y: 0.1 },
      { x: 0.9, y: 0.3 }
    ],
    'enter'
  )
  await expect(editor.items('mask')).toHaveCount(before.masks + 1)
  // Masks are filled with the hatch, not left see-through.
  await expect(editor.shape('mask', 'masque-1').locator('polygon')).toHaveAttribute('fill', /^url\(#/)

  await editor.addRule('intrusion')
  await editor.ruleField('regle-1', 'zone').selectOption('zone-1')
  await expect(editor.ruleParameter('regle-1', 'minDwellSeconds')).toHaveValue('0')
  await editor.ruleParameter('regle-1', 'minDwellSeconds').fill('2,5')
  await expect(editor.page.getByTestId('scene-rule-module-regle-1')).toHaveAttribute('data-module', 'detection-intrusion')

  await expect(editor.dialog()).toHaveAttribute('data-dirty', 'true')
  await editor.save()
  await editor.close()

  await page.reload()
  await expect(new SessionPage(page).userMenu()).toBeVisible()
  await editor.openFromCameras('demo-parvis')
  await expect(editor.items('zone')).toHaveCount(before.zones + 1)
  await expect(editor.nameField('zone', 'zone-1')).toHaveValue('Parvis nord')
  await expect(editor.zoneArea('zone-1')).toHaveValue('150')
  expect(await editor.vertexCount('zone', 'zone-1')).toBe(4)
  await expect(editor.items('line')).toHaveCount(before.lines + 1)
  await expect(editor.shape('line', 'ligne-1')).toBeVisible()
  await expect(editor.items('mask')).toHaveCount(before.masks + 1)
  expect(await editor.vertexCount('mask', 'masque-1')).toBe(3)
  await expect(editor.items('rule')).toHaveCount(before.rules + 1)
  await expect(editor.item('rule', 'regle-1')).toHaveAttribute('data-kind', 'intrusion')
  await editor.expandRule('regle-1')
  await expect(editor.ruleField('regle-1', 'zone')).toHaveValue('zone-1')
  await expect(editor.ruleParameter('regle-1', 'minDwellSeconds')).toHaveValue('2,5')
  await expect(editor.dialog()).toHaveAttribute('data-dirty', 'false')
})

test('the editor says what is wrong before saving, and asks before throwing changes away', async ({ page }) => {
  const wall = new WallPage(page)
  const editor = new SceneEditorPage(page)
  await wall.open(host.url)
  await editor.openFromCameras('demo-piste')

  // A loitering rule needs a zone: none is drawn yet.
  await editor.addRule('loitering')
  await editor.page.getByTestId('scene-save').click()
  await expect(editor.page.getByTestId('scene-issues')).toBeVisible()
  await expect(editor.item('rule', 'regle-1').getByTestId('scene-issue')).toContainText('zone')
  await expect(editor.dialog()).toHaveAttribute('data-dirty', 'true')

  // Drawing the zone and choosing it clears the problem.
  await editor.drawPolygon('zone', [
    { x: 0.3, y: 0.3 },
    { x: 0.6, y: 0.3 },
    { x: 0.45, y: 0.6 }
  ])
  await editor.expandRule('regle-1')
  await editor.ruleField('regle-1', 'zone').selectOption('zone-1')
  await expect(editor.item('rule', 'regle-1').getByTestId('scene-issue')).toHaveCount(0)

  // Escape cancels a drawing first, and only then asks about closing.
  await editor.useTool('line')
  await editor.clickImage({ x: 0.1, y: 0.1 })
  await page.keyboard.press('Escape')
  await expect(editor.dialog()).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(editor.page.getByTestId('scene-tool-select')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Escape')
  await expect(editor.discardDialog()).toBeVisible()
  await editor.page.getByTestId('scene-discard-keep').click()
  await expect(editor.discardDialog()).toHaveCount(0)
  await expect(editor.items('zone')).toHaveCount(1)

  await editor.requestClose()
  await editor.page.getByTestId('scene-discard-confirm').click()
  await expect(editor.dialog()).toHaveCount(0)

  // Nothing was saved.
  await editor.openFromCameras('demo-piste')
  await expect(editor.items('zone')).toHaveCount(0)
  await expect(editor.items('rule')).toHaveCount(0)
})

test('a supervisor recalibrates a camera from the wall; an operator is not offered to', async ({ page }) => {
  const wall = new WallPage(page)
  const editor = new SceneEditorPage(page)
  await wall.open(host.url, SUPERVISOR)
  await expect(page.getByTestId('nav-cameras')).toHaveCount(0)
  const index = await wall.tileForCamera('demo-parking')
  await editor.openFromTile(index)
  await editor.drawLine({ x: 0.2, y: 0.5 }, { x: 0.8, y: 0.5 })
  await editor.nameField('line', 'ligne-1').fill('Barrière')
  await editor.addRule('line-crossing')
  await expect(editor.ruleField('regle-1', 'line')).toHaveValue('ligne-1')
  await editor.save()
  await editor.close()

  await new SessionPage(page).logout()
  await new SessionPage(page).login(OPERATOR.name, OPERATOR.password)
  const operatorIndex = await wall.tileForCamera('demo-parking')
  await page.getByTestId(`tile-menu-${operatorIndex}`).click()
  await expect(page.getByTestId(`tile-menu-overlays-${operatorIndex}`)).toBeVisible()
  await expect(page.getByTestId(`tile-menu-scene-${operatorIndex}`)).toHaveCount(0)
})

test('an administrator switches the object detector for every camera, and the choice holds after a reload', async ({ page }) => {
  const wall = new WallPage(page)
  const cameras = new CamerasPage(page)
  await wall.open(host.url)
  await cameras.open()
  await expect(cameras.detectorChoice).toHaveValue('nanodet-plus-416')
  await cameras.detectorChoice.selectOption('fastestdet-352')
  await expect(cameras.detectorChoice).toBeEnabled()
  await page.reload()
  await expect(new SessionPage(page).userMenu()).toBeVisible()
  await cameras.open()
  await expect(cameras.detectorChoice).toHaveValue('fastestdet-352')
  await cameras.detectorChoice.selectOption('nanodet-plus-416')
  await expect(cameras.detectorChoice).toBeEnabled()
  await expect(cameras.detectorChoice).toHaveValue('nanodet-plus-416')
})
