import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../../electron/shared/settings'
import { DEFAULT_LOCALE, isLocale } from './index'

/** The Intl tag used for numbers and dates: French conventions by default (« 0,8 s », 24-hour clock). */
export function intlTag(locale: Locale): string {
  return locale === 'fr' ? 'fr-FR' : 'en-GB'
}

export interface Formatters {
  /** Milliseconds shown as seconds with one decimal: 812 → « 0,8 ». */
  seconds(ms: number): string
  time(epochMs: number): string
  dateTime(epochMs: number): string
}

export function createFormatters(locale: Locale): Formatters {
  const tag = intlTag(locale)
  const secondsFormat = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const timeFormat = new Intl.DateTimeFormat(tag, { timeStyle: 'medium' })
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'medium' })
  return {
    seconds: (ms) => secondsFormat.format(ms / 1000),
    time: (epochMs) => timeFormat.format(epochMs),
    dateTime: (epochMs) => dateTimeFormat.format(epochMs)
  }
}

/** Formatters for the language currently shown; they follow the language switch. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage
  const locale = isLocale(language) ? language : DEFAULT_LOCALE
  return useMemo(() => createFormatters(locale), [locale])
}
