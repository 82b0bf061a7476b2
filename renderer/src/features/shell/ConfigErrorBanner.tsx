import { useTranslation } from 'react-i18next'
import { useAppInfo } from '../../stores/stores-context'

/**
 * The camera configuration file does not validate: the core runs without it and refuses to rewrite it.
 * Say so in every screen, with the core's message naming the faulty key, so an admin can fix the file.
 */
export function ConfigErrorBanner() {
  const { t } = useTranslation()
  const configError = useAppInfo((state) => state.info?.configError)
  if (!configError) return null
  return (
    <div className="save-error" role="alert" data-testid="config-error">
      <span>{t('app.configError', { message: configError })}</span>
    </div>
  )
}
