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
  /** Date and time to the second: « 14/03/2025 09:05:12 ». */
  dateTime(epochMs: number): string
  /** A count with the language's digit grouping: 12345 → « 12 345 ». */
  integer(value: number): string
  /** A moment people plan around (an account locked until…): « 14:32 » today, with the date otherwise. */
  until(epochMs: number, nowMs?: number): string
}

export function createFormatters(locale: Locale): Formatters {
  const tag = intlTag(locale)
  const secondsFormat = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const timeFormat = new Intl.DateTimeFormat(tag, { timeStyle: 'medium' })
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'medium' })
  const integerFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })
  const clockFormat = new Intl.DateTimeFormat(tag, { timeStyle: 'short' })
  const dayAndClockFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short' })
  return {
    seconds: (ms) => secondsFormat.format(ms / 1000),
    time: (epochMs) => timeFormat.format(epochMs),
    dateTime: (epochMs) => dateTimeFormat.format(epochMs),
    integer: (value) => integerFormat.format(value),
    until: (epochMs, nowMs = Date.now()) =>
      new Date(epochMs).toDateString() === new Date(nowMs).toDateString() ? clockFormat.format(epochMs) : dayAndClockFormat.format(epochMs)
  }
}

/** Formatters for the language currently shown; they follow the language switch. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage
  const locale = isLocale(language) ? language : DEFAULT_LOCALE
  return useMemo(() => createFormatters(locale), [locale])
}
