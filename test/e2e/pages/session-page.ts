import { expect, type Locator, type Page } from '@playwright/test'
import type { DeployerType } from '../../../electron/shared/accounts'

export interface OrganisationFields {
  name: string
  deployer: DeployerType
  dpoContact?: string
}

export interface AdminFields {
  username: string
  displayName: string
  password: string
}

/** First run, sign-in, idle lock and sign-out, as a person at the workstation goes through them. */
export class SessionPage {
  constructor(readonly page: Page) {}

  setupScreen(): Locator {
    return this.page.getByTestId('setup-screen')
  }

  loginScreen(): Locator {
    return this.page.getByTestId('login-screen')
  }

  lockScreen(): Locator {
    return this.page.getByTestId('lock-screen')
  }

  userMenu(): Locator {
    return this.page.getByTestId('user-menu')
  }

  /** The core's refusal of a sign-in, in its own words. */
  loginError(): Locator {
    return this.page.getByTestId('login-error')
  }

  /** Why the previous session ended (logout elsewhere, account disabled, expired); `data-reason` holds the code. */
  endedNotice(): Locator {
    return this.page.getByTestId('login-ended')
  }

  async fillFirstRun(org: OrganisationFields, admin: AdminFields, confirmation = admin.password): Promise<void> {
    await expect(this.setupScreen()).toBeVisible()
    await this.page.getByTestId('setup-org-name').fill(org.name)
    await this.page.getByTestId('setup-deployer').selectOption(org.deployer)
    await this.page.getByTestId('setup-dpo').fill(org.dpoContact ?? '')
    await this.page.getByTestId('setup-username').fill(admin.username)
    await this.page.getByTestId('setup-display-name').fill(admin.displayName)
    await this.page.getByTestId('setup-password').fill(admin.password)
    await this.page.getByTestId('setup-password-confirm').fill(confirmation)
  }

  /** Creates the organisation and the first administrator, and waits until they are signed in. */
  async firstRun(org: OrganisationFields, admin: AdminFields): Promise<void> {
    await this.fillFirstRun(org, admin)
    await this.page.getByTestId('setup-submit').click()
    await expect(this.userMenu()).toBeVisible()
  }

  /** Types and submits, without expecting success (for refusals: see loginError()). */
  async submitLogin(username: string, password: string): Promise<void> {
    await expect(this.loginScreen()).toBeVisible()
    await this.page.getByTestId('login-username').fill(username)
    await this.page.getByTestId('login-password').fill(password)
    await this.page.getByTestId('login-submit').click()
  }

  async login(username: string, password: string): Promise<void> {
    await this.submitLogin(username, password)
    await expect(this.userMenu()).toBeVisible()
  }

  /** The lock screen covers everything: no console, and no video element left playing. */
  async expectLocked(): Promise<void> {
    await expect(this.lockScreen()).toBeVisible()
    await expect(this.userMenu()).toHaveCount(0)
    await expect(this.page.locator('video')).toHaveCount(0)
  }

  async submitUnlock(password: string): Promise<void> {
    await this.page.getByTestId('lock-password').fill(password)
    await this.page.getByTestId('lock-submit').click()
  }

  async unlock(password: string): Promise<void> {
    await expect(this.lockScreen()).toBeVisible()
    await this.submitUnlock(password)
    await expect(this.lockScreen()).toHaveCount(0)
    await expect(this.userMenu()).toBeVisible()
  }

  /** « Changer d'utilisateur » from the lock screen. */
  async switchUser(): Promise<void> {
    await this.page.getByTestId('lock-switch-user').click()
    await expect(this.loginScreen()).toBeVisible()
  }

  async logout(): Promise<void> {
    await this.userMenu().click()
    await this.page.getByTestId('user-menu-logout').click()
    await expect(this.loginScreen()).toBeVisible()
  }

  async changePassword(current: string, next: string): Promise<void> {
    await this.userMenu().click()
    await this.page.getByTestId('user-menu-change-password').click()
    await this.page.getByTestId('change-password-current').fill(current)
    await this.page.getByTestId('change-password-next').fill(next)
    await this.page.getByTestId('change-password-confirm').fill(next)
    await this.page.getByTestId('change-password-submit').click()
    await expect(this.page.getByTestId('change-password-done')).toBeVisible()
    await this.page.keyboard.press('Escape')
  }
}
