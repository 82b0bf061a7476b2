import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_LOCALE, isLocale } from '../../i18n'
import { intlTag } from '../../i18n/format'

/** A share as the language writes it: 0.452 → « 45 % » in French, « 45% » in English. */
export function usePercent(): (share: number) => string {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage
  const locale = isLocale(language) ? language : DEFAULT_LOCALE
  return useMemo(() => {
    const percent = new Intl.NumberFormat(intlTag(locale), { style: 'percent', maximumFractionDigits: 0 })
    return (share: number) => percent.format(share)
  }, [locale])
}
