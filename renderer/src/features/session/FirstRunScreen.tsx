import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { PasswordRules } from '../../components/PasswordRules'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { useSession } from '../../stores/session-context'
import { useDeployerOptions } from '../organisation/use-deployer-options'
import { AuthLayout } from './AuthLayout'
import { checkFirstRun, emptyFirstRun, type FirstRunProblem, type FirstRunValues } from './first-run-form'

const PROBLEM_MESSAGES = { deployerMissing: 'session.setup.deployerMissing', mismatch: 'password.mismatch' } as const satisfies Record<
  FirstRunProblem,
  string
>

/** No account exists yet: describe the organisation and create the first administrator, in one step. */
export function FirstRunScreen() {
  const { t } = useTranslation()
  const createFirstAdmin = useSession((state) => state.createFirstAdmin)
  const deployerOptions = useDeployerOptions()
  const rulesId = useId()
  const [values, setValues] = useState<FirstRunValues>(emptyFirstRun)
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)

  const set =
    <K extends keyof FirstRunValues>(key: K) =>
    (value: FirstRunValues[K]): void =>
      setValues((current) => ({ ...current, [key]: value }))

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const check = checkFirstRun(values)
    if (!check.ok) {
      setError({ code: null, message: t(PROBLEM_MESSAGES[check.problem]) })
      return
    }
    setSubmitting(true)
    setError(null)
    try {
      await createFirstAdmin(check.input)
    } catch (failure) {
      setError(toShownError(failure))
      setSubmitting(false)
    }
  }

  return (
    <AuthLayout title={t('session.setup.title')} testId="setup-screen" wide>
      <p className="auth-panel__intro">{t('session.setup.intro')}</p>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="auth-panel__columns">
          <fieldset className="form__group">
            <legend>{t('session.setup.organisation')}</legend>
            <TextField
              label={t('session.setup.orgName')}
              value={values.orgName}
              onChange={set('orgName')}
              placeholder={t('session.setup.orgNamePlaceholder')}
              autoComplete="organization"
              autoFocus
              required
              testId="setup-org-name"
            />
            <SelectField
              label={t('session.setup.deployer')}
              value={values.deployer}
              options={[{ value: '', label: t('session.setup.deployerChoose') }, ...deployerOptions]}
              onChange={set('deployer')}
              hint={t('session.setup.deployerHint')}
              required
              testId="setup-deployer"
            />
            <TextField
              label={t('session.setup.dpo')}
              value={values.dpoContact}
              onChange={set('dpoContact')}
              hint={t('session.setup.dpoHint')}
              autoComplete="off"
              testId="setup-dpo"
            />
          </fieldset>
          <fieldset className="form__group">
            <legend>{t('session.setup.admin')}</legend>
            <TextField
              label={t('session.setup.username')}
              value={values.username}
              onChange={set('username')}
              hint={t('session.setup.usernameHint')}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              testId="setup-username"
            />
            <TextField
              label={t('session.setup.displayName')}
              value={values.displayName}
              onChange={set('displayName')}
              placeholder={t('session.setup.displayNamePlaceholder')}
              autoComplete="name"
              required
              testId="setup-display-name"
            />
            <TextField
              label={t('session.setup.password')}
              type="password"
              value={values.password}
              onChange={set('password')}
              describedBy={rulesId}
              autoComplete="new-password"
              required
              testId="setup-password"
            />
            <TextField
              label={t('session.setup.passwordConfirm')}
              type="password"
              value={values.confirmation}
              onChange={set('confirmation')}
              autoComplete="new-password"
              required
              testId="setup-password-confirm"
            />
            <PasswordRules id={rulesId} password={values.password} username={values.username} />
          </fieldset>
        </div>
        {error ? <ErrorNote message={error.message} code={error.code} testId="setup-error" /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="submit" className="button button--primary" disabled={submitting} data-testid="setup-submit">
            {submitting ? t('session.setup.submitting') : t('session.setup.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  )
}
