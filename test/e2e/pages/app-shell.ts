import { expect, type Locator, type Page } from '@playwright/test'

export type Screen = 'wall' | 'alerts' | 'events' | 'playback' | 'requisitions' | 'lapi' | 'cameras' | 'users' | 'organisation' | 'audit' | 'compliance' | 'about'

/** What every screen shares: navigation, language switch, DÉMO banner, connection states. */
export class AppShell {
  constructor(readonly page: Page) {}

  nav(screen: Screen): Locator {
    return this.page.getByTestId(`nav-${screen}`)
  }

  async goTo(screen: Screen): Promise<void> {
    await this.nav(screen).click()
    await expect(this.nav(screen)).toHaveAttribute('aria-current', 'page')
  }

  demoBanner(): Locator {
    return this.page.getByTestId('demo-banner')
  }

  async setLanguage(locale: 'fr' | 'en'): Promise<void> {
    await this.page.getByTestId(`locale-${locale}`).click()
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale)
  }

  connectionLost(): Locator {
    return this.page.getByTestId('connection-lost')
  }

  connectionFailed(): Locator {
    return this.page.getByTestId('connection-failed')
  }

  settingsSaveError(): Locator {
    return this.page.getByTestId('settings-save-error')
  }
}
