import { useTranslation } from 'react-i18next'
import { useSettings } from '../../stores/stores-context'

/** A refused settings change is reported, not swallowed: the screen already shows the core's values again. */
export function SaveErrorBanner() {
  const { t } = useTranslation()
  const saveError = useSettings((state) => state.saveError)
  const dismiss = useSettings((state) => state.dismissSaveError)
  if (!saveError) return null
  return (
    <div className="save-error" role="alert" data-testid="settings-save-error">
      <span>{t('app.settingsNotSaved', { message: saveError.message })}</span>
      <button type="button" className="button button--ghost" onClick={dismiss}>
        {t('app.dismiss')}
      </button>
    </div>
  )
}
