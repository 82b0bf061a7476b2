import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { installPackWithConfirmedExperiment } from '../fixtures/rule-packs'
import { pdf, piaExport } from '../unit/compliance/support'
import { ADMIN, startVigieHost, type Account, type VigieHost } from './fixtures/vigie-host'
import { EventsPage } from './pages/events-page'
import { SessionPage } from './pages/session-page'
import { WallPage } from './pages/wall-page'

const SUPERVISOR: Account = { name: 'superviseur', roles: ['supervisor'], password: 'Phare-Ouest-Marée-Haute', allGroups: true }
const DPO: Account = { name: 'dpo', roles: ['dpo'], password: 'Toits-Rouges-Sur-La-Ville-77' }
const OPERATOR: Account = { name: 'operatrice', roles: ['operator'], password: 'Quai-Des-Brumes-Sous-La-Pluie', allGroups: true }

let host: VigieHost

/**
 * Unlocks intrusion detection the way a site does (every missing document, then a supervisor's and
 * the DPO's approvals) and draws the warehouse floor as the watched zone, all through the console's
 * own API from the page, as three different people.
 */
async function startIntrusionDetection(page: Page): Promise<unknown[]> {
  const documents = { pdf: pdf('pièce').toString('base64'), pia: piaExport(2).toString('base64') }
  return page.evaluate(
    async ({ documents, people }) => {
      const open = async (account: { name: string; password: string }) => {
        const socket = new WebSocket(`ws://${location.host}/api`)
        await new Promise((resolve, reject) => {
          socket.onopen = resolve
          socket.onerror = reject
        })
        const replies = new Map<number, { ok: boolean; value?: any; error?: { message: string } }>()
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { kind: string; id: number; result: never }
          if (message.kind === 'response') replies.set(message.id, message.result)
        }
        let next = 0
        const call = (method: string, input: unknown) =>
          new Promise<{ ok: boolean; value?: any; error?: { message: string } }>((resolve) => {
            const id = ++next
            socket.send(JSON.stringify({ kind: 'request', id, method, input }))
            const poll = () => (replies.has(id) ? resolve(replies.get(id)!) : setTimeout(poll, 20))
            poll()
          })
        await call('session.login', { username: account.name, password: account.password })
        return call
      }
      const [dpo, supervisor, admin] = [await open(people.dpo), await open(people.supervisor), await open(people.admin)]
      const moduleId = 'detection-intrusion'
      const outcomes: unknown[] = []
      const dossier = await dpo('compliance.dossier', { moduleId })
      for (const requirement of dossier.value.module.requirements.filter((r: { satisfied: boolean }) => !r.satisfied)) {
        const aipd = requirement.type === 'AIPD'
        const attached = await dpo('compliance.attachDocument', {
          moduleIds: [moduleId],
          type: requirement.type,
          reference: `${requirement.type}-2026`,
          issuer: requirement.issuer,
          issuedOn: '2026-11-01',
          expiresOn: '2027-06-30',
          fileName: aipd ? 'aipd.json' : `${requirement.type.toLowerCase()}.pdf`,
          base64: aipd ? documents.pia : documents.pdf
        })
        if (!attached.ok) outcomes.push(attached.error?.message)
      }
      outcomes.push((await supervisor('compliance.approve', { moduleId, justification: 'Dossier complet, vérifié en commission' })).ok)
      const approved = await dpo('compliance.approve', { moduleId, justification: 'Avis favorable du DPO, AIPD validée' })
      outcomes.push(approved.value?.state ?? approved.error?.message)
      const saved = await admin('analytics.saveScene', {
        cameraId: 'demo-entrepot',
        scene: {
          zones: [{ id: 'sol', name: 'Sol de l’entrepôt', polygon: [{ x: 0, y: 0.3 }, { x: 1, y: 0.3 }, { x: 1, y: 1 }, { x: 0, y: 1 }] }],
          rules: [{ id: 'intrusion-sol', name: 'Intrusion sur le sol', kind: 'intrusion', zoneId: 'sol', priority: 'high' }]
        }
      })
      outcomes.push(saved.ok)
      return outcomes
    },
    { documents, people: { dpo: DPO, supervisor: SUPERVISOR, admin: ADMIN } }
  )
}

test.beforeAll(async () => {
  // A rule pack in which the experiment behind event detection is confirmed (the bundled one keeps it forbidden).
  const dataDir = await mkdtemp(join(tmpdir(), 'vigie-e2e-events-'))
  await installPackWithConfirmedExperiment(dataDir)
  host = await startVigieHost({
    dataDir,
    accounts: [ADMIN, SUPERVISOR, DPO, OPERATOR],
    organisation: { name: 'Préfecture de police', deployer: 'police-nationale' }
  })
})

test.afterAll(async () => {
  await host?.stop()
})

test('an operator sees analytics over the tile, toggles them, and follows the alerts in the events journal', async ({ page }) => {
  test.setTimeout(240_000)
  const wall = new WallPage(page)
  await wall.open(host.url, OPERATOR)
  expect(await startIntrusionDetection(page)).toEqual([true, 'UNLOCKED', true])

  // The tile draws the tracked objects once the module runs, and hides them on request (O key or button).
  const index = await wall.tileForCamera('demo-entrepot')
  await expect(page.getByTestId(`tile-analytics-${index}-detection-intrusion`)).toHaveAttribute('data-running', 'true', { timeout: 60_000 })
  const overlay = page.getByTestId(`tile-overlay-${index}`)
  await expect(overlay.locator('.tile-track').first()).toBeAttached({ timeout: 60_000 })
  await expect(overlay.locator('.scene-zone')).toHaveCount(1)
  const toggle = page.getByTestId(`tile-overlays-${index}`)
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await expect(overlay).toHaveCount(0)
  // The choice is the tile's, and the workstation remembers it.
  await page.reload()
  await expect(new SessionPage(page).userMenu()).toBeVisible()
  await expect(page.getByTestId(`tile-overlays-${index}`)).toHaveAttribute('aria-pressed', 'false')
  await wall.tile(index).focus()
  await page.keyboard.press('o')
  await expect(page.getByTestId(`tile-overlays-${index}`)).toHaveAttribute('aria-pressed', 'true')

  // The journal lists the intrusion alerts with their images; the detail draws the boxes over the image.
  const events = new EventsPage(page)
  await events.open()
  const intrusion = events.rowsOfKind('intrusion').first()
  await expect(intrusion).toBeVisible({ timeout: 120_000 })
  await expect(intrusion).toHaveAttribute('data-camera-id', 'demo-entrepot')
  await expect(intrusion).toContainText('Entrepôt municipal')
  await expect(intrusion).toContainText('Intrusion sur le sol')
  await expect(intrusion.getByTestId(/^event-priority-/)).toHaveText(/haute/i)
  await expect(events.thumbnailImage(intrusion)).toBeVisible()
  const detail = await events.openDetail(intrusion)
  await expect(detail.getByTestId('event-detail-snapshot').locator('img')).toBeVisible()
  await expect(detail.locator('.snapshot__box').first()).toBeAttached()
  await page.getByTestId('event-detail-close').click()
  await expect(detail).toHaveCount(0)

  // Filtered on another camera, the journal has nothing to say.
  await events.filterCamera('demo-parvis')
  await expect(events.rows()).toHaveCount(0)
  await events.clearFilters()
  await expect(events.rowsOfKind('intrusion').first()).toBeVisible()
})
