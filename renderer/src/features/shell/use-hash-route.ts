import { useEffect, useState } from 'react'
import type { Permission } from '../../../../electron/shared/accounts'

export const ROUTES = ['wall', 'alerts', 'events', 'playback', 'requisitions', 'lapi', 'cameras', 'users', 'organisation', 'audit', 'compliance', 'about'] as const
export type Route = (typeof ROUTES)[number]

/** A screen, and what within it the address names (#/compliance/comptage-personnes → the dossier). */
export interface HashLocation {
  route: Route
  detail: string | null
}

/**
 * What each screen needs (any one of a list will do). Hiding a screen is a courtesy: the core checks
 * the same permission on every call, whatever the screen shows.
 */
const ROUTE_PERMISSION: Record<Route, Permission | readonly Permission[] | null> = {
  wall: 'camera.view',
  // Reviewers see the queue; supervisors and the DPO the false-alarm statistics.
  alerts: ['alert.review', 'alert.quality'],
  events: 'camera.view',
  playback: 'playback.view',
  // Legal holds and mask lifts: supervisors, and the DPO who watches no recording.
  requisitions: ['recording.hold', 'mask.lift'],
  // Plate lists and the read log: the few people the deployer authorises for LAPI.
  lapi: ['lapi.manage', 'lapi.reads'],
  cameras: 'camera.configure',
  users: 'account.manage',
  organisation: 'organisation.manage',
  audit: 'audit.read',
  compliance: 'compliance.read',
  about: null
}

/** The screens this person may open, in navigation order; never empty (À propos is for everyone). */
export function allowedRoutes(permissions: readonly Permission[]): Route[] {
  return ROUTES.filter((route) => {
    const needed = ROUTE_PERMISSION[route]
    if (needed === null) return true
    return typeof needed === 'string' ? permissions.includes(needed) : needed.some((permission) => permissions.includes(permission))
  })
}

function hashSegments(hash: string): { name: string; detail: string | null } {
  const path = hash.replace(/^#\/?/, '')
  const slash = path.indexOf('/')
  if (slash === -1) return { name: path, detail: null }
  const detail = path.slice(slash + 1)
  return { name: path.slice(0, slash), detail: detail === '' ? null : decodeURIComponent(detail) }
}

/**
 * Screens live in the URL hash (#/cameras): it survives a reload, works from file:// in the desktop app
 * and from the headless host alike, and needs no server-side routing.
 */
export function routeFromHash(hash: string): Route | null {
  const { name } = hashSegments(hash)
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : null
}

function locationFromHash(hash: string): HashLocation | null {
  const route = routeFromHash(hash)
  return route ? { route, detail: hashSegments(hash).detail } : null
}

export function hrefFor(route: Route, detail?: string): string {
  return detail ? `#/${route}/${encodeURIComponent(detail)}` : `#/${route}`
}

/**
 * The screen asked for in the hash, or the first allowed one when it is unknown or not allowed (the
 * detail then goes too: it belonged to the screen refused).
 */
export function useHashRoute(allowed: readonly Route[]): HashLocation {
  const [requested, setRequested] = useState<HashLocation | null>(() => locationFromHash(window.location.hash))
  useEffect(() => {
    const onHashChange = (): void => setRequested(locationFromHash(window.location.hash))
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [])
  const shown: HashLocation = requested !== null && allowed.includes(requested.route) ? requested : { route: allowed[0], detail: null }
  useEffect(() => {
    // Keep the address in step with the screen shown, without adding a history entry.
    if (routeFromHash(window.location.hash) !== shown.route) window.history.replaceState(null, '', hrefFor(shown.route))
  }, [requested, shown.route])
  return shown
}
