import { contract } from '../../../../electron/shared/contract'
import { PlaceHoldSchema, RequestMaskLiftSchema } from '../../../../electron/shared/recording'

/**
 * Bounds of what the playback screen's forms send, read from the contract's own schemas so that the
 * screen and the core never disagree on them.
 */
const hold = PlaceHoldSchema.innerType().shape
const lift = RequestMaskLiftSchema.shape
const release = contract['holds.release'].input.shape

export const HOLD_REFERENCE = { min: hold.reference.minLength ?? 0, max: hold.reference.maxLength ?? Infinity }
export const HOLD_REASON = { min: hold.reason.minLength ?? 0, max: hold.reason.maxLength ?? Infinity }
export const RELEASE_REASON = { min: release.reason.minLength ?? 0, max: release.reason.maxLength ?? Infinity }
export const LIFT_REFERENCE = { min: lift.reference.minLength ?? 0, max: lift.reference.maxLength ?? Infinity }
export const LIFT_REASON = { min: lift.reason.minLength ?? 0, max: lift.reason.maxLength ?? Infinity }
export const LIFT_MINUTES = { min: lift.minutes.minValue ?? 1, max: lift.minutes.maxValue ?? 240 }

/** Counted as the core counts: without the spaces around. */
export function withinLength(text: string, bounds: { min: number; max: number }): boolean {
  const length = text.trim().length
  return length >= bounds.min && length <= bounds.max
}
