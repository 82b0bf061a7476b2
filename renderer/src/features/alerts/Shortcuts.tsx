import { useTranslation } from 'react-i18next'
import { Modal } from '../../components/Modal'
import { isNamedKey, REVIEW_SHORTCUTS, type ReviewAction, type ShortcutKey } from './review-keys'

/** One key as printed on the keyboard, in the language shown. */
export function Kbd({ keyName }: { keyName: ShortcutKey }) {
  const { t } = useTranslation()
  return <kbd className="kbd">{isNamedKey(keyName) ? t(`alerts.shortcuts.keys.${keyName}`) : keyName}</kbd>
}

/** The keys of an action, for the hint beside its button. */
export function ShortcutKeys({ action }: { action: ReviewAction }) {
  const keys = REVIEW_SHORTCUTS.find((shortcut) => shortcut.action === action)?.keys ?? []
  return (
    <span className="shortcut-keys" aria-hidden="true">
      {keys.map((key) => (
        <Kbd key={key} keyName={key} />
      ))}
    </span>
  )
}

/** The list behind « ? ». */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('alerts.shortcuts.title')}
      description={t('alerts.shortcuts.intro')}
      testId="alert-shortcuts-dialog"
    >
      <dl className="shortcut-list">
        {REVIEW_SHORTCUTS.map(({ action, keys }) => (
          <div key={action} className="shortcut-list__item">
            <dt>
              {keys.map((key) => (
                <Kbd key={key} keyName={key} />
              ))}
            </dt>
            <dd>{t(`alerts.shortcuts.actions.${action}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button" onClick={onClose} data-testid="alert-shortcuts-close">
          {t('alerts.shortcuts.close')}
        </button>
      </div>
    </Modal>
  )
}
