import type { Organisation, Role } from '../../shared/accounts'
import type { AuditEntry } from '../../shared/audit'
import type { ModuleStatus, RulePackInfo } from '../../shared/compliance'
import type { ApprovalHistoryEntry, ComplianceRegisterData, RegisterDocument } from './compliance-service'
import { DEPLOYER_LABELS, STATE_LABELS } from './labels'

/**
 * The « dossier de conformité » handed to a CNIL inspector: for each module, what the rule pack says,
 * where it stands, on which documents (identified by their sha256) and whose approvals; then the
 * documents and the compliance entries of the audit trail. JSON for machines; see register-pdf for people.
 */

export const REGISTER_FORMAT = 'vigie/dossier-de-conformite'
export const REGISTER_FORMAT_VERSION = 1

const iso = (at: number): string => new Date(at).toISOString()

export interface RegisterApproval {
  by: string
  role: Role
  at: string
  justification: string
  current: boolean
  revocation: { by: string; at: string; justification: string } | null
}

export interface RegisterModule {
  id: string
  label: string
  family: string
  state: ModuleStatus['state']
  stateLabel: string
  ruleStatus: ModuleStatus['ruleStatus']
  reason: string
  uncertain: boolean
  citations: ModuleStatus['citations']
  requirements: ModuleStatus['requirements']
  approvalsNeeded: ModuleStatus['approvalsNeeded']
  approvals: RegisterApproval[]
  validUntil: string | null
  perimeter: string[] | null
  limits: ModuleStatus['limits']
}

export interface RegisterDocumentEntry extends Omit<RegisterDocument, 'attachedAt' | 'withdrawal'> {
  attachedAt: string
  withdrawal: { at: string; by: string; reason: string } | null
}

export interface ComplianceRegister {
  format: typeof REGISTER_FORMAT
  formatVersion: typeof REGISTER_FORMAT_VERSION
  generatedAt: string
  generatedBy: string
  organisation: { name: string; deployer: string | null; deployerLabel: string; dpoContact: string }
  rulePack: RulePackInfo
  modules: RegisterModule[]
  documents: RegisterDocumentEntry[]
  auditExtract: AuditEntry[]
}

export interface RegisterInput {
  organisation: Organisation | null
  data: ComplianceRegisterData
  /** The compliance entries of the audit trail, chosen by the caller. */
  audit: readonly AuditEntry[]
  generatedBy: string
  generatedAt: number
}

function approvalEntry(approval: ApprovalHistoryEntry): RegisterApproval {
  return {
    by: approval.by,
    role: approval.role,
    at: iso(approval.at),
    justification: approval.justification,
    current: approval.current,
    revocation: approval.revocation === null ? null : { ...approval.revocation, at: iso(approval.revocation.at) }
  }
}

function moduleEntry({ status, approvalHistory }: ComplianceRegisterData['modules'][number]): RegisterModule {
  return {
    id: status.id,
    label: status.label,
    family: status.family,
    state: status.state,
    stateLabel: STATE_LABELS[status.state],
    ruleStatus: status.ruleStatus,
    reason: status.reason,
    uncertain: status.uncertain,
    citations: status.citations,
    requirements: status.requirements,
    approvalsNeeded: status.approvalsNeeded,
    approvals: approvalHistory.map(approvalEntry),
    validUntil: status.validUntil === null ? null : iso(status.validUntil),
    perimeter: status.perimeter,
    limits: status.limits
  }
}

function documentEntry(document: RegisterDocument): RegisterDocumentEntry {
  return {
    ...document,
    attachedAt: iso(document.attachedAt),
    withdrawal: document.withdrawal === null ? null : { ...document.withdrawal, at: iso(document.withdrawal.at) }
  }
}

export function buildRegister(input: RegisterInput): ComplianceRegister {
  const deployer = input.data.deployer
  return {
    format: REGISTER_FORMAT,
    formatVersion: REGISTER_FORMAT_VERSION,
    generatedAt: iso(input.generatedAt),
    generatedBy: input.generatedBy,
    organisation: {
      name: input.organisation?.name ?? 'Organisation non configurée',
      deployer,
      deployerLabel: deployer === null ? 'Non renseigné' : DEPLOYER_LABELS[deployer],
      dpoContact: input.organisation?.dpoContact ?? ''
    },
    rulePack: input.data.rulePack,
    modules: input.data.modules.map(moduleEntry),
    documents: input.data.documents.map(documentEntry),
    auditExtract: [...input.audit]
  }
}

export function registerToJson(register: ComplianceRegister): Buffer {
  return Buffer.from(`${JSON.stringify(register, null, 2)}\n`, 'utf8')
}

/** « dossier-conformite-2026-11-29.pdf »: the day of generation, in UTC like the file's timestamps. */
export function registerFileName(format: 'json' | 'pdf', generatedAt: number): string {
  return `dossier-conformite-${iso(generatedAt).slice(0, 10)}.${format}`
}
