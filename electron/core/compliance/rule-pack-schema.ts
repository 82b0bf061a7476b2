import { z } from 'zod'
import { DeployerTypeSchema, RoleSchema } from '../../shared/accounts'
import { DocumentTypeIdSchema, MODULE_IDS, ModuleFamilySchema, RuleStatusSchema, type ModuleId } from '../../shared/compliance'
import { describeIssues, frenchErrorMap } from '../../shared/zod-fr'
import { isCalendarDate } from './calendar'

/**
 * The legal analysis as data: which module each kind of deployer may run, on which paperwork, with
 * whose approval. A newer analysis ships as a new pack (JSON), never as a code change, so every key is
 * checked strictly: a misspelt key would otherwise silently drop a requirement.
 */

const IsoDateSchema = z.string().refine(isCalendarDate, 'date au format AAAA-MM-JJ attendue')
const TextSchema = z.string().trim().min(1).max(4000)

export const DOCUMENT_FORMATS = ['pdf', 'pia-json'] as const
export const DocumentFormatSchema = z.enum(DOCUMENT_FORMATS)
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>

const DocumentTypeSchema = z
  .object({
    label: TextSchema,
    issuer: TextSchema,
    /** How long the document holds from its issue date; null when it has no fixed term. */
    validityMonths: z.number().int().min(1).max(240).nullable(),
    /** The document sets its own term (an arrêté for one event): the expiry date must be given. */
    expiryRequired: z.boolean().default(false),
    formats: z.array(DocumentFormatSchema).min(1),
    /** Only a PIA-tool export whose status is validated satisfies the requirement. */
    requiresValidatedPia: z.boolean().default(false),
    uncertain: z.boolean().default(false),
    note: TextSchema.optional()
  })
  .strict()
  .superRefine((type, context) => {
    if (type.requiresValidatedPia && !type.formats.includes('pia-json')) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['formats'], message: 'requiresValidatedPia exige le format « pia-json »' })
    }
  })

const LegalBasisSchema = z
  .object({
    label: TextSchema,
    ref: TextSchema,
    inForceFrom: IsoDateSchema,
    /** Last day the statute applies; null when it has no end. */
    inForceUntil: IsoDateSchema.nullable(),
    /** An unverified basis is treated as not in force: the lock fails closed. */
    verified: z.boolean(),
    note: TextSchema.optional()
  })
  .strict()

const CitationSchema = z
  .object({
    ref: TextSchema,
    date: IsoDateSchema.optional(),
    url: z.string().url().optional()
  })
  .strict()

const RequirementSchema = z
  .object({
    type: DocumentTypeIdSchema,
    uncertain: z.boolean().default(false),
    /** What this module asks of the document beyond its type (« spécifique au traitement algorithmique »). */
    note: TextSchema.optional()
  })
  .strict()

const ApprovalPolicySchema = z
  .object({
    roles: z.array(RoleSchema).min(1),
    count: z.number().int().min(1).max(5)
  })
  .strict()

/** Four eyes: two different people, each a supervisor or the DPO. */
export const DEFAULT_APPROVALS = { roles: ['supervisor', 'dpo'] as const, count: 2 }

const LimitsSchema = z
  .object({
    /** CSI L252-5: never more than one month. 0: no image is kept at all. */
    maxImageRetentionDays: z.number().int().min(0).max(30).nullable(),
    humanConfirmation: z.boolean(),
    noBiometrics: z.boolean(),
    countsOnly: z.boolean(),
    notes: z.array(TextSchema).default([])
  })
  .strict()

const RuleShape = {
  status: RuleStatusSchema,
  /** Why, in French, for the people who meet the lock. */
  reason: TextSchema,
  citations: z.array(CitationSchema).min(1),
  /** Points of the analysis marked unverified or secondary-only: shown « à confirmer ». */
  uncertainties: z.array(TextSchema).default([]),
  /** The statute the rule rests on; outside its period, or while unverified, the module is forbidden. */
  legalBasis: z.string().min(1).optional(),
  /** Whether the pack's common prerequisites (vidéoprotection, AI literacy) apply on top of `requirements`. */
  includeBaseRequirements: z.boolean().default(true),
  requirements: z.array(RequirementSchema).default([]),
  approvals: ApprovalPolicySchema.default({ roles: [...DEFAULT_APPROVALS.roles], count: DEFAULT_APPROVALS.count }),
  limits: LimitsSchema.optional()
}

const RuleSchema = z.object(RuleShape).strict()
const OverrideSchema = z.object({ ...RuleShape, deployers: z.array(DeployerTypeSchema).min(1) }).strict()

const ModuleSchema = z
  .object({
    family: ModuleFamilySchema,
    label: TextSchema,
    description: TextSchema,
    rules: z
      .object({
        default: RuleSchema,
        overrides: z.array(OverrideSchema).default([])
      })
      .strict()
  })
  .strict()

