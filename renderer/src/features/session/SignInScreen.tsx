import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { TextField } from '../../components/TextField'
import type { SessionEndReason } from '../../stores/session-store'
import { useSession } from '../../stores/session-context'
import { AuthLayout } from './AuthLayout'
import { toAuthError } from './auth-error'

export function SignInScreen({ reason }: { reason: SessionEndReason | null }) {
  const { t } = useTranslation()
  const login = useSession((state) => state.login)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSubmitting(true)
    setError(null)
    try {
      await login(username, password)
    } catch (failure) {
      // The core's words as they come (« compte verrouillé jusqu'à 14:32 »); the username stays typed.
      setError(toAuthError(failure))
      setPassword('')
      setSubmitting(false)
    }
  }

  return (
    <AuthLayout title={t('session.login.title')} testId="login-screen">
      <p className="auth-panel__intro">{t('session.login.intro')}</p>
      {reason ? (
        <p className="note" role="status" data-testid="login-ended" data-reason={reason}>
          {t(`session.login.ended.${reason}`)}
        </p>
      ) : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label={t('session.login.username')}
          value={username}
          onChange={setUsername}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          required
          testId="login-username"
        />
        <TextField
          label={t('session.login.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
          required
          testId="login-password"
        />
        {error ? <ErrorNote message={error.message} code={error.code} testId="login-error" /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="submit" className="button button--primary" disabled={submitting} data-testid="login-submit">
            {submitting ? t('session.login.submitting') : t('session.login.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  )
}
