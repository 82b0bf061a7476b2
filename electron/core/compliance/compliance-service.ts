import type { DeployerType, Role } from '../../shared/accounts'
import {
  MODULE_IDS,
  type AttachDocumentInput,
  type ComplianceOverview,
  type DocumentView,
  type ModuleId,
  type ModuleState,
  type ModuleStatus,
  type RulePackInfo
} from '../../shared/compliance'
import { RpcError } from '../../shared/result'
import type { Database, SqlExecutor } from '../store/database'
import { rolesText, assessApprovals } from './approval-policy'
import { approvalsOf, insertApproval, insertRevocation, revocationsOf } from './approval-records'
import { Calendar, DEFAULT_TIME_ZONE, formatFrenchDate } from './calendar'
import { dossierFingerprint } from './dossier-fingerprint'
import { DocumentFiles } from './document-files'
import { listDocuments, type DocumentRecord } from './document-records'
import { checkJustification, DocumentStore, type Actor } from './document-store'
import { STATE_LABELS } from './labels'
import { evaluateModule, type ModuleEvaluation } from './module-state'
import { forgetObservedStates, readObservedStates, writeObservedState } from './observed-states'
import type { RulePack } from './rule-pack-schema'
import { infoOf, noteActivePack, type AvailableRulePack, type RulePackCatalog, type RulePackChange } from './rule-packs'
import { resolveRule } from './rule-resolution'

/** Someone approving or revoking: the roles are those of their account (the core checked the permission). */
export interface Approver extends Actor {
  roles: readonly Role[]
}

export interface RunDecision {
  allowed: boolean
  /** Shown to operators, in French. */
  reason: string
  /** The rule pack's limits on a module allowed to run: only counts may be kept, for instance. */
  countsOnly?: boolean
}

/** A change of state that no one caused: an expiry, the end of a legal basis, a rule pack taking effect. */
export interface StateTransition {
  moduleId: ModuleId
  from: ModuleState
  to: ModuleState
  reason: string
  rulePack: { id: string; version: string }
}

export interface ComplianceRefresh {
  /** Set when another rule pack is in force than at the previous refresh (on the first one too). */
  rulePackChange: RulePackChange | null
  transitions: StateTransition[]
}

export interface ComplianceChange {
  cause: 'document' | 'withdrawal' | 'approval' | 'revocation' | 'rule-pack' | 'time'
  moduleIds: ModuleId[]
}

export interface ApprovalHistoryEntry {
  id: number
  by: string
  role: Role
  at: number
  justification: string
  current: boolean
  revocation: { by: string; at: number; justification: string } | null
}

export interface RegisterDocument extends DocumentView {
  withdrawal: { at: number; by: string; reason: string } | null
}

/** Everything the « dossier de conformité » shows, as the lock sees it at one instant. */
export interface ComplianceRegisterData {
  rulePack: RulePackInfo
  deployer: DeployerType | null
  modules: Array<{ status: ModuleStatus; approvalHistory: ApprovalHistoryEntry[] }>
  documents: RegisterDocument[]
}

export interface ComplianceServiceOptions {
  db: Database
  catalog: RulePackCatalog
  /** Where the documents' files are kept (`<dataDir>/documents`). */
  documentsDir: string
  /** Dates on documents are days in this zone; Europe/Paris by default. */
  timeZone?: string
  log?: (message: string) => void
}

interface Evaluated extends ModuleEvaluation {
  fingerprint: string
  pack: RulePack
}

type ChangeListener = (change: ComplianceChange) => void

const conflict = (message: string): RpcError => new RpcError('CONFLICT', message)

/**
 * The compliance lock: rule pack, dossiers and approvals put together into what each module may do.
 * Every answer is computed from the stored facts at the `now` it is given, so that a state can never
 * outlive an expiry or a withdrawal; mutations run in one IMMEDIATE transaction with the evaluation
 * they depend on, so two approvals cannot race each other into an unlock.
 */
export class ComplianceService {
  private readonly db: Database
  private readonly catalog: RulePackCatalog
  private readonly store: DocumentStore
  private readonly calendar: Calendar
  private readonly listeners = new Set<ChangeListener>()
  private readonly log: (message: string) => void

  constructor(options: ComplianceServiceOptions) {
    this.db = options.db
    this.catalog = options.catalog
    this.store = new DocumentStore(options.db, new DocumentFiles(options.documentsDir))
    this.calendar = new Calendar(options.timeZone ?? DEFAULT_TIME_ZONE)
    this.log = options.log ?? (() => {})
  }

