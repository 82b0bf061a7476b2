import type { MaskLift } from '../../../../electron/shared/recording'

export type LiftState = MaskLift['state']

/**
 * A lift's state now: the core says it when asked or when it changes, and the screen lets an active
 * lift lapse on its own at `until` rather than show « active » on a panel left open.
 */
export function liftStateAt(lift: MaskLift, now: number): LiftState {
  if (lift.state === 'active' && lift.until !== null && lift.until <= now) return 'expired'
  return lift.state
}

/** The lift in force on a camera now (the one lasting longest if several), or null. */
export function activeLift(lifts: readonly MaskLift[], cameraId: string, now: number): MaskLift | null {
  let found: MaskLift | null = null
  for (const lift of lifts) {
    if (lift.cameraId !== cameraId || liftStateAt(lift, now) !== 'active') continue
    if (!found || (lift.until ?? 0) > (found.until ?? 0)) found = lift
  }
  return found
}

/** Why the approval button is off for this person, or null when they may approve. */
export function approvalBlock(lift: MaskLift, username: string, now: number): 'own-request' | 'not-pending' | null {
  if (liftStateAt(lift, now) !== 'pending') return 'not-pending'
  // Four eyes: the core refuses it too; the screen says so before anyone tries.
  if (lift.requestedBy === username) return 'own-request'
  return null
}

/**
 * What a tile's picture has been given: a key that changes whenever a lift on the camera starts or
 * stops, so that the player asks the core for a new stream (masks are burned in by the core).
 */
export function liftKey(lifts: readonly MaskLift[], cameraId: string, now: number): string {
  const lift = activeLift(lifts, cameraId, now)
  return lift ? `${lift.id}:${lift.until}` : 'none'
}
