import { expect, test } from '@playwright/test'
import { DPO, OPERATOR, startDetectionSite, startIntrusionDetection, SUPERVISOR } from './fixtures/intrusion'
import type { VigieHost } from './fixtures/vigie-host'
import { AlertsPage } from './pages/alerts-page'
import { WallPage } from './pages/wall-page'

let host: VigieHost

test.beforeAll(async () => {
  host = await startDetectionSite()
})

test.afterAll(async () => {
  await host?.stop()
})

test('an operator triages real alerts from the keyboard, then decides a burst at once', async ({ page }) => {
  test.setTimeout(280_000)
  const wall = new WallPage(page)
  await wall.open(host.url, OPERATOR)
  expect(await startIntrusionDetection(page)).toEqual([true, 'UNLOCKED', true])

  // « Alertes » comes right after the wall for an operator.
  const nav = await page.locator('.app-nav [data-testid^="nav-"]').evaluateAll((links) => links.map((link) => link.getAttribute('data-testid')))
  expect(nav.slice(0, 2)).toEqual(['nav-wall', 'nav-alerts'])

  const alerts = new AlertsPage(page)
  await alerts.open()
  await alerts.waitForAlert()
  await expect(page.getByTestId('nav-alerts-count')).toHaveText(/^\d+$/)

  // The selected alert: its image with the boxes and the rule's zone, the detector and its thresholds.
  const id = await alerts.selectedId()
  const row = alerts.row(id)
  await expect(row).toHaveAttribute('aria-selected', 'true')
  await expect(row).toHaveAttribute('data-state', 'new')
  await expect(row).toContainText('Entrepôt municipal')
  await expect(row).toContainText('Intrusion sur le sol')
  const snapshot = page.getByTestId('alert-snapshot')
  await expect(snapshot.locator('img')).toBeVisible()
  await expect(snapshot.locator('.snapshot__box').first()).toBeAttached()
  await expect(snapshot.locator('.scene-zone')).toHaveCount(1)
  await expect(page.getByTestId('alert-facts-model')).toContainText(/seuil de confiance \d/)
  // The clip around the event plays, or says plainly why it cannot; the live view of the camera is beside it.
  await expect(page.getByTestId('alert-clip')).toHaveAttribute('data-state', /playing|paused|ended|failed/, { timeout: 30_000 })
  if ((await page.getByTestId('alert-clip').getAttribute('data-state')) === 'failed') {
    await expect(page.getByTestId('alert-clip-unavailable')).toContainText('Séquence indisponible')
  } else {
    await expect(page.getByTestId('alert-clip-phase')).toContainText(/enregistrement|événement/)
  }
  await expect(page.getByTestId('alert-live')).toHaveAttribute('data-camera-id', 'demo-entrepot')

  // « ? » lists the shortcuts; Escape closes it.
  await alerts.press('?')
  await expect(page.getByTestId('alert-shortcuts-dialog')).toBeVisible()
  await expect(page.getByTestId('alert-shortcuts-dialog')).toContainText('Fausse alerte')
  await alerts.press('Escape')
  await expect(page.getByTestId('alert-shortcuts-dialog')).toHaveCount(0)

  // Enter takes it into review; F opens the dismissal form: a reason and a note, Ctrl+Enter.
  await alerts.queue().focus()
  await alerts.press('Enter')
  await expect(row).toHaveAttribute('data-state', 'in_review')
  await expect(row).toContainText('par vous')
  await alerts.press('f')
  await expect(alerts.decisionDialog()).toHaveAttribute('data-testid', 'alert-decision-dialog')
  // Without a note the form says what is missing and sends nothing.
  await alerts.decisionDialog().getByTestId('alert-decision-reason').selectOption('shadow-or-light')
  await alerts.decisionDialog().getByTestId('alert-decision-submit').click()
  await expect(alerts.decisionDialog()).toContainText('Écrivez une note')
  await alerts.fillDecision('shadow-or-light', 'Reflet du soleil sur le sol, personne sur place')
  await expect(row).toHaveCount(0)
  await expect(page.getByTestId('alert-notice')).toHaveText('Décision enregistrée.')

  // The history has it, dismissed, with the operator's name, the reason and the note.
  await alerts.openTab('history')
  await expect(alerts.historyResults()).toHaveAttribute('data-status', 'ready')
  const decided = alerts.historyRow(id)
  await expect(decided).toHaveAttribute('data-state', 'false_alarm')
  await expect(decided).toContainText('Fausse alerte')
  await expect(page.getByTestId(`alert-history-operator-${id}`)).toHaveText(OPERATOR.name)
  await expect(decided).toContainText('Ombre, reflet ou variation de lumière')
  await expect(decided).toContainText('Reflet du soleil')
  await alerts.filterHistory({ state: 'false_alarm', operator: OPERATOR.name })
  await expect(alerts.historyRows()).toHaveCount(1)
  await expect(decided).toBeVisible()
  await decided.click()
  await expect(page.getByTestId('alert-detail-dialog')).toContainText(OPERATOR.name)
  await page.getByTestId('alert-detail-close').click()

  // A burst: every open alert of the same rule on the same camera, minutes apart, confirmed in one decision.
  await alerts.openTab('queue')
  await expect.poll(async () => (await alerts.openIdsOf('demo-entrepot', 'intrusion-sol')).length, { timeout: 150_000, intervals: [1000] }).toBeGreaterThanOrEqual(2)
  const first = (await alerts.openIdsOf('demo-entrepot', 'intrusion-sol'))[0]
  await alerts.row(first).click()
  await alerts.queue().focus()
  await alerts.press('b')
  const burstButton = page.getByTestId('alert-burst')
  await expect(burstButton).toHaveAttribute('aria-pressed', 'true')
  const burst = await alerts.queue().locator('[role="option"][data-in-burst]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-alert-id'))))
  expect(burst.length).toBeGreaterThanOrEqual(2)
  await expect(burstButton).toHaveAttribute('data-count', String(burst.length))
  await alerts.press('c')
  await expect(page.getByTestId('alert-notice')).toHaveText(`Décision enregistrée pour ${burst.length} alertes.`)
  for (const burstId of burst) await expect(alerts.row(burstId)).toHaveCount(0)

  await alerts.openTab('history')
  await alerts.filterHistory({ state: 'confirmed', operator: OPERATOR.name })
  await expect(alerts.historyRows()).toHaveCount(burst.length)
  for (const burstId of burst) await expect(page.getByTestId(`alert-history-operator-${burstId}`)).toHaveText(OPERATOR.name)
})

