import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Locale } from '../../../electron/shared/settings'
import { en } from './en'
import { fr } from './fr'

export const DEFAULT_LOCALE: Locale = 'fr'

/**
 * One i18next instance per app instance (never the global singleton), so tests can render the app
 * several times in one process without languages leaking between them.
 */
export function createI18n(locale: Locale = DEFAULT_LOCALE): I18n {
  const i18n = createInstance()
  void i18n.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: ['fr', 'en'],
    // Resources are bundled: initialise synchronously so the first render is already translated.
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    returnNull: false,
    // No advertising in an operator's console log.
    showSupportNotice: false
  })
  return i18n
}

export function isLocale(value: string | undefined): value is Locale {
  return value === 'fr' || value === 'en'
}
