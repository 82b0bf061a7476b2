import { expect, test } from '@playwright/test'
import { ADMIN, startVigieHost, type Account } from './fixtures/vigie-host'
import { AuditPage } from './pages/audit-page'
import { SessionPage } from './pages/session-page'
import { WallPage } from './pages/wall-page'

const OPERATOR: Account = { name: 'operatrice', roles: ['operator'], password: 'Quai-Des-Brumes-Sous-La-Pluie', groups: ['demo'] }
const SUPERVISOR: Account = { name: 'superviseur', roles: ['supervisor'], password: 'Phare-Ouest-Marée-Haute' }

test('first run: the organisation and the first administrator, then the wall', async ({ page }) => {
  const host = await startVigieHost({ accounts: [] })
  try {
    const session = new SessionPage(page)
    await page.goto(host.url)
    await session.firstRun(
      { name: 'Commune de Belvédère', deployer: 'commune', dpoContact: 'dpo@belvedere.example' },
      { username: 'chef', displayName: 'Cheffe de salle', password: 'Toits-Rouges-Sur-La-Ville-77' }
    )
    await expect(page.getByTestId('tile-0')).toHaveAttribute('data-camera-id', /^demo-/)
    // A reload picks the session back up; the setup screen never comes back once an administrator exists.
    await page.reload()
    await expect(session.userMenu()).toBeVisible()
    await expect(session.setupScreen()).toHaveCount(0)
    await session.logout()
    await expect(session.setupScreen()).toHaveCount(0)
  } finally {
    await host.stop()
  }
})

test('an operator sees no supervisor or admin screen, and the core refuses raw calls too', async ({ page }) => {
  const host = await startVigieHost({ accounts: [ADMIN, OPERATOR] })
  try {
    const wall = new WallPage(page)
    await wall.open(host.url, OPERATOR)
    await expect(page.getByTestId('nav-wall')).toBeVisible()
    for (const hidden of ['nav-cameras', 'nav-users', 'nav-audit', 'nav-organisation']) {
      await expect(page.getByTestId(hidden)).toHaveCount(0)
    }
    await wall.expectHealth(0, 'live', 30_000)

    // Whatever the screen hides, a forged request on the WebSocket meets the same guard.
    const answers = await page.evaluate(async (account) => {
      const socket = new WebSocket(`ws://${location.host}/api`)
      await new Promise((resolve, reject) => {
        socket.onopen = resolve
        socket.onerror = reject
      })
      const replies = new Map<number, unknown>()
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { kind: string; id: number; result: unknown }
        if (message.kind === 'response') replies.set(message.id, message.result)
      }
      const call = (id: number, method: string, input: unknown) =>
        new Promise((resolve) => {
          socket.send(JSON.stringify({ kind: 'request', id, method, input }))
          const poll = () => (replies.has(id) ? resolve(replies.get(id)) : setTimeout(poll, 20))
          poll()
        })
      await call(1, 'session.login', { username: account.name, password: account.password })
      return {
        users: await call(2, 'users.list', {}),
        audit: await call(3, 'audit.query', {}),
        remove: await call(4, 'cameras.remove', { cameraId: 'demo-parvis' })
      }
    }, OPERATOR)
    for (const answer of Object.values(answers)) expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  } finally {
    await host.stop()
  }
})

test('five wrong passwords lock the account', async ({ page }) => {
  const host = await startVigieHost()
  try {
    const session = new SessionPage(page)
    await page.goto(host.url)
    for (let attempt = 1; attempt <= 5; attempt++) {
      await session.submitLogin(ADMIN.name, `mauvais-${attempt}`)
      await expect(session.loginError()).toContainText(/incorrect|verrouillé/)
    }
    await session.submitLogin(ADMIN.name, ADMIN.password)
    await expect(session.loginError()).toContainText(/verrouillé/)
    await expect(session.userMenu()).toHaveCount(0)
  } finally {
    await host.stop()
  }
})

test('an idle workstation locks its screen and unlocks with the password', async ({ page }) => {
  test.setTimeout(180_000)
  const host = await startVigieHost({ organisation: { name: 'Ville de Test', deployer: 'commune', idleMinutes: 1 } })
  try {
    const wall = new WallPage(page)
    const session = new SessionPage(page)
    await wall.open(host.url)
    await wall.expectHealth(0, 'live', 30_000)
    // Nobody touches anything: after the one-minute timeout the lock screen hides the wall.
    await expect(session.lockScreen()).toBeVisible({ timeout: 120_000 })
    await session.expectLocked()
    await session.submitUnlock('pas-le-bon')
    await expect(page.getByTestId('lock-error')).toContainText(/incorrect/)
    await expect(session.lockScreen()).toBeVisible()
    await session.unlock(ADMIN.password)
    await wall.expectVideoAdvances(0, 1)
  } finally {
    await host.stop()
  }
})

test('a supervisor reads the audit trail, checks it and exports it', async ({ page }) => {
  const host = await startVigieHost({ accounts: [ADMIN, SUPERVISOR] })
  try {
    const session = new SessionPage(page)
    await page.goto(host.url)
    await session.login(SUPERVISOR.name, SUPERVISOR.password)
    const audit = new AuditPage(page)
    await audit.open()
    expect(await audit.actions()).toContain('auth.login')
    await page.getByTestId('audit-verify').click()
    await expect(page.getByTestId('audit-verify-result')).toHaveAttribute('data-ok', 'true')
    const download = page.waitForEvent('download')
    await page.getByTestId('audit-export-csv').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^journal-audit-.*\.csv$/)
  } finally {
    await host.stop()
  }
})
