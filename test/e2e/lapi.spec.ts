import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { DPO, OPERATOR, SUPERVISOR, unlockModule } from './fixtures/intrusion'
import { ADMIN, startVigieHost, type Account, type VigieHost } from './fixtures/vigie-host'
import { AlertsPage } from './pages/alerts-page'
import { LapiPage } from './pages/lapi-page'
import { SessionPage } from './pages/session-page'

const ALICE: Account = { name: 'alice', roles: ['supervisor'], password: 'Phare-Ouest-Marée-Haute', allGroups: true }
const OLGA: Account = { name: 'olga', roles: ['operator'], password: 'Quai-Des-Brumes-Sous-La-Pluie', allGroups: true }

/** A commune: paid-parking control is open to it (under conditions), security watch lists never. */
let commune: VigieHost
let files: string

test.beforeAll(async () => {
  commune = await startVigieHost({ accounts: [ADMIN, ALICE, OLGA] })
  files = await mkdtemp(join(tmpdir(), 'vigie-lapi-'))
  // A payments export as a parking operator hands it over: the plate column among dates and amounts,
  // and one line whose plate is too short to be one.
  await writeFile(
    join(files, 'paiements.csv'),
    ['date;immatriculation;montant', '2026-03-14;AB-123-CD;2,50', '2026-03-14;ef 456 gh;1,00', '2026-03-14;12 ABC 75;4,00', '2026-03-14;AB1;0,50'].join('\r\n')
  )
})

test.afterAll(async () => {
  await commune?.stop()
  await rm(files, { recursive: true, force: true })
})

