import type { ModuleId, ModuleState, ModuleStatus } from '../../shared/compliance'
import { formatFrenchDate, type Calendar, type IsoDate } from './calendar'
import { assessApprovals } from './approval-policy'
import type { ApprovalRecord, RevocationRecord } from './approval-records'
import type { DocumentRecord } from './document-records'
import { familyOf, plural } from './labels'
import { checkRequirement, intersectCoverage, type RequirementCheck } from './requirement-check'
import type { RulePackModule } from './rule-pack-schema'
import type { ResolvedRule } from './rule-resolution'

/**
 * Where a module stands, computed from scratch each time from the rule, its dossier and the approvals:
 *
 *   FORBIDDEN  the rule forbids it for this deployer (nothing unlocks it);
 *   LOCKED     a requirement is unmet (each one says why);
 *   READY      every requirement is met, approvals are awaited;
 *   UNLOCKED   enough current approvals: it may run, inside its perimeter, until validUntil;
 *   EXPIRED    it was unlocked, then a document lapsed (the renewed document, being a change to the
 *              dossier, then asks for new approvals);
 *   REVOKED    its approvals were withdrawn while it was unlocked: new approvals are needed.
 *
 * Nothing here is stored, so no state can outlive what it was derived from.
 */

export interface ModuleEvaluationInput {
  moduleId: ModuleId
  module: RulePackModule | undefined
  rule: ResolvedRule
  /** Every document linked to the module, withdrawn ones included. */
  documents: readonly DocumentRecord[]
  approvals: readonly ApprovalRecord[]
  revocations: readonly RevocationRecord[]
  /** Identity of the dossier as it stands (see dossier-fingerprint). */
  fingerprint: string
  now: number
  calendar: Calendar
}

export interface ModuleEvaluation {
  status: ModuleStatus
  /** Approvals given on this very dossier and not revoked. */
  currentApprovals: ApprovalRecord[]
  /** Users who attached a document of the dossier as it stands. */
  attachers: ReadonlySet<number>
}

interface StateVerdict {
  state: ModuleState
  explanation: string
  validUntil: number | null
}

const earliest = (dates: ReadonlyArray<IsoDate | null>): IsoDate | null =>
  dates.reduce<IsoDate | null>((min, date) => (date !== null && (min === null || date < min) ? date : min), null)

function describeUnmet(checks: readonly RequirementCheck[]): string {
  const unmet = checks.filter((check) => !check.status.satisfied)
  return `${plural(unmet.length, 'exigence non remplie', 'exigences non remplies')} : ${unmet.map((check) => check.status.label).join(' ; ')}.`
}

function decideState(
  input: ModuleEvaluationInput,
  checks: readonly RequirementCheck[],
  perimeter: string[] | null,
  current: ApprovalRecord[],
  attachers: ReadonlySet<number>
): StateVerdict {
  const { rule, calendar, fingerprint } = input
  const approvals = assessApprovals(current, rule.approvals, attachers)
  const allMet = checks.every((check) => check.status.satisfied)

  if (!allMet) {
    const onlyLapsed = checks.every((check) => check.status.satisfied || check.lapsedOn !== null)
    if (onlyLapsed && approvals.sufficient) {
      const lapsedOn = earliest(checks.map((check) => check.lapsedOn)) ?? calendar.today(input.now)
      const lapsed = checks.filter((check) => !check.status.satisfied).map((check) => check.status.label)
      return {
        state: 'EXPIRED',
        explanation: `Déblocage expiré depuis le ${formatFrenchDate(lapsedOn)} : à renouveler — ${lapsed.join(' ; ')}.`,
        validUntil: calendar.startOf(lapsedOn)
      }
    }
    return { state: 'LOCKED', explanation: `Verrouillé : ${describeUnmet(checks)}`, validUntil: null }
  }
  if (perimeter !== null && perimeter.length === 0) {
    return { state: 'LOCKED', explanation: 'Verrouillé : les périmètres des documents n’ont aucune caméra en commun.', validUntil: null }
  }
  if (approvals.sufficient) {
    const endsOn = earliest([...checks.map((check) => check.endsOn), rule.legalBasisEndsOn])
    const until = endsOn === null ? 'sans échéance' : `jusqu’au ${formatFrenchDate(endsOn)} exclu`
    return {
      state: 'UNLOCKED',
      explanation: `Débloqué ${until}, approuvé par ${approvals.approvers.join(', ')}.`,
      validUntil: endsOn === null ? null : calendar.startOf(endsOn)
    }
  }
  // A revocation retires every current approval, so any current one was given after it.
  const revocation = [...input.revocations].reverse().find((candidate) => candidate.fingerprint === fingerprint)
  if (revocation?.wasUnlocked && current.length === 0) {
    const on = formatFrenchDate(calendar.today(revocation.at))
    return {
      state: 'REVOKED',
      explanation: `Déblocage révoqué le ${on} par ${revocation.username} (« ${revocation.justification} ») : de nouvelles approbations sont nécessaires.`,
      validUntil: null
    }
  }
  return { state: 'READY', explanation: `Dossier complet : en attente de ${approvals.missing ?? 'approbation'}.`, validUntil: null }
}

function withUncertainties(text: string, uncertainties: readonly string[]): string {
  return uncertainties.length === 0 ? text : `${text} À confirmer : ${uncertainties.join(' ; ')}.`
}

export function evaluateModule(input: ModuleEvaluationInput): ModuleEvaluation {
  const { moduleId, module, rule, calendar, now } = input
  const today = calendar.today(now)
  const active = input.documents.filter((document) => document.withdrawal === null)
  const attachers = new Set(active.map((document) => document.attachedById))
  const current = input.approvals.filter((approval) => approval.fingerprint === input.fingerprint && approval.revocationId === null)
  const checks = rule.requirements.map((requirement) => checkRequirement(requirement, input.documents, today, calendar))
  const perimeter = intersectCoverage(checks.filter((check) => check.status.satisfied))

  const verdict: StateVerdict =
    rule.status === 'forbidden'
      ? { state: 'FORBIDDEN', explanation: '', validUntil: null }
      : decideState(input, checks, perimeter, current, attachers)
  const reason = verdict.explanation === '' ? rule.reason : `${verdict.explanation} ${rule.reason}`

  const status: ModuleStatus = {
    id: moduleId,
    family: module?.family ?? familyOf(moduleId),
    label: module?.label ?? moduleId,
    description: module?.description ?? '',
    state: verdict.state,
    ruleStatus: rule.status,
    reason: withUncertainties(reason, rule.uncertainties),
    citations: rule.citations.map((citation) => ({ ...citation })),
    uncertain: rule.uncertainties.length > 0 || checks.some((check) => check.status.uncertain),
    requirements: checks.map((check) => check.status),
    approvals: input.approvals.map((approval) => ({
      id: approval.id,
      by: approval.username,
      role: approval.role,
      at: approval.at,
      justification: approval.justification,
      current: approval.fingerprint === input.fingerprint && approval.revocationId === null
    })),
    approvalsNeeded: { roles: [...rule.approvals.roles], count: rule.approvals.count },
    validUntil: verdict.validUntil,
    perimeter,
    limits: { ...rule.limits, notes: [...rule.limits.notes] }
  }
  return { status, currentApprovals: current, attachers }
}
