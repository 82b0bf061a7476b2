import type { DECISION_REASONS } from '../../../../electron/shared/alerts'

export type Reason = (typeof DECISION_REASONS)[number]
/** The decisions that need a reason and a note (confirming needs neither). */
export type ReasonedDecision = 'false_alarm' | 'escalated'

/** The core wants at least this much (DecideAlertsSchema). */
export const MIN_NOTE_LENGTH = 3

/** What the form checks before the core does: a reason, and a note a reader can use. */
export function decisionFormProblem(reason: Reason | '', note: string): 'reason' | 'note' | null {
  if (reason === '') return 'reason'
  if (note.trim().length < MIN_NOTE_LENGTH) return 'note'
  return null
}
