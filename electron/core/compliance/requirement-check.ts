import type { z } from 'zod'
import type { RequirementStatusSchema } from '../../shared/compliance'
import { formatFrenchDate, type Calendar, type IsoDate } from './calendar'
import type { DocumentRecord } from './document-records'
import { isValidatedPia } from './pia-export'
import type { ResolvedRequirement } from './rule-resolution'

/** Whether the documents attached to a module satisfy one of its requirements today, and if not why. */

type RequirementStatus = z.infer<typeof RequirementStatusSchema>

export interface RequirementCheck {
  status: RequirementStatus
  /** The documents that count today. */
  valid: DocumentRecord[]
  /** Cameras the valid documents cover together; null for the whole installation. */
  coverage: string[] | null
  /** First day none of the valid documents counts any more; null when one has no end. */
  endsOn: IsoDate | null
  /** Unmet only because its documents expired: the day the last one did. */
  lapsedOn: IsoDate | null
}

interface Problem {
  text: string
  /** Set when the only problem is that the document expired. */
  expiredOn: IsoDate | null
}

function problemOf(document: DocumentRecord, requirement: ResolvedRequirement, today: IsoDate, calendar: Calendar): Problem | null {
  if (document.withdrawal) {
    const on = formatFrenchDate(calendar.today(document.withdrawal.at))
    return { text: `retiré le ${on} (motif : ${document.withdrawal.reason})`, expiredOn: null }
  }
  if (requirement.documentType.requiresValidatedPia && !isValidatedPia(document.piaStatus)) {
    const status = document.piaStatus === null ? 'ce n’est pas un export du logiciel PIA' : `statut PIA : ${document.piaStatus}`
    return { text: `AIPD non validée (${status})`, expiredOn: null }
  }
  if (today < document.issuedOn) return { text: `pas encore en vigueur (à partir du ${formatFrenchDate(document.issuedOn)})`, expiredOn: null }
  if (document.expiresOn !== null && today >= document.expiresOn) {
    return { text: `expiré le ${formatFrenchDate(document.expiresOn)}`, expiredOn: document.expiresOn }
  }
  return null
}

/** Union of perimeters: any document covering the whole installation makes the requirement cover it. */
function unionOf(perimeters: ReadonlyArray<string[] | null>): string[] | null {
  if (perimeters.some((perimeter) => perimeter === null)) return null
  return [...new Set(perimeters.flatMap((perimeter) => perimeter ?? []))].sort()
}

const latest = (dates: ReadonlyArray<IsoDate | null>): IsoDate | null =>
  dates.some((date) => date === null) ? null : (dates as IsoDate[]).reduce((max, date) => (date > max ? date : max))

export function checkRequirement(
  requirement: ResolvedRequirement,
  moduleDocuments: readonly DocumentRecord[],
  today: IsoDate,
  calendar: Calendar
): RequirementCheck {
  const documents = moduleDocuments.filter((document) => document.type === requirement.type)
  const judged = documents.map((document) => ({ document, problem: problemOf(document, requirement, today, calendar) }))
  const valid = judged.filter((entry) => entry.problem === null).map((entry) => entry.document)
  const satisfied = valid.length > 0
  const expired = judged.filter((entry) => entry.problem?.expiredOn)

  let problem: string | null = null
  if (!satisfied) {
    problem =
      documents.length === 0
        ? 'Document manquant.'
        : judged.map((entry) => `« ${entry.document.reference} » : ${entry.problem?.text ?? ''}`).join(' ; ') + '.'
  }
  return {
    status: {
      type: requirement.type,
      label: requirement.label,
      issuer: requirement.issuer,
      uncertain: requirement.uncertain,
      satisfied,
      problem,
      documentIds: documents.map((document) => document.id)
    },
    valid,
    coverage: satisfied ? unionOf(valid.map((document) => document.perimeter)) : [],
    endsOn: satisfied ? latest(valid.map((document) => document.expiresOn)) : null,
    lapsedOn: !satisfied && expired.length > 0 ? latest(expired.map((entry) => entry.problem?.expiredOn ?? null)) : null
  }
}

/** Cameras every requirement covers; null when all of them cover the whole installation. */
export function intersectCoverage(checks: readonly RequirementCheck[]): string[] | null {
  let perimeter: string[] | null = null
  for (const check of checks) {
    if (check.coverage === null) continue
    perimeter = perimeter === null ? [...check.coverage] : perimeter.filter((camera) => check.coverage?.includes(camera))
  }
  return perimeter
}
