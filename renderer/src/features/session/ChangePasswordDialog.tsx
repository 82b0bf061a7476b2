import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { PasswordRules } from '../../components/PasswordRules'
import { TextField } from '../../components/TextField'
import { useSession } from '../../stores/session-context'
import { toAuthError } from './auth-error'

export interface ChangePasswordDialogProps {
  username: string
  onClose: () => void
}

/** The signed-in person's own password. On a refusal the dialog stays, with everything typed. */
export function ChangePasswordDialog({ username, onClose }: ChangePasswordDialogProps) {
  const { t } = useTranslation()
  const changePassword = useSession((state) => state.changePassword)
  const rulesId = useId()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [saving, setSaving] = useState(false)
  const [done, setDone] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (next !== confirmation) {
      setError({ code: null, message: t('password.mismatch') })
      return
    }
    setSaving(true)
    setError(null)
    try {
      await changePassword(current, next)
      setDone(true)
    } catch (failure) {
      setError(toAuthError(failure))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('session.changePassword.title')}
      description={t('session.changePassword.description')}
      testId="change-password-dialog"
    >
      {done ? (
        <>
          <p className="note note--ok" role="status" data-testid="change-password-done">
            {t('session.changePassword.done')}
          </p>
          <div className="form__actions">
            <span className="form__spacer" />
            <button type="button" className="button button--primary" onClick={onClose} autoFocus>
              {t('session.changePassword.close')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
          <input type="text" className="visually-hidden" value={username} autoComplete="username" readOnly tabIndex={-1} aria-hidden="true" />
          <TextField
            label={t('session.changePassword.current')}
            type="password"
            value={current}
            onChange={setCurrent}
            autoComplete="current-password"
            autoFocus
            required
            testId="change-password-current"
          />
          <TextField
            label={t('session.changePassword.next')}
            type="password"
            value={next}
            onChange={setNext}
            describedBy={rulesId}
            autoComplete="new-password"
            required
            testId="change-password-next"
          />
          <TextField
            label={t('session.changePassword.confirm')}
            type="password"
            value={confirmation}
            onChange={setConfirmation}
            autoComplete="new-password"
            required
            testId="change-password-confirm"
          />
          <PasswordRules id={rulesId} password={next} username={username} />
          {error ? <ErrorNote message={error.message} code={error.code} testId="change-password-error" /> : null}
          <div className="form__actions">
            <span className="form__spacer" />
            <button type="button" className="button button--ghost" onClick={onClose}>
              {t('session.changePassword.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={saving} data-testid="change-password-submit">
              {saving ? t('session.changePassword.submitting') : t('session.changePassword.submit')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  )
}
