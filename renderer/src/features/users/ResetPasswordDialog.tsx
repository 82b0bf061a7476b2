import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserView } from '../../../../electron/shared/accounts'
import { useCoreAction } from '../../api/use-core-action'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { PasswordRules } from '../../components/PasswordRules'
import { TextField } from '../../components/TextField'
import { useUsers } from '../../stores/stores-context'

export interface ResetPasswordDialogProps {
  user: UserView
  onClose: () => void
}

/** An administrator sets a new password for someone who lost theirs; a refusal keeps the dialog open. */
export function ResetPasswordDialog({ user, onClose }: ResetPasswordDialogProps) {
  const { t } = useTranslation()
  const resetPassword = useUsers((state) => state.resetPassword)
  const rulesId = useId()
  const [password, setPassword] = useState('')
  const { busy: saving, error, run } = useCoreAction(onClose)

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    await run(() => resetPassword(user.id, password))
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('users.reset.title', { username: user.username })}
      description={t('users.reset.description')}
      testId="user-reset-dialog"
    >
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label={t('users.reset.password')}
          type="password"
          value={password}
          onChange={setPassword}
          describedBy={rulesId}
          autoComplete="new-password"
          autoFocus
          required
          testId="user-form-password"
        />
        <PasswordRules id={rulesId} password={password} username={user.username} />
        {error ? <ErrorNote message={error.message} code={error.code} testId="user-form-error" /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose} data-testid="user-form-cancel">
            {t('users.reset.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving} data-testid="user-form-save">
            {saving ? t('users.reset.submitting') : t('users.reset.submit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
