import { useEffect, useState } from 'react'
import type { Permission } from '../../../../electron/shared/accounts'

export const ROUTES = ['wall', 'cameras', 'users', 'organisation', 'audit', 'about'] as const
export type Route = (typeof ROUTES)[number]

/**
 * What each screen needs. Hiding a screen is a courtesy: the core checks the same permission on every
 * call, whatever the screen shows.
 */
const ROUTE_PERMISSION: Record<Route, Permission | null> = {
  wall: 'camera.view',
  cameras: 'camera.configure',
  users: 'account.manage',
  organisation: 'organisation.manage',
  audit: 'audit.read',
  about: null
}

/** The screens this person may open, in navigation order; never empty (À propos is for everyone). */
export function allowedRoutes(permissions: readonly Permission[]): Route[] {
  return ROUTES.filter((route) => {
    const needed = ROUTE_PERMISSION[route]
    return needed === null || permissions.includes(needed)
  })
}

/**
 * Screens live in the URL hash (#/cameras): it survives a reload, works from file:// in the desktop app
 * and from the headless host alike, and needs no server-side routing.
 */
export function routeFromHash(hash: string): Route | null {
  const name = hash.replace(/^#\/?/, '')
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : null
}

export function hrefFor(route: Route): string {
  return `#/${route}`
}

/** The screen asked for in the hash, or the first allowed one when it is unknown or not allowed. */
export function useHashRoute(allowed: readonly Route[]): Route {
  const [requested, setRequested] = useState<Route | null>(() => routeFromHash(window.location.hash))
  useEffect(() => {
    const onHashChange = (): void => setRequested(routeFromHash(window.location.hash))
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])
  const shown = requested !== null && allowed.includes(requested) ? requested : allowed[0]
  useEffect(() => {
    // Keep the address in step with the screen shown, without adding a history entry.
    if (routeFromHash(window.location.hash) !== shown) window.history.replaceState(null, '', hrefFor(shown))
  }, [requested, shown])
  return shown
}