test('a commune supervisor imports and withdraws a parking-rights list, is refused a watch list, and finds an empty read log', async ({ page, browser }) => {
  await page.goto(commune.url)
  await new SessionPage(page).login(ALICE.name, ALICE.password)
  const lapi = new LapiPage(page)
  await lapi.open()
  await expect(page).toHaveTitle(/^LAPI · Vigie$/)

  // The two purposes, and where the compliance lock puts them for a commune.
  await expect(lapi.purpose('lapi-securite')).toHaveAttribute('data-state', 'FORBIDDEN')
  await expect(lapi.purpose('lapi-securite')).toContainText('INTERDIT')
  await expect(lapi.purpose('lapi-stationnement')).not.toHaveAttribute('data-state', 'FORBIDDEN')
  await expect(lapi.lists()).toHaveAttribute('data-status', 'ready')
  await expect(page.getByTestId('lapi-lists-empty')).toBeVisible()
  await expect(page.getByTestId('lapi-hashed-note')).toContainText('ne peuvent plus être affichées')

  // The file's plate column fills the text field, to check before sending.
  await lapi.fillImport({
    name: 'Paiements du 14 mars',
    purpose: 'lapi-stationnement',
    reason: 'Export quotidien des paiements de l’horodateur, transmis par la régie du stationnement',
    filePath: join(files, 'paiements.csv')
  })
  await expect(page.getByTestId('lapi-import-file-note')).toContainText('« paiements.csv » : 4 plaques reprises')
  await expect(page.getByTestId('lapi-import-file-note')).toContainText('colonne « immatriculation »')
  await expect(page.getByTestId('lapi-import-text')).toHaveValue('AB-123-CD\nef 456 gh\n12 ABC 75\nAB1')
  await expect(page.getByTestId('lapi-import-count')).toHaveAttribute('data-count', '4')
  await lapi.submitImport()

  // Kept as hashes; the line that is not a plate comes back refused.
  await expect(page.getByTestId('lapi-import-done')).toHaveAttribute('data-entries', '3')
  await expect(page.getByTestId('lapi-import-done')).toContainText('3 plaques enregistrées sous forme d’empreintes')
  await expect(page.getByTestId('lapi-import-rejected')).toHaveAttribute('data-count', '1')
  await expect(page.getByTestId('lapi-import-rejected')).toContainText('AB1')
  await lapi.closeImport()

  const parking = lapi.hotlist('Paiements du 14 mars')
  await expect(parking).toHaveAttribute('data-withdrawn', 'false')
  await expect(parking).toHaveAttribute('data-module-id', 'lapi-stationnement')
  await expect(parking).toContainText('Contrôle du stationnement payant')
  await expect(parking).toContainText('3 plaques')
  await expect(parking).toContainText('non affichables')
  await expect(parking).toContainText('par alice')
  // The plates themselves are nowhere on the screen once imported.
  for (const plate of ['AB-123-CD', 'AB123CD', 'EF456GH', '12ABC75']) await expect(page.locator('body')).not.toContainText(plate)

  // A watch list: the core refuses it for a commune, and the dialog says why, keeping what was typed.
  await lapi.fillImport({
    name: 'Véhicules signalés',
    purpose: 'lapi-securite',
    reason: 'Diffusion de la gendarmerie pour des véhicules volés',
    text: 'GH-789-JK'
  })
  await expect(page.getByTestId('lapi-import-purpose').locator('option[value="lapi-securite"]')).toHaveText(/interdite à votre organisation/)
  await lapi.submitImport()
  await expect(lapi.importError()).toHaveAttribute('data-error-code', 'FORBIDDEN')
  await expect(lapi.importError()).toContainText('Import refusé : cette finalité est interdite à votre organisation.')
  await expect(page.getByTestId('lapi-import-text')).toHaveValue('GH-789-JK')
  await page.getByTestId('lapi-import-cancel').click()
  await expect(lapi.importDialog()).toHaveCount(0)
  await expect(page.locator('[data-testid^="lapi-hotlist-"][data-module-id]')).toHaveCount(1)

  // Withdrawing needs a reason: too short, the form says so; then the list is marked withdrawn.
  await parking.getByRole('button', { name: /retirer/i }).click()
  await page.getByTestId('lapi-withdraw-reason').fill('périmé')
  await page.getByTestId('lapi-withdraw-submit').click()
  await expect(page.getByTestId('lapi-withdraw-error')).toContainText('de 10 à 2000 caractères')
  await page.getByTestId('lapi-withdraw-cancel').click()
  await lapi.withdraw('Paiements du 14 mars', 'Remplacée par l’export du 15 mars, plus complet')
  await expect(parking).toContainText('retirée le')
  await expect(parking.getByRole('button', { name: /retirer/i })).toHaveCount(0)

  // The read log: nothing retained, and no unmatched read kept (parking keeps none).
  await lapi.openTab('reads')
  await expect(lapi.reads()).toHaveAttribute('data-status', 'ready')
  await expect(page.getByTestId('lapi-hits-empty')).toContainText('Aucune lecture retenue')
  await expect(page.getByTestId('lapi-unmatched')).toHaveAttribute('data-count', '0')
  await page.getByTestId('lapi-reads-refresh').click()
  await expect(page.getByTestId('lapi-reads-refresh')).toBeEnabled()
  await expect(page.getByTestId('lapi-reads-updated')).toContainText('Mis à jour à')
  await expect(page.getByTestId('lapi-hits-empty')).toBeVisible()
  // The address names the tab: a reload comes back to it.
  expect(new URL(page.url()).hash).toBe('#/lapi/reads')

  // An operator has no LAPI at all: not in the navigation, and the address alone does not open it.
  const operatorContext = await browser.newContext()
  const operatorPage = await operatorContext.newPage()
  await operatorPage.goto(commune.url)
  await new SessionPage(operatorPage).login(OLGA.name, OLGA.password)
  await expect(operatorPage.getByTestId('nav-wall')).toBeVisible()
  await expect(operatorPage.getByTestId('nav-lapi')).toHaveCount(0)
  await operatorPage.goto(`${new URL(commune.url).origin}/#/lapi`)
  await expect(operatorPage.getByTestId('nav-wall')).toHaveAttribute('aria-current', 'page')
  await expect(operatorPage.getByTestId('lapi-screen')).toHaveCount(0)
  await operatorContext.close()
})

