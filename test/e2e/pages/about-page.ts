import { expect, type Locator, type Page } from '@playwright/test'

export class AboutPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-about').click()
    await expect(this.page.getByTestId('about-info')).toBeVisible()
  }

  version(): Locator {
    return this.page.getByTestId('about-version')
  }

  mode(): Locator {
    return this.page.getByTestId('about-mode')
  }

  ffmpeg(): Locator {
    return this.page.getByTestId('about-ffmpeg')
  }

  notices(): Locator {
    return this.page.getByTestId('about-notices')
  }

  assets(): Locator {
    return this.page.getByTestId('about-assets')
  }

  missingAssetsHint(): Locator {
    return this.page.getByTestId('about-assets-missing')
  }
}
