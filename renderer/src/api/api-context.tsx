import { createContext, useContext, type ReactNode } from 'react'
import type { RpcClient } from '../../../electron/shared/rpc/client'

const ApiContext = createContext<RpcClient | null>(null)

export function ApiProvider({ client, children }: { client: RpcClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>
}

/** The RPC client of this app instance. Screens call the core only through it. */
export function useApi(): RpcClient {
  const client = useContext(ApiContext)
  if (!client) throw new Error('useApi() outside <ApiProvider>')
  return client
}