  // ------------------------------------------------------------------------------------ rule packs

  rulePack(now: number): RulePackInfo {
    return infoOf(this.catalog.active(now, this.calendar))
  }

  rulePacks(now: number): { active: RulePackInfo; available: AvailableRulePack[] } {
    return { active: this.rulePack(now), available: this.catalog.available() }
  }

  async installRulePack(fileName: string, bytes: Uint8Array): Promise<RulePackInfo> {
    const info = await this.catalog.install(fileName, bytes)
    this.emit({ cause: 'rule-pack', moduleIds: [...MODULE_IDS] })
    return info
  }

  // ------------------------------------------------------------------------------------ reading

  async overview(deployer: DeployerType | null, now: number): Promise<ComplianceOverview> {
    const pack = this.activePack(now)
    const modules = await this.db.transaction((sql) => this.evaluateAll(sql, pack, deployer, now).map((evaluation) => evaluation.status))
    return { rulePack: infoOf(pack), deployer, modules }
  }

  async moduleStatus(moduleId: ModuleId, deployer: DeployerType | null, now: number): Promise<ModuleStatus> {
    const pack = this.activePack(now)
    return (await this.db.transaction((sql) => this.evaluate(sql, pack, moduleId, deployer, now))).status
  }

  /** A module's state and every document ever linked to it (the caller adds the audit history). */
  async dossier(moduleId: ModuleId, deployer: DeployerType | null, now: number): Promise<{ module: ModuleStatus; documents: DocumentView[] }> {
    const pack = this.activePack(now)
    return this.db.transaction((sql) => {
      const evaluation = this.evaluate(sql, pack, moduleId, deployer, now)
      const documents = listDocuments(sql).filter((document) => document.modules.includes(moduleId))
      return { module: evaluation.status, documents: documents.map((document) => this.viewOf(document, pack)) }
    })
  }

  async documents(now: number): Promise<DocumentView[]> {
    const pack = this.activePack(now)
    return (await this.store.list()).map((document) => this.viewOf(document, pack))
  }

  async documentContent(documentId: string): Promise<{ fileName: string; mimeType: string; base64: string }> {
    const { document, bytes } = await this.store.content(documentId)
    return { fileName: document.fileName, mimeType: document.mimeType, base64: bytes.toString('base64') }
  }

  /**
   * Whether a module may analyse a camera's images now. Asked before each start and periodically
   * while running: a lapse or a revocation stops the analysis at the next question.
   */
  async canRun(moduleId: ModuleId, cameraId: string, deployer: DeployerType | null, now: number): Promise<RunDecision> {
    const status = await this.moduleStatus(moduleId, deployer, now)
    if (status.state !== 'UNLOCKED') {
      // Reasons often open with the state already (« Verrouillé : 10 exigences… »): say it once.
      const state = STATE_LABELS[status.state]
      const said = status.reason.toLowerCase().startsWith(state.toLowerCase())
      return { allowed: false, reason: `${status.label} — ${said ? status.reason : `${state} : ${status.reason}`}` }
    }
    if (status.perimeter !== null && !status.perimeter.includes(cameraId)) {
      return { allowed: false, reason: `${status.label} — la caméra « ${cameraId} » est hors du périmètre couvert par les documents du dossier.` }
    }
    if (status.validUntil !== null && now >= status.validUntil) {
      return { allowed: false, reason: `${status.label} — le déblocage a pris fin.` }
    }
    const until = status.validUntil === null ? 'sans échéance' : `jusqu’au ${formatFrenchDate(this.calendar.today(status.validUntil))} exclu`
    return { allowed: true, reason: `${status.label} — débloqué ${until}.`, countsOnly: status.limits.countsOnly }
  }

  /** The register's content: states, approvals with their revocations, every document with its withdrawal. */
  async registerData(deployer: DeployerType | null, now: number): Promise<ComplianceRegisterData> {
    const pack = this.activePack(now)
    return this.db.transaction((sql) => {
      const evaluations = this.evaluateAll(sql, pack, deployer, now)
      const modules = evaluations.map((evaluation) => {
        const revocations = new Map(revocationsOf(sql, evaluation.status.id).map((revocation) => [revocation.id, revocation]))
        const approvalHistory = approvalsOf(sql, evaluation.status.id).map((approval): ApprovalHistoryEntry => {
          const revocation = approval.revocationId === null ? undefined : revocations.get(approval.revocationId)
          return {
            id: approval.id,
            by: approval.username,
            role: approval.role,
            at: approval.at,
            justification: approval.justification,
            current: approval.fingerprint === evaluation.fingerprint && approval.revocationId === null,
            revocation: revocation ? { by: revocation.username, at: revocation.at, justification: revocation.justification } : null
          }
        })
        return { status: evaluation.status, approvalHistory }
      })
      const documents = listDocuments(sql).map((document) => ({ ...this.viewOf(document, pack), withdrawal: document.withdrawal }))
      return { rulePack: infoOf(pack), deployer, modules, documents }
    })
  }

