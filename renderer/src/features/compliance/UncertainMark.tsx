import { useTranslation } from 'react-i18next'

/** The legal analysis flags this point as not settled: say so wherever it is shown. */
export function UncertainMark() {
  const { t } = useTranslation()
  return (
    <span className="uncertain-mark" title={t('compliance.uncertainHint')}>
      {t('compliance.uncertain')}
    </span>
  )
}
