import { useEffect, useState } from 'react'

export const ROUTES = ['wall', 'cameras', 'about'] as const
export type Route = (typeof ROUTES)[number]

/**
 * Screens live in the URL hash (#/cameras): it survives a reload, works from file:// in the desktop app
 * and from the headless host alike, and needs no server-side routing.
 */
export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '')
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'wall'
}

export function hrefFor(route: Route): string {
  return `#/${route}`
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash))
  useEffect(() => {
    const onHashChange = (): void => setRoute(routeFromHash(window.location.hash))
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])
  return route
}
