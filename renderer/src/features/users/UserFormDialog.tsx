import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserView } from '../../../../electron/shared/accounts'
import { useCoreAction } from '../../api/use-core-action'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { PasswordRules } from '../../components/PasswordRules'
import { TextField } from '../../components/TextField'
import { useUsers } from '../../stores/stores-context'
import { RoleChecklist } from './RoleChecklist'
import { emptyUserForm, toNewUser, toUserChanges, userFormFrom, type UserFormValues } from './user-form'

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: UserView }

export interface UserFormDialogProps {
  target: UserFormTarget
  onClose: () => void
}

/** Create or edit one account. On any refusal the dialog stays open with everything typed, and says why. */
export function UserFormDialog({ target, onClose }: UserFormDialogProps) {
  const { t } = useTranslation()
  const create = useUsers((state) => state.create)
  const update = useUsers((state) => state.update)
  const rulesId = useId()
  const original = target.mode === 'edit' ? target.user : null
  const [values, setValues] = useState<UserFormValues>(() => (original ? userFormFrom(original) : emptyUserForm()))
  const { busy: saving, error, setError, run } = useCoreAction(onClose)

  const set =
    <K extends keyof UserFormValues>(key: K) =>
    (value: UserFormValues[K]): void =>
      setValues((current) => ({ ...current, [key]: value }))

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    // Said here in words; the core's own refusal of an empty list would name a schema path.
    if (values.roles.length === 0) {
      setError({ code: null, message: t('users.form.rolesMissing') })
      return
    }
    await run(() => (original ? update(toUserChanges(original.id, values)) : create(toNewUser(values))))
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={original ? t('users.form.editTitle', { username: original.username }) : t('users.form.createTitle')}
      testId="user-form-dialog"
    >
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        {original ? null : (
          <TextField
            label={t('users.form.username')}
            value={values.username}
            onChange={set('username')}
            hint={t('users.form.usernameHint')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
            testId="user-form-username"
          />
        )}
        <TextField
          label={t('users.form.displayName')}
          value={values.displayName}
          onChange={set('displayName')}
          autoComplete="off"
          autoFocus={original !== null}
          required
          testId="user-form-display-name"
        />
        <RoleChecklist value={values.roles} onChange={set('roles')} />
        <TextField
          label={t('users.form.groups')}
          value={values.groups}
          onChange={set('groups')}
          hint={t('users.form.groupsHint')}
          // Kept, not cleared, while « toutes » is ticked: unticking brings the list back as it was.
          disabled={values.allGroups}
          autoComplete="off"
          spellCheck={false}
          testId="user-form-groups"
        />
        <label className="form__check">
          <input
            type="checkbox"
            checked={values.allGroups}
            onChange={(event) => set('allGroups')(event.target.checked)}
            data-testid="user-form-all-groups"
          />
          <span>
            {t('users.form.allGroups')}
            {values.roles.includes('admin') ? <span className="form__hint"> — {t('users.form.allGroupsHint')}</span> : null}
          </span>
        </label>
        {original ? (
          <label className="form__check">
            <input
              type="checkbox"
              checked={values.disabled}
              onChange={(event) => set('disabled')(event.target.checked)}
              data-testid="user-form-disabled"
            />
            <span>
              {t('users.form.disabled')}
              <span className="form__hint"> — {t('users.form.disabledHint')}</span>
            </span>
          </label>
        ) : (
          <>
            <TextField
              label={t('users.form.password')}
              type="password"
              value={values.password}
              onChange={set('password')}
              describedBy={rulesId}
              autoComplete="new-password"
              required
              testId="user-form-password"
            />
            <PasswordRules id={rulesId} password={values.password} username={values.username} />
          </>
        )}
        {error ? <ErrorNote message={error.message} code={error.code} testId="user-form-error" /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose} data-testid="user-form-cancel">
            {t('users.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving} data-testid="user-form-save">
            {saving ? t('users.form.saving') : original ? t('users.form.save') : t('users.form.create')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
