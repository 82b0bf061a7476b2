import { contract } from '../../../../electron/shared/contract'

/**
 * The bounds of a justification for an approval, a revocation or a withdrawal, read from the contract's
 * own schemas so that the screen and the core can never disagree on them.
 */
const JUSTIFICATION_SCHEMAS = [
  contract['compliance.approve'].input.shape.justification,
  contract['compliance.revoke'].input.shape.justification,
  contract['compliance.withdrawDocument'].input.shape.justification
]

export const MIN_JUSTIFICATION_LENGTH = Math.max(...JUSTIFICATION_SCHEMAS.map((schema) => schema.minLength ?? 0))
export const MAX_JUSTIFICATION_LENGTH = Math.min(...JUSTIFICATION_SCHEMAS.map((schema) => schema.maxLength ?? Infinity))

/** Counted as the core counts: without the spaces around. */
export function isLongEnough(justification: string): boolean {
  return justification.trim().length >= MIN_JUSTIFICATION_LENGTH
}
