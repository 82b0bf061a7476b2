import { useEffect, useState } from 'react'
import { ApiProvider } from '../../api/api-context'
import { SessionProvider } from '../../stores/session-context'
import { CoreConnectError } from '../../transport/connect'
import { SessionGate } from '../session/SessionGate'
import type { ConnectedApp } from './connected-app'
import { ConnectionScreen, type ConnectionProblem } from './ConnectionScreen'

type Phase = { kind: 'ready'; app: ConnectedApp } | ConnectionProblem

/**
 * Owns the channel to the core: the session flow while it works, a clear screen when it does not.
 * A reconnection reloads the page, which resumes the session with the token kept in the tab.
 */
export function Root({ connecting }: { connecting: Promise<ConnectedApp> }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'connecting' })

  useEffect(() => {
    let current = true
    connecting.then(
      (app) => {
        if (current) setPhase({ kind: 'ready', app })
      },
      (error: unknown) => {
        if (current) setPhase({ kind: 'failed', reason: error instanceof CoreConnectError ? error.reason : 'refused' })
      }
    )
    return () => {
      current = false
    }
  }, [connecting])

  const app = phase.kind === 'ready' ? phase.app : null
  useEffect(() => {
    if (!app) return
    // Listen before starting, so that a lock announced during the start is not missed.
    const stopSession = app.session.getState().listen()
    void app.session.getState().start()
    const stopWatching = app.connection.client.onClose(() => setPhase({ kind: 'lost' }))
    return () => {
      stopWatching()
      stopSession()
    }
  }, [app])

  if (phase.kind !== 'ready') return <ConnectionScreen problem={phase} />
  return (
    <ApiProvider client={phase.app.client}>
      <SessionProvider store={phase.app.session}>
        <SessionGate />
      </SessionProvider>
    </ApiProvider>
  )
}
