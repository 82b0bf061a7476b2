import { expect, test } from '@playwright/test'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pdf, piaExport } from '../unit/compliance/support'
import { ADMIN, startVigieHost, type Account, type VigieHost } from './fixtures/vigie-host'
import { CompliancePage } from './pages/compliance-page'
import { SessionPage } from './pages/session-page'
import { WallPage } from './pages/wall-page'

const SUPERVISOR: Account = { name: 'superviseur', roles: ['supervisor'], password: 'Phare-Ouest-Marée-Haute', allGroups: true }
const DPO: Account = { name: 'dpo', roles: ['dpo'], password: 'Quai-Des-Brumes-Sous-La-Pluie' }
const OPERATOR: Account = { name: 'operatrice', roles: ['operator'], password: 'Toits-Rouges-Sur-La-Ville-77', groups: ['demo'] }

/** A commune running the demo site: the parvis camera asks for people counting. */
let host: VigieHost
let files: string

test.beforeAll(async () => {
  host = await startVigieHost({ accounts: [ADMIN, SUPERVISOR, DPO, OPERATOR] })
  files = await mkdtemp(join(tmpdir(), 'vigie-pieces-'))
  await writeFile(join(files, 'piece.pdf'), pdf('pièce du dossier'))
  await writeFile(join(files, 'aipd.json'), piaExport(2))
})

test.afterAll(async () => {
  await host?.stop()
  await rm(files, { recursive: true, force: true })
})

test('LAPI for security purposes is forbidden for a commune, with its citations, and offers nothing to unlock it', async ({ page }) => {
  await page.goto(host.url)
  await new SessionPage(page).login(SUPERVISOR.name, SUPERVISOR.password)
  const compliance = new CompliancePage(page)
  await compliance.open()
  await compliance.expectState('lapi-securite', 'FORBIDDEN')
  await expect(compliance.card('lapi-securite')).toContainText('L233-1')
  await compliance.openDossier('lapi-securite')
  await expect(page.getByTestId('attach-open')).toHaveCount(0)
  await expect(page.getByTestId('approve-open')).toHaveCount(0)
})

test('people counting: documents, two different approvers, then it runs on the wall; revoked, it stops and the operator sees why', async ({ page, browser }) => {
  test.setTimeout(180_000)
  await page.goto(host.url)
  await new SessionPage(page).login(SUPERVISOR.name, SUPERVISOR.password)
  const compliance = new CompliancePage(page)
  await compliance.open()
  await compliance.expectState('comptage-personnes', 'LOCKED')
  await compliance.openDossier('comptage-personnes')

  const requirements = await page.locator('[data-testid^="requirement-"]').evaluateAll((rows) =>
    rows.map((row) => row.getAttribute('data-testid')?.replace('requirement-', '') ?? '')
  )
  expect(requirements).toContain('AIPD')
  for (const type of requirements) {
    await compliance.attach({
      type,
      reference: `${type}-2026`,
      issuer: 'Mairie de Belvédère',
      issuedOn: '2026-11-01',
      filePath: join(files, type === 'AIPD' ? 'aipd.json' : 'piece.pdf')
    })
  }
  await expect(compliance.dossierState()).toContainText(/prêt/i)
  await compliance.approve('Dossier complet, examiné en commission le 28 novembre')
  await expect(compliance.dossierState()).not.toContainText(/déverrouillé/i)

  // The operator, meanwhile, sees that counting does not run on their camera, and why.
  const operatorContext = await browser.newContext()
  const operatorPage = await operatorContext.newPage()
  const wall = new WallPage(operatorPage)
  await wall.open(host.url, OPERATOR)
  const parvis = await wall.tileForCamera('demo-parvis')
  const counting = new CompliancePage(operatorPage).tileAnalytics(parvis, 'comptage-personnes')
  await expect(counting).toHaveAttribute('data-running', 'false')

  // The DPO, at another workstation, gives the second approval.
  const dpoContext = await browser.newContext()
  const dpoPage = await dpoContext.newPage()
  await dpoPage.goto(host.url)
  await new SessionPage(dpoPage).login(DPO.name, DPO.password)
  const dpoCompliance = new CompliancePage(dpoPage)
  await dpoCompliance.open()
  await dpoCompliance.openDossier('comptage-personnes')
  await dpoCompliance.approve('Avis favorable du DPO : AIPD validée, anonymisation démontrée')
  await expect(dpoCompliance.dossierState()).toContainText(/déverrouillé/i)

  await expect(counting).toHaveAttribute('data-running', 'true', { timeout: 10_000 })

  await dpoCompliance.revoke('Réclamation reçue : suspension pendant l’instruction')
  await expect(counting).toHaveAttribute('data-running', 'false', { timeout: 5_000 })
  await expect(counting).toContainText(/révoqu|verrouill|approbation/i)

  // An operator has no approval control, whatever the dossier's state.
  await operatorPage.goto(`${new URL(host.url).origin}/#/compliance/comptage-personnes`)
  await expect(operatorPage.getByTestId('dossier-comptage-personnes')).toBeVisible()
  await expect(operatorPage.getByTestId('approve-open')).toHaveCount(0)
  await operatorContext.close()
  await dpoContext.close()
})