/** Every key optional: a module the pack does not cover stays forbidden (the lock fails closed). */
const ModulesSchema = z
  .object(Object.fromEntries(MODULE_IDS.map((id) => [id, ModuleSchema])) as Record<ModuleId, typeof ModuleSchema>)
  .partial()
  .strict()

const PackIdSchema = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'identifiant : minuscules, chiffres et « - »')
const VersionSchema = z.string().regex(/^\d{1,6}\.\d{1,6}\.\d{1,6}$/, 'version au format MAJEURE.MINEURE.CORRECTIF')

const RulePackObjectSchema = z
  .object({
    id: PackIdSchema,
    version: VersionSchema,
    /** From this date (inclusive) the pack may become the active one. */
    effectiveDate: IsoDateSchema,
    jurisdiction: z.literal('FR'),
    title: TextSchema,
    description: TextSchema.optional(),
    documentTypes: z.record(DocumentTypeIdSchema, DocumentTypeSchema),
    legalBases: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), LegalBasisSchema).default({}),
    /** Prerequisites of every module that is not forbidden (the vidéoprotection base layer M0…). */
    baseRequirements: z.array(RequirementSchema).default([]),
    modules: ModulesSchema
  })
  .strict()

type PackObject = z.infer<typeof RulePackObjectSchema>
type RuleObject = z.infer<typeof RuleSchema>

/** What `z.record` keys and arrays cannot check alone: references between parts of the pack. */
function checkReferences(pack: PackObject, context: z.RefinementCtx): void {
  const checkRequirements = (requirements: readonly { type: string }[], path: (string | number)[]): void => {
    const seen = new Set<string>()
    requirements.forEach((requirement, index) => {
      if (!(requirement.type in pack.documentTypes)) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: [...path, index, 'type'], message: `type de document « ${requirement.type} » non déclaré dans documentTypes` })
      }
      if (seen.has(requirement.type)) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: [...path, index, 'type'], message: `type de document « ${requirement.type} » demandé deux fois` })
      }
      seen.add(requirement.type)
    })
  }
  const checkRule = (rule: RuleObject, path: (string | number)[]): void => {
    checkRequirements(rule.requirements, [...path, 'requirements'])
    if (rule.legalBasis !== undefined && !(rule.legalBasis in pack.legalBases)) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: [...path, 'legalBasis'], message: `base légale « ${rule.legalBasis} » non déclarée dans legalBases` })
    }
    if (rule.status !== 'forbidden' && rule.limits === undefined) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: [...path, 'limits'], message: 'limites requises pour une règle qui n’est pas une interdiction' })
    }
  }

  checkRequirements(pack.baseRequirements, ['baseRequirements'])
  for (const [moduleId, module] of Object.entries(pack.modules)) {
    if (!module) continue
    checkRule(module.rules.default, ['modules', moduleId, 'rules', 'default'])
    const claimed = new Set<string>()
    module.rules.overrides.forEach((override, index) => {
      const path = ['modules', moduleId, 'rules', 'overrides', index]
      checkRule(override, path)
      for (const deployer of override.deployers) {
        if (claimed.has(deployer)) {
          context.addIssue({ code: z.ZodIssueCode.custom, path: [...path, 'deployers'], message: `déployeur « ${deployer} » présent dans deux exceptions` })
        }
        claimed.add(deployer)
      }
    })
  }
}

export const RulePackSchema = RulePackObjectSchema.superRefine(checkReferences)
export type RulePack = z.output<typeof RulePackSchema>
export type RulePackModule = NonNullable<RulePack['modules'][ModuleId]>
export type PackRule = RulePackModule['rules']['default']
export type PackRequirement = RulePack['baseRequirements'][number]
export type DocumentType = RulePack['documentTypes'][string]
export type LegalBasis = RulePack['legalBases'][string]
export type ModuleLimitsData = NonNullable<PackRule['limits']>

export class RulePackError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RulePackError'
  }
}

/** Validates a parsed pack; the error names the faulty path, in French. */
export function parseRulePack(data: unknown, source: string): RulePack {
  const parsed = RulePackSchema.safeParse(data, { errorMap: frenchErrorMap })
  if (!parsed.success) throw new RulePackError(`Référentiel de conformité « ${source} » invalide : ${describeIssues(parsed.error, 'référentiel')}.`)
  return parsed.data
}

/** Reads a pack from its file's bytes: UTF-8 JSON (a leading BOM is tolerated), then the schema. */
export function parseRulePackBytes(bytes: Uint8Array, source: string): RulePack {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    throw new RulePackError(`Référentiel de conformité « ${source} » invalide : le fichier n'est pas du texte UTF-8.`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new RulePackError(`Référentiel de conformité « ${source} » invalide : JSON mal formé (${(error as Error).message}).`)
  }
  return parseRulePack(data, source)
}
