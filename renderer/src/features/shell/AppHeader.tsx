import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../../electron/shared/settings'
import { LanguageSwitch } from './LanguageSwitch'
import { hrefFor, type Route } from './use-hash-route'

export interface AppHeaderProps {
  route: Route
  /** The screens this person may open; the others are not even listed. */
  routes: readonly Route[]
  demo: boolean
  locale: Locale
  onLocaleChange: (locale: Locale) => void
  userMenu: ReactNode
  /** A number beside a screen's name (open alerts), shown when above zero. */
  counts?: Partial<Record<Route, number>>
}

function focusMain(): void {
  document.getElementById('main')?.focus()
}

export function AppHeader({ route, routes, demo, locale, onLocaleChange, userMenu, counts }: AppHeaderProps) {
  const { t } = useTranslation()
  return (
    <header className="app-header">
      {/* A button, not an anchor: the hash already carries the current screen. */}
      <button type="button" className="skip-link" onClick={focusMain}>
        {t('app.skipToContent')}
      </button>
      <div className="app-header__brand">
        <span className="app-header__mark" aria-hidden="true" />
        <span className="app-header__name">{t('app.name')}</span>
        <span className="app-header__tagline">{t('app.tagline')}</span>
      </div>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {routes.map((name) => (
            <li key={name}>
              <a
                href={hrefFor(name)}
                className="app-nav__link"
                aria-current={route === name ? 'page' : undefined}
                data-testid={`nav-${name}`}
              >
                {t(`nav.${name}`)}
                {counts?.[name] ? (
                  <span className="app-nav__count" data-testid={`nav-${name}-count`}>
                    {counts[name]}
                  </span>
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {demo ? (
        <p className="demo-banner" data-testid="demo-banner">
          <strong className="demo-banner__label">{t('app.demoBanner')}</strong>
          <span className="demo-banner__detail">{t('app.demoBannerDetail')}</span>
        </p>
      ) : null}
      <div className="app-header__tools">
        <LanguageSwitch value={locale} onChange={onLocaleChange} />
        {userMenu}
      </div>
    </header>
  )
}
