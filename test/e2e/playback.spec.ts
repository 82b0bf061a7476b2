import { expect, test, type Browser, type Page } from '@playwright/test'
import { ADMIN, startVigieHost, type Account, type VigieHost } from './fixtures/vigie-host'
import { PlaybackPage } from './pages/playback-page'
import { SessionPage } from './pages/session-page'

const SUPERVISOR: Account = { name: 'superviseur', roles: ['supervisor'], password: 'Phare-Ouest-Marée-Haute', allGroups: true }
const DPO: Account = { name: 'dpo', roles: ['dpo'], password: 'Toits-Rouges-Sur-La-Ville-77', allGroups: true }
const CAMERA = 'demo-parvis'

let host: VigieHost

test.beforeAll(async () => {
  // The demo site: the headless host records every enabled camera from the start.
  host = await startVigieHost({ accounts: [ADMIN, SUPERVISOR, DPO] })
})

test.afterAll(async () => {
  await host?.stop()
})

async function signIn(page: Page, account: Account): Promise<PlaybackPage> {
  await page.goto(host.url)
  await new SessionPage(page).login(account.name, account.password)
  return new PlaybackPage(page)
}

async function otherWorkstation(browser: Browser, account: Account): Promise<{ page: Page; playback: PlaybackPage; close: () => Promise<void> }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const playback = await signIn(page, account)
  return { page, playback, close: () => context.close() }
}

test('a supervisor plays back a recorded camera from a chosen moment and places it under legal hold', async ({ page }) => {
  test.setTimeout(240_000)
  const playback = await signIn(page, SUPERVISOR)
  await playback.open()
  await expect(page.getByTestId('playback-shortcuts')).toContainText('Espace')
  await playback.choose(CAMERA)
  await expect(playback.tile(0)).toHaveAttribute('data-camera-id', CAMERA)

  // The recorder's first segments close after some seconds: the timeline then shows them as a span.
  const span = await playback.waitForRecordedSpan(CAMERA, 10)
  expect(span.end).toBeLessThanOrEqual(Date.now())

  // The address the events journal links to opens the camera at its moment.
  await playback.openAt([CAMERA], span.start + 2_000)
  await expect.poll(() => playback.shownTime()).toBe(Math.floor((span.start + 2_000) / 1000) * 1000)
  await expect(playback.tile(0)).toHaveAttribute('data-camera-id', CAMERA)

  // Jump to a moment inside the span with the date picker, shown to the second in French.
  const moment = span.start + 3_000
  await playback.jumpTo(moment)
  await expect(playback.shownTimeText()).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/)
  await expect(playback.tile(0)).toHaveAttribute('data-state', /standing|buffering|opening/)
  await expect(playback.tile(0)).toHaveAttribute('data-masked', /true|false/, { timeout: 30_000 })

  // Play: the picture moves and so does the clock.
  await playback.play()
  await playback.expectVideoAdvances(0, 2)
  await expect.poll(() => playback.shownTime(), { timeout: 30_000 }).toBeGreaterThanOrEqual(Math.floor(moment / 1000) * 1000 + 2_000)
  await expect(playback.tile(0)).toHaveAttribute('data-state', 'playing')
  await playback.pause()
  const paused = await playback.shownTime()
  await page.waitForTimeout(1_500)
  expect(await playback.shownTime()).toBe(paused)

  // Legal hold on the period around the playhead: listed, and drawn on the camera's row.
  await playback.placeHold('Réquisition n° 2026/0042', 'Vol à l’arraché signalé par la police municipale')
  const card = playback.holdCards().filter({ hasText: 'Réquisition n° 2026/0042' })
  await expect(card).toHaveAttribute('data-released', 'false')
  await expect(card).toHaveAttribute('data-camera-id', CAMERA)
  await expect(page.locator('[data-testid^="timeline-hold-"]').first()).toBeAttached()
})

test('a mask lift asked by a supervisor cannot be approved by the same person; the DPO approves it', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const playback = await signIn(page, SUPERVISOR)
  await playback.open()
  await playback.choose(CAMERA)
  await playback.openLifts()
  const reference = 'Réquisition n° 2026/0077'
  await playback.requestLift({ cameraId: CAMERA, reference, reason: 'Identifier le véhicule masqué par la zone de confidentialité', minutes: 15 })

  const mine = playback.liftCard(reference)
  await expect(mine).toHaveAttribute('data-state', 'pending')
  await expect(playback.approveButton(mine)).toBeDisabled()
  await expect(mine.locator('[data-testid^="lift-own-note-"]')).toContainText('une autre personne')

  // The DPO, at another workstation, sees the request on the requisitions screen and may approve it.
  const dpo = await otherWorkstation(browser, DPO)
  try {
    await dpo.playback.openRequisitions()
    const theirs = dpo.playback.liftCard(reference)
    await expect(theirs).toHaveAttribute('data-state', 'pending')
    await expect(dpo.playback.approveButton(theirs)).toBeEnabled()
    await expect(theirs.locator('[data-testid^="lift-own-note-"]')).toHaveCount(0)
    await dpo.playback.approveButton(theirs).click()
    await expect(theirs).toHaveAttribute('data-state', 'active')
    await expect(theirs).toContainText(/active jusqu’à \d{2}:\d{2}/)
  } finally {
    await dpo.close()
  }

  // The supervisor's panel follows live.
  await expect(mine).toHaveAttribute('data-state', 'active')
  await expect(mine.locator('[data-testid^="lift-end-"]')).toBeEnabled()
})