test('an escalated alert waits for the supervisor, who sees the false alarms per rule and recalibrates from there', async ({ page, browser }) => {
  test.setTimeout(240_000)
  // The module runs since the previous test; the operator escalates the next alert with E.
  const wall = new WallPage(page)
  await wall.open(host.url, OPERATOR)
  const operator = new AlertsPage(page)
  await operator.open()
  await operator.waitForAlert()
  const id = await operator.selectedId()
  await operator.press('e')
  // Escalating proposes « needs a supervisor »; the note is still the operator's to write.
  await expect(operator.decisionDialog().getByTestId('alert-decision-reason')).toHaveValue('needs-supervisor')
  await operator.fillDecision('needs-supervisor', 'Silhouette près des machines, à confirmer par le superviseur')
  await expect(operator.row(id)).toHaveAttribute('data-state', 'escalated')
  // An operator sees it escalated, but not set apart: it is not theirs to wait for.
  await expect(operator.row(id)).not.toHaveAttribute('data-highlight', /.*/)

  // The supervisor's queue sets it apart; the supervisor takes it and dismisses it.
  const supervisorContext = await browser.newContext()
  const supervisorPage = await supervisorContext.newPage()
  await new WallPage(supervisorPage).open(host.url, SUPERVISOR)
  const supervisor = new AlertsPage(supervisorPage)
  await supervisor.open()
  await expect(supervisor.row(id)).toHaveAttribute('data-highlight', 'true')
  await expect(supervisor.row(id)).toContainText('Escaladée')
  await supervisor.row(id).click()
  await supervisor.queue().focus()
  await supervisor.press('Enter')
  await expect(supervisor.row(id)).toHaveAttribute('data-state', 'in_review')
  // Taken by the supervisor: the operator's screen follows, and may no longer decide it.
  await expect(operator.row(id)).toContainText(`par ${SUPERVISOR.name}`)
  await operator.row(id).click()
  await expect(page.getByTestId('alert-confirm')).toBeDisabled()
  await supervisor.press('f')
  await supervisor.fillDecision('authorised-person', 'Agent de maintenance identifié sur le planning')
  await expect(supervisor.row(id)).toHaveCount(0)
  await expect(operator.row(id)).toHaveCount(0)

  // Quality: the false-alarm share of the warehouse rule, and « Recalibrer » opens its camera's scene editor.
  await supervisor.openTab('quality')
  const quality = supervisorPage.getByTestId('alert-quality-row-demo-entrepot-intrusion-sol')
  await expect(quality).toBeVisible()
  await expect(quality).toContainText('Intrusion sur le sol')
  await expect(quality).toContainText(/\d+\s?%/)
  // Two dismissals so far, one for each reason: either may be named the most frequent.
  await expect(quality).toContainText(/Ombre, reflet ou variation de lumière|Personne autorisée/)
  await supervisorPage.getByTestId('alert-quality-recalibrate-demo-entrepot-intrusion-sol').click()
  await expect(supervisorPage.getByTestId('scene-editor')).toHaveAttribute('data-camera-id', 'demo-entrepot')
  await supervisorPage.getByTestId('scene-close').click()
  await expect(supervisorPage.getByTestId('scene-editor')).toHaveCount(0)
  await supervisorContext.close()

  // The DPO opens the statistics, and nothing else of the review (what rows the core gives a DPO is its call).
  const dpoContext = await browser.newContext()
  const dpoPage = await dpoContext.newPage()
  await dpoPage.goto(host.url)
  await dpoPage.getByTestId('login-username').fill(DPO.name)
  await dpoPage.getByTestId('login-password').fill(DPO.password)
  await dpoPage.getByTestId('login-submit').click()
  await dpoPage.getByTestId('nav-alerts').click()
  await expect(dpoPage.getByTestId('alerts-tab-quality')).toHaveAttribute('aria-current', 'page')
  await expect(dpoPage.getByTestId('alerts-tab-queue')).toHaveCount(0)
  await expect(dpoPage.getByTestId('alert-quality')).toHaveAttribute('data-status', 'ready')
  await expect(dpoPage.locator('[data-testid^="alert-quality-recalibrate-"]')).toHaveCount(0)
  await dpoContext.close()
})
