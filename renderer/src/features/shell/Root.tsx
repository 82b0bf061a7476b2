import { useEffect, useState } from 'react'
import { ApiProvider } from '../../api/api-context'
import { App } from '../../App'
import { startAppStores, type AppStores } from '../../stores/app-stores'
import { StoresProvider } from '../../stores/stores-context'
import { CoreConnectError, type CoreConnection } from '../../transport/connect'
import { ConnectionScreen, type ConnectionProblem } from './ConnectionScreen'

export interface ConnectedApp {
  connection: CoreConnection
  stores: AppStores
}

type Phase = { kind: 'ready'; app: ConnectedApp } | ConnectionProblem

/** Owns the channel to the core: the app while it works, a clear screen when it does not. */
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
    const stopStores = startAppStores(app.stores)
    const stopWatching = app.connection.client.onClose(() => setPhase({ kind: 'lost' }))
    return () => {
      stopWatching()
      stopStores()
    }
  }, [app])

  if (phase.kind !== 'ready') return <ConnectionScreen problem={phase} />
  return (
    <ApiProvider client={phase.app.connection.client}>
      <StoresProvider stores={phase.app.stores}>
        <App />
      </StoresProvider>
    </ApiProvider>
  )
}
