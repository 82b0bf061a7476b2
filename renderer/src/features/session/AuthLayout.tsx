import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LOCALE, isLocale } from '../../i18n'
import { LanguageSwitch } from '../shell/LanguageSwitch'

export interface AuthLayoutProps {
  title: string
  testId: string
  /** Wider panel for the first-run form. */
  wide?: boolean
  children: ReactNode
}

/**
 * The frame of the screens shown before anyone is signed in (or while the session is locked): the
 * product's name, the language, and one panel. Nothing of the console shows behind it.
 */
export function AuthLayout({ title, testId, wide = false, children }: AuthLayoutProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [t, title])

  return (
    <div className="auth-screen" data-testid={testId}>
      <header className="auth-screen__bar">
        <div className="app-header__brand">
          <span className="app-header__mark" aria-hidden="true" />
          <span className="app-header__name">{t('app.name')}</span>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </div>
        {/* Before sign-in the choice is this tab's only: the workstation's saved language applies once signed in. */}
        <LanguageSwitch
          value={isLocale(language) ? language : DEFAULT_LOCALE}
          onChange={(locale) => {
            void i18n.changeLanguage(locale)
            document.documentElement.lang = locale
          }}
        />
      </header>
      <main className="auth-screen__main">
        <section className="auth-panel" data-wide={wide || undefined} aria-labelledby={`${testId}-title`}>
          <h1 id={`${testId}-title`} className="auth-panel__title">
            {title}
          </h1>
          {children}
        </section>
      </main>
    </div>
  )
}
