import { z } from 'zod'
import { DeployerTypeSchema, RoleSchema } from './accounts'

/**
 * The analytics modules the compliance lock governs. LAPI is split by purpose, event detection by
 * event type, crowd analysis into alerts and counting, because the law treats each differently.
 * The biometric entries exist only to be refused.
 */
export const MODULE_IDS = [
  'lapi-securite',
  'lapi-stationnement',
  'detection-objet-abandonne',
  'detection-objet-retire',
  'detection-intrusion',
  'detection-sortie-zone',
  'detection-mouvement-inhabituel',
  'foule-alertes',
  'comptage-personnes',
  'reconnaissance-faciale',
  'categorisation-biometrique',
  'inference-emotions'
] as const
export const ModuleIdSchema = z.enum(MODULE_IDS)
export type ModuleId = z.infer<typeof ModuleIdSchema>

export const MODULE_FAMILIES = ['lapi', 'detection', 'foule', 'biometrie'] as const
export const ModuleFamilySchema = z.enum(MODULE_FAMILIES)

/** What the rule pack says of a module for a deployer, before any paperwork. */
export const RuleStatusSchema = z.enum(['forbidden', 'conditional', 'allowed'])

/** Where a module stands now, for this installation. */
export const MODULE_STATES = ['FORBIDDEN', 'LOCKED', 'READY', 'UNLOCKED', 'EXPIRED', 'REVOKED'] as const
export const ModuleStateSchema = z.enum(MODULE_STATES)
export type ModuleState = z.infer<typeof ModuleStateSchema>

export const CitationSchema = z.object({
  /** « CSI art. L233-1 », « CE n° 385091 », « CNIL, avertissement Valenciennes »… */
  ref: z.string(),
  date: z.string().optional(),
  url: z.string().optional()
})

export const DocumentTypeIdSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/)

/** One document the dossier needs, and whether what is attached satisfies it. */
export const RequirementStatusSchema = z.object({
  type: DocumentTypeIdSchema,
  label: z.string(),
  issuer: z.string(),
  /** Marked uncertain in the legal analysis: shown « à confirmer ». */
  uncertain: z.boolean(),
  satisfied: z.boolean(),
  /** Why not, in French, when it is not: missing, expired, AIPD not validated, perimeter too small… */
  problem: z.string().nullable(),
  documentIds: z.array(z.string())
})

export const ApprovalViewSchema = z.object({
  id: z.number().int(),
  by: z.string(),
  role: RoleSchema,
  at: z.number(),
  justification: z.string(),
  /** An approval counts only for the dossier it was given on: a new document asks for new approvals. */
  current: z.boolean()
})

export const ModuleLimitsSchema = z.object({
  maxImageRetentionDays: z.number().int().nullable(),
  humanConfirmation: z.boolean(),
  noBiometrics: z.boolean(),
  /** Only counts are kept, never images (people counting). */
  countsOnly: z.boolean(),
  notes: z.array(z.string())
})

export const ModuleStatusSchema = z.object({
  id: ModuleIdSchema,
  family: ModuleFamilySchema,
  label: z.string(),
  description: z.string(),
  state: ModuleStateSchema,
  ruleStatus: RuleStatusSchema,
  /** The rule pack's reason for this deployer, and why the state is what it is now. */
  reason: z.string(),
  citations: z.array(CitationSchema),
  uncertain: z.boolean(),
  requirements: z.array(RequirementStatusSchema),
  approvals: z.array(ApprovalViewSchema),
  approvalsNeeded: z.object({ roles: z.array(RoleSchema), count: z.number().int() }),
  /** End of the unlock: the earliest expiry among the documents (null when not unlocked). */
  validUntil: z.number().nullable(),
  /** Cameras the unlock covers (the intersection of the documents' perimeters); null means the whole installation. */
  perimeter: z.array(z.string()).nullable(),
  limits: ModuleLimitsSchema
})
export type ModuleStatus = z.infer<typeof ModuleStatusSchema>

export const RulePackInfoSchema = z.object({
  id: z.string(),
  version: z.string(),
  effectiveDate: z.string(),
  jurisdiction: z.string(),
  title: z.string()
})
export type RulePackInfo = z.infer<typeof RulePackInfoSchema>

export const ComplianceOverviewSchema = z.object({
  rulePack: RulePackInfoSchema,
  deployer: DeployerTypeSchema.nullable(),
  modules: z.array(ModuleStatusSchema)
})
export type ComplianceOverview = z.infer<typeof ComplianceOverviewSchema>

export const DocumentViewSchema = z.object({
  id: z.string(),
  /** sha256 of the file: the document's identity, and the name it is stored under. */
  sha256: z.string(),
  type: DocumentTypeIdSchema,
  typeLabel: z.string(),
  reference: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  /** Camera ids the document covers; null means the whole installation. */
  perimeter: z.array(z.string()).nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  bytes: z.number().int(),
  /** For a PIA-tool export: the validation status read from the file. */
  piaStatus: z.string().nullable(),
  attachedBy: z.string(),
  attachedAt: z.number(),
  modules: z.array(ModuleIdSchema),
  withdrawn: z.boolean()
})
export type DocumentView = z.infer<typeof DocumentViewSchema>

/** ISO calendar date, as documents carry them. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date au format AAAA-MM-JJ')

/** Largest document accepted (the file travels base64 in one call). */
export const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024

export const AttachDocumentSchema = z
  .object({
    moduleIds: z.array(ModuleIdSchema).min(1),
    type: DocumentTypeIdSchema,
    reference: z.string().trim().min(1).max(200),
    issuer: z.string().trim().min(1).max(200),
    issuedOn: IsoDateSchema,
    expiresOn: IsoDateSchema.nullable().default(null),
    perimeter: z.array(z.string().min(1).max(64)).max(1000).nullable().default(null),
    fileName: z.string().trim().min(1).max(200),
    base64: z.string().max(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 4)
  })
  .strict()
export type AttachDocumentInput = z.input<typeof AttachDocumentSchema>

/** Whether a module runs on a camera right now, and if not, why (shown to operators). */
export const AnalyticsRunStatusSchema = z.object({
  cameraId: z.string(),
  moduleId: ModuleIdSchema,
  running: z.boolean(),
  reason: z.string(),
  since: z.number(),
  /** Frames analysed since the module started on this camera. */
  framesAnalysed: z.number().int()
})
export type AnalyticsRunStatus = z.infer<typeof AnalyticsRunStatusSchema>
