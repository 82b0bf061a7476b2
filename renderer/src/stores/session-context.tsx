import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { SessionState, SessionStore } from './session-store'

/** The session outlives the per-session stores (it decides when they exist), hence its own context. */
const SessionContext = createContext<SessionStore | null>(null)

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>
}

export function useSession<T>(selector: (state: SessionState) => T): T {
  const store = useContext(SessionContext)
  if (!store) throw new Error('useSession() outside <SessionProvider>')
  return useStore(store, selector)
}