  // ------------------------------------------------------------------------------------ dossiers

  async attachDocument(input: AttachDocumentInput, by: Actor, now: number): Promise<DocumentView> {
    const pack = this.activePack(now)
    const document = await this.store.attach(input, pack, by, now)
    await this.db.transaction((sql) => forgetObservedStates(sql, document.modules))
    this.emit({ cause: 'document', moduleIds: document.modules })
    return this.viewOf(document, pack)
  }

  async withdrawDocument(documentId: string, by: Actor, justification: string, now: number): Promise<DocumentView> {
    const pack = this.activePack(now)
    const document = await this.store.withdraw(documentId, by, justification, now)
    await this.db.transaction((sql) => forgetObservedStates(sql, document.modules))
    this.emit({ cause: 'withdrawal', moduleIds: document.modules })
    return this.viewOf(document, pack)
  }

  // ------------------------------------------------------------------------------------ approvals

  /**
   * One person's approval of a module's dossier as it stands. Refused when the module is forbidden,
   * incomplete or already unlocked, when the person has no approving role or already approved, and
   * when it would make an unlock approved only by people who attached its documents.
   */
  async approve(moduleId: ModuleId, deployer: DeployerType | null, by: Approver, justification: string, now: number): Promise<ModuleStatus> {
    const pack = this.activePack(now)
    const reason = checkJustification(justification)
    const status = await this.db.transaction((sql) => {
      const evaluation = this.evaluate(sql, pack, moduleId, deployer, now)
      const { state } = evaluation.status
      if (state === 'FORBIDDEN') throw conflict(`Ce module est interdit pour ce déployeur : aucune approbation ne peut le débloquer. ${evaluation.status.reason}`)
      if (state === 'LOCKED' || state === 'EXPIRED') throw conflict(`Le dossier n'est pas complet : ${evaluation.status.reason}`)
      if (state === 'UNLOCKED') throw conflict('Ce module est déjà débloqué pour ce dossier.')

      const policy = evaluation.status.approvalsNeeded
      const role = policy.roles.find((candidate) => by.roles.includes(candidate))
      if (role === undefined) throw new RpcError('FORBIDDEN', `Approuver ce module demande le rôle ${rolesText(policy.roles)}.`)
      if (evaluation.currentApprovals.some((approval) => approval.userId === by.userId)) {
        throw conflict('Vous avez déjà approuvé ce dossier : l’approbation suivante doit venir d’une autre personne.')
      }
      const approval = { moduleId, userId: by.userId, username: by.username, role, at: now, justification: reason, fingerprint: evaluation.fingerprint }
      const after = assessApprovals([...evaluation.currentApprovals, { ...approval, id: 0, revocationId: null }], policy, evaluation.attachers)
      if (after.lacking === 'independent') {
        throw conflict('Vous avez joint un document de ce dossier : au moins une approbation doit venir d’une personne qui n’en a joint aucun.')
      }
      insertApproval(sql, approval)
      forgetObservedStates(sql, [moduleId])
      return this.evaluate(sql, pack, moduleId, deployer, now).status
    })
    this.emit({ cause: 'approval', moduleIds: [moduleId] })
    return status
  }

  /** Withdraws every current approval of a module: it stops, and new approvals are needed. */
  async revoke(moduleId: ModuleId, deployer: DeployerType | null, by: Approver, justification: string, now: number): Promise<ModuleStatus> {
    const pack = this.activePack(now)
    const reason = checkJustification(justification)
    const status = await this.db.transaction((sql) => {
      const evaluation = this.evaluate(sql, pack, moduleId, deployer, now)
      if (evaluation.currentApprovals.length === 0) throw conflict('Aucune approbation en cours à révoquer pour ce module.')
      insertRevocation(
        sql,
        {
          moduleId,
          fingerprint: evaluation.fingerprint,
          userId: by.userId,
          username: by.username,
          at: now,
          justification: reason,
          wasUnlocked: evaluation.status.state === 'UNLOCKED' || evaluation.status.state === 'EXPIRED'
        },
        evaluation.currentApprovals.map((approval) => approval.id)
      )
      forgetObservedStates(sql, [moduleId])
      return this.evaluate(sql, pack, moduleId, deployer, now).status
    })
    this.emit({ cause: 'revocation', moduleIds: [moduleId] })
    return status
  }

