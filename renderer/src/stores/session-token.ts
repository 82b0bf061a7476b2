/**
 * Where the session token waits between a reload (or a reconnection) and the next `session.resume`.
 * sessionStorage rather than localStorage: the token dies with the tab, so closing the window signs out.
 */
export interface TokenStorage {
  read(): string | null
  write(token: string): void
  clear(): void
}

export const SESSION_TOKEN_KEY = 'vigie.session'

/** The tab's sessionStorage; a browser that refuses storage only costs a sign-in after each reload. */
export function browserTokenStorage(storage: Storage = window.sessionStorage): TokenStorage {
  return {
    read() {
      try {
        return storage.getItem(SESSION_TOKEN_KEY)
      } catch {
        return null
      }
    },
    write(token) {
      try {
        storage.setItem(SESSION_TOKEN_KEY, token)
      } catch {
        // Storage refused (private mode, quota): the session still works until the next reload.
      }
    },
    clear() {
      try {
        storage.removeItem(SESSION_TOKEN_KEY)
      } catch {
        // Nothing stored, nothing to remove.
      }
    }
  }
}