test('for the police nationale, a security watch list is accepted and parking is the forbidden purpose', async ({ page }) => {
  const police = await startVigieHost({
    accounts: [ADMIN, ALICE],
    organisation: { name: 'Commissariat de Belvédère', deployer: 'police-nationale' }
  })
  try {
    await page.goto(police.url)
    await new SessionPage(page).login(ALICE.name, ALICE.password)
    const lapi = new LapiPage(page)
    await lapi.open()
    await expect(lapi.purpose('lapi-stationnement')).toHaveAttribute('data-state', 'FORBIDDEN')
    await expect(lapi.purpose('lapi-securite')).not.toHaveAttribute('data-state', 'FORBIDDEN')
    await lapi.fillImport({
      name: 'Véhicules volés',
      purpose: 'lapi-securite',
      reason: 'Diffusion nationale des véhicules volés du 14 mars',
      text: 'GH-789-JK; KL-012-MN'
    })
    await lapi.submitImport()
    await expect(page.getByTestId('lapi-import-done')).toHaveAttribute('data-entries', '2')
    await expect(page.getByTestId('lapi-import-rejected')).toHaveAttribute('data-count', '0')
    await lapi.closeImport()
    await expect(lapi.hotlist('Véhicules volés')).toHaveAttribute('data-module-id', 'lapi-securite')
    await expect(lapi.hotlist('Véhicules volés')).toContainText('2 plaques')
    await expect(page.locator('body')).not.toContainText('GH-789-JK')
  } finally {
    await police.stop()
  }
})

test('a parked car missing from the parking rights reaches the operator’s queue with its plate, and the read log opens its alert', async ({ page, browser }) => {
  test.setTimeout(240_000)
  // The demo site's « Rue du Marché » camera watches a parked car (plate 5AU5341) with a paid-parking rule.
  const site = await startVigieHost({ accounts: [ADMIN, SUPERVISOR, DPO, OPERATOR] })
  try {
    await page.goto(site.url)
    await new SessionPage(page).login(SUPERVISOR.name, SUPERVISOR.password)
    const lapi = new LapiPage(page)
    await lapi.open()
    await lapi.fillImport({ name: 'Paiements de la matinée', purpose: 'lapi-stationnement', reason: 'Export des paiements de l’horodateur, régie du stationnement', text: 'AB-123-CD\nEF-456-GH' })
    await lapi.submitImport()
    await expect(page.getByTestId('lapi-import-done')).toHaveAttribute('data-entries', '2')
    await lapi.closeImport()
    expect(await unlockModule(page, 'lapi-stationnement')).toEqual([true, 'UNLOCKED'])

    // The operator's queue: the alert, its plate and the list it is missing from.
    const operatorContext = await browser.newContext()
    const operatorPage = await operatorContext.newPage()
    await operatorPage.goto(site.url)
    await new SessionPage(operatorPage).login(OPERATOR.name, OPERATOR.password)
    const alerts = new AlertsPage(operatorPage)
    await alerts.open()
    await alerts.waitForAlert(180_000)
    const row = alerts.selectedRow()
    await expect(row).toHaveAttribute('data-camera-id', 'demo-stationnement')
    await expect(row).toContainText('Stationnement à contrôler')
    await expect(alerts.detail()).toContainText('5AU5341')
    await expect(alerts.detail()).toContainText('Paiements de la matinée')
    await expect(operatorPage.getByTestId('alert-snapshot').locator('img')).toBeVisible()
    const alertId = await alerts.selectedId()
    await operatorContext.close()

    // The supervisor's read log holds the hit, within its retention, and opens its alert.
    await lapi.openTab('reads')
    const hit = page.locator(`[data-testid^="lapi-hit-"][data-event-id="${alertId}"]`)
    await expect(hit).toContainText('5AU5341')
    await hit.locator('[data-testid^="lapi-hit-alert-"]').click()
    await expect(page).toHaveURL(new RegExp(`#/alerts/${alertId}$`))
    await expect(page.getByTestId('alert-detail')).toHaveAttribute('data-alert-id', String(alertId))
  } finally {
    await site.stop()
  }
})