  // ------------------------------------------------------------------------------------ time

  /**
   * What changed by itself since the previous call: the rule pack in force, and module states moved
   * by time (expiry, end of a legal basis, new pack). The caller runs it at start and periodically,
   * and audits what it returns together with the pack's version.
   */
  async refresh(deployer: DeployerType | null, now: number): Promise<ComplianceRefresh> {
    const pack = this.activePack(now)
    const result = await this.db.transaction((sql): ComplianceRefresh => {
      const rulePackChange = noteActivePack(sql, pack)
      const observed = readObservedStates(sql)
      const transitions: StateTransition[] = []
      for (const evaluation of this.evaluateAll(sql, pack, deployer, now)) {
        const { id, state, reason } = evaluation.status
        const previous = observed.get(id)
        const comparable = previous !== undefined && previous.deployer === deployer
        if (comparable && previous.state === state) continue
        if (comparable) transitions.push({ moduleId: id, from: previous.state, to: state, reason, rulePack: { id: pack.id, version: pack.version } })
        writeObservedState(sql, id, { deployer, state }, now)
      }
      return { rulePackChange, transitions }
    })
    if (result.transitions.length > 0 || result.rulePackChange !== null) {
      this.emit({ cause: 'time', moduleIds: result.transitions.map((transition) => transition.moduleId) })
    }
    return result
  }

  /** Called after every change (documents, approvals, packs, time); returns the unsubscribe function. */
  onDidChange(listener: ChangeListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  // ------------------------------------------------------------------------------------ internals

  private activePack(now: number): RulePack {
    return this.catalog.active(now, this.calendar)
  }

  private evaluateWith(sql: SqlExecutor, pack: RulePack, moduleId: ModuleId, deployer: DeployerType | null, now: number, all: readonly DocumentRecord[]): Evaluated {
    const documents = all.filter((document) => document.modules.includes(moduleId))
    const fingerprint = dossierFingerprint({
      rulePack: pack,
      deployer,
      documentIds: documents.filter((document) => document.withdrawal === null).map((document) => document.id)
    })
    const evaluation = evaluateModule({
      moduleId,
      module: pack.modules[moduleId],
      rule: resolveRule(pack, moduleId, deployer, this.calendar.today(now)),
      documents,
      approvals: approvalsOf(sql, moduleId),
      revocations: revocationsOf(sql, moduleId),
      fingerprint,
      now,
      calendar: this.calendar
    })
    return { ...evaluation, fingerprint, pack }
  }

  private evaluate(sql: SqlExecutor, pack: RulePack, moduleId: ModuleId, deployer: DeployerType | null, now: number): Evaluated {
    return this.evaluateWith(sql, pack, moduleId, deployer, now, listDocuments(sql))
  }

  private evaluateAll(sql: SqlExecutor, pack: RulePack, deployer: DeployerType | null, now: number): Evaluated[] {
    const documents = listDocuments(sql)
    return MODULE_IDS.map((moduleId) => this.evaluateWith(sql, pack, moduleId, deployer, now, documents))
  }

  private viewOf(document: DocumentRecord, pack: RulePack): DocumentView {
    return {
      id: document.id,
      sha256: document.sha256,
      type: document.type,
      typeLabel: pack.documentTypes[document.type]?.label ?? document.type,
      reference: document.reference,
      issuer: document.issuer,
      issuedOn: document.issuedOn,
      expiresOn: document.expiresOn,
      perimeter: document.perimeter,
      fileName: document.fileName,
      mimeType: document.mimeType,
      bytes: document.bytes,
      piaStatus: document.piaStatus,
      attachedBy: document.attachedBy,
      attachedAt: document.attachedAt,
      modules: document.modules,
      withdrawn: document.withdrawal !== null
    }
  }

  private emit(change: ComplianceChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change)
      } catch (error) {
        // A screen's listener must not undo a change that is already committed.
        this.log(`compliance: un abonné a échoué (${(error as Error).message})`)
      }
    }
  }
}
