import { useTranslation } from 'react-i18next'
import type { ConnectFailure } from '../../transport/connect'

export type ConnectionProblem = { kind: 'connecting' } | { kind: 'failed'; reason: ConnectFailure } | { kind: 'lost' }

/** Full-screen state shown whenever there is no working channel to the core. */
export function ConnectionScreen({ problem }: { problem: ConnectionProblem }) {
  const { t } = useTranslation()
  if (problem.kind === 'connecting') {
    return (
      <main className="connection-screen" data-testid="connection-connecting" aria-busy="true">
        <p className="connection-screen__title">{t('connection.connecting')}</p>
      </main>
    )
  }
  const lost = problem.kind === 'lost'
  return (
    <main className="connection-screen" data-testid={lost ? 'connection-lost' : 'connection-failed'}>
      <div className="connection-screen__panel" role="alert">
        <h1 className="connection-screen__title">{t(lost ? 'connection.lostTitle' : 'connection.failedTitle')}</h1>
        <p>{lost ? t('connection.lostBody') : t(`connection.reasons.${problem.reason}`)}</p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()} autoFocus>
          {t('connection.reconnect')}
        </button>
      </div>
    </main>
  )
}
