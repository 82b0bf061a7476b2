import { useTranslation } from 'react-i18next'
import { LocaleSchema, type Locale } from '../../../../electron/shared/settings'

export interface LanguageSwitchProps {
  value: Locale
  onChange: (locale: Locale) => void
}

export function LanguageSwitch({ value, onChange }: LanguageSwitchProps) {
  const { t } = useTranslation()
  return (
    <div className="segmented" role="group" aria-label={t('locale.label')}>
      {LocaleSchema.options.map((locale) => (
        <button
          key={locale}
          type="button"
          className="segmented__option"
          aria-pressed={value === locale}
          // Each language names itself in its own language, for someone who reads only that one.
          aria-label={t(`locale.${locale}`)}
          lang={locale}
          title={t(`locale.${locale}`)}
          data-testid={`locale-${locale}`}
          onClick={() => onChange(locale)}
        >
          {t(`locale.${locale}Short`)}
        </button>
      ))}
    </div>
  )
}
