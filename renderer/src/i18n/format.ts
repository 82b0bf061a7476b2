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
  /** A day: « 14/03/2025 ». */
  date(epochMs: number): string
  /** A calendar date as documents carry them (« 2025-03-14 »), shown as a day; other text comes back as is. */
  calendarDate(isoDate: string): string
  /** A count with the language's digit grouping: 12345 → « 12 345 ». */
  integer(value: number): string
  /** Any number as the language writes it, up to six decimals: 0.25 → « 0,25 ». */
  decimal(value: number): string
  /** A file's size in the unit that reads best: « 812 ko », « 1,4 Mo ». */
  fileSize(bytes: number): string
  /** A moment people plan around (an account locked until…): « 14:32 » today, with the date otherwise. */
  until(epochMs: number, nowMs?: number): string
}

/** Midnight local time of « AAAA-MM-JJ »: `new Date(iso)` would read it as UTC and may show the day before. */
function localDay(isoDate: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!match) return null
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return Number.isNaN(day.getTime()) ? null : day
}

export function createFormatters(locale: Locale): Formatters {
  const tag = intlTag(locale)
  const secondsFormat = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const timeFormat = new Intl.DateTimeFormat(tag, { timeStyle: 'medium' })
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'medium' })
  const integerFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })
  const decimalFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 6 })
  const clockFormat = new Intl.DateTimeFormat(tag, { timeStyle: 'short' })
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'short' })
  const kilobytesFormat = new Intl.NumberFormat(tag, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 })
  const megabytesFormat = new Intl.NumberFormat(tag, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
  const dayAndClockFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short' })
  return {
    seconds: (ms) => secondsFormat.format(ms / 1000),
    time: (epochMs) => timeFormat.format(epochMs),
    dateTime: (epochMs) => dateTimeFormat.format(epochMs),
    date: (epochMs) => dateFormat.format(epochMs),
    calendarDate: (isoDate) => {
      const day = localDay(isoDate)
      return day ? dateFormat.format(day) : isoDate
    },
    integer: (value) => integerFormat.format(value),
    decimal: (value) => decimalFormat.format(value),
    fileSize: (bytes) => (bytes < 1_000_000 ? kilobytesFormat.format(Math.max(1, bytes / 1000)) : megabytesFormat.format(bytes / 1_000_000)),
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

/** The decimal mark people type in the language shown: « 1,5 » in French, « 1.5 » in English. */
export function useDecimalSeparator(): ',' | '.' {
  const { i18n } = useTranslation()
  return i18n.resolvedLanguage === 'en' ? '.' : ','
}
