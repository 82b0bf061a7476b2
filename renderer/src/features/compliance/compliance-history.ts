import type { AuditEntry } from '../../../../electron/shared/audit'
import { ModuleStateSchema, type ModuleId, type ModuleState } from '../../../../electron/shared/compliance'

/** The `details.kind` values the core records with `compliance.action` (see the compliance handlers). */
export const HISTORY_KINDS = [
  'attach-document',
  'withdraw-document',
  'approve',
  'revoke',
  'transition',
  'export-register',
  'install-rule-pack',
  'rule-pack-change'
] as const
export type HistoryKind = (typeof HISTORY_KINDS)[number]

/** One audit entry of a dossier, as a reader of that dossier wants it: what happened to this module. */
export interface HistoryLine {
  seq: number
  at: number
  actor: string
  /** Null for a kind this screen does not know yet: the line falls back to the audit's wording. */
  kind: HistoryKind | null
  from: ModuleState | null
  to: ModuleState | null
  /** What the person wrote (a justification), the document concerned, or the core's reason. */
  note: string | null
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null)
const state = (value: unknown): ModuleState | null => {
  const parsed = ModuleStateSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

function kindOf(value: unknown): HistoryKind | null {
  return (HISTORY_KINDS as readonly unknown[]).includes(value) ? (value as HistoryKind) : null
}

/** An attachment records one transition per module it went to; this dossier wants its own. */
function transitionFor(details: AuditEntry['details'], moduleId: ModuleId): { from: unknown; to: unknown } {
  const transitions = Array.isArray(details.transitions) ? (details.transitions as unknown[]) : []
  const own = transitions.find(
    (candidate): candidate is Record<string, unknown> =>
      typeof candidate === 'object' && candidate !== null && (candidate as Record<string, unknown>).moduleId === moduleId
  )
  return own ? { from: own.from, to: own.to } : { from: details.from, to: details.to }
}

function documentNote(details: AuditEntry['details']): string | null {
  const reference = text(details.reference)
  return reference ? `« ${reference} »` : null
}

/** Reads the entry's details defensively: they are free-form, and older entries may lack a field. */
export function historyLine(entry: AuditEntry, moduleId: ModuleId): HistoryLine {
  const { details } = entry
  const kind = kindOf(details.kind)
  const { from, to } = transitionFor(details, moduleId)
  const note = text(details.justification) ?? (kind === 'attach-document' ? documentNote(details) : null) ?? text(details.reason)
  return { seq: entry.seq, at: entry.at, actor: entry.actor, kind, from: state(from), to: state(to), note }
}
