/**
 * Exports of the CNIL's PIA software (github.com/LINCnil/pia). Its « Exporter » writes one JSON object:
 * `{ pia: {…}, answers: […], measures: […], evaluations: […], comments: […] }`, where `pia.status`
 * is a number (the software's own import reads it with parseInt, so a numeric string is accepted too):
 *   0 being written, 1 refused, 2 validated, 3 validated with signature, 4 archived.
 * Only 2 and 3 mean the controller validated the assessment.
 */

export const PIA_STATUSES = ['en cours', 'refusée', 'validée', 'validée avec signature', 'archivée'] as const
export type PiaStatus = (typeof PIA_STATUSES)[number]

const VALIDATED: ReadonlySet<PiaStatus> = new Set(['validée', 'validée avec signature'])

export function isValidatedPia(status: PiaStatus | null): boolean {
  return status !== null && VALIDATED.has(status)
}

export type PiaReading = { kind: 'pia'; status: PiaStatus; name: string } | { kind: 'not-pia' } | { kind: 'invalid'; problem: string }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function statusCode(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim())
  return null
}

/**
 * Reads a parsed JSON document as a PIA export. `not-pia` when it has nothing of one (some other
 * JSON); `invalid` when it looks like one but its status cannot be trusted.
 */
export function readPiaExport(data: unknown): PiaReading {
  if (!isRecord(data) || !isRecord(data.pia) || !Array.isArray(data.answers)) return { kind: 'not-pia' }
  const code = statusCode(data.pia.status)
  if (code === null) return { kind: 'invalid', problem: 'le statut de l’AIPD (pia.status) est absent ou illisible' }
  const status = PIA_STATUSES[code]
  if (status === undefined) return { kind: 'invalid', problem: `statut d’AIPD inconnu : ${code}` }
  const name = typeof data.pia.name === 'string' ? data.pia.name : ''
  return { kind: 'pia', status, name }
}
