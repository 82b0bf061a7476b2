import { useTranslation } from 'react-i18next'
import type { ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { useSession } from '../../stores/session-context'
import { AuthLayout } from './AuthLayout'
import { FirstRunScreen } from './FirstRunScreen'
import { SignedInScope } from './SignedInScope'
import { SignInScreen } from './SignInScreen'

/** Decides what the person sees: first run, sign-in, or the console (itself behind the idle lock). */
export function SessionGate() {
  const phase = useSession((state) => state.phase)
  switch (phase.kind) {
    case 'starting':
      return <SessionStarting />
    case 'unavailable':
      return <SessionUnavailable error={phase.error} />
    case 'firstRun':
      return <FirstRunScreen />
    case 'signedOut':
      return <SignInScreen reason={phase.reason} />
    case 'signedIn':
      // Keyed by account: the next person to sign in never inherits the previous one's stores.
      return <SignedInScope key={phase.session.user.id} session={phase.session} locked={phase.locked} />
  }
}

function SessionStarting() {
  const { t } = useTranslation()
  return (
    <main className="connection-screen" data-testid="session-starting" aria-busy="true">
      <p className="connection-screen__title">{t('session.starting')}</p>
    </main>
  )
}

function SessionUnavailable({ error }: { error: ShownError }) {
  const { t } = useTranslation()
  const start = useSession((state) => state.start)
  return (
    <AuthLayout title={t('session.unavailableTitle')} testId="session-unavailable">
      <ErrorNote message={error.message} code={error.code} />
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button button--primary" onClick={() => void start()} autoFocus>
          {t('session.retry')}
        </button>
      </div>
    </AuthLayout>
  )
}
