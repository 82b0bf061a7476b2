import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { UserView } from '../../../../electron/shared/accounts'
import type { ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { TextField } from '../../components/TextField'
import { useSession } from '../../stores/session-context'
import { AuthLayout } from './AuthLayout'
import { toAuthError } from './auth-error'

/**
 * Shown instead of the whole console while the session is locked: the wall is unmounted, so no video
 * plays behind it and nothing of it stays in the page.
 */
export function LockScreen({ user }: { user: UserView }) {
  const { t } = useTranslation()
  const unlock = useSession((state) => state.unlock)
  const logout = useSession((state) => state.logout)
  const [password, setPassword] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    // An empty field is a slip of the Enter key, not an attempt: it would only count as a failure.
    if (password === '') return
    setSubmitting(true)
    setError(null)
    try {
      await unlock(password)
    } catch (failure) {
      setError(toAuthError(failure))
      setPassword('')
      setSubmitting(false)
    }
  }

  return (
    <AuthLayout title={t('session.lock.title')} testId="lock-screen">
      <p className="lock-user" data-testid="lock-user">
        <span className="lock-user__mark" aria-hidden="true" />
        {t('session.lock.who', { name: user.displayName, username: user.username })}
      </p>
      <p className="auth-panel__intro">{t('session.lock.body')}</p>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        {/* Lets password managers and screen readers know whose password this is. */}
        <input type="text" className="visually-hidden" value={user.username} autoComplete="username" readOnly tabIndex={-1} aria-hidden="true" />
        <TextField
          label={t('session.lock.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          autoFocus
          required
          testId="lock-password"
        />
        {error ? <ErrorNote message={error.message} code={error.code} testId="lock-error" /> : null}
        <div className="form__actions">
          <button type="button" className="button button--ghost" onClick={() => void logout()} data-testid="lock-switch-user">
            {t('session.lock.switchUser')}
          </button>
          <span className="form__spacer" />
          <button type="submit" className="button button--primary" disabled={submitting} data-testid="lock-submit">
            {submitting ? t('session.lock.submitting') : t('session.lock.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  )
}
