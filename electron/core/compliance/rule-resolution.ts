import type { DeployerType, Role } from '../../shared/accounts'
import type { ModuleId } from '../../shared/compliance'
import { addDays, formatFrenchDate, type IsoDate } from './calendar'
import type { DocumentType, ModuleLimitsData, PackRequirement, PackRule, RulePack, RulePackModule } from './rule-pack-schema'

/**
 * What the pack says of one module for one deployer on one day, with everything the pack expresses by
 * reference (overrides, common prerequisites, legal bases, document types) already worked out.
 */

export interface ResolvedRequirement {
  type: string
  label: string
  issuer: string
  uncertain: boolean
  note: string | null
  documentType: DocumentType
}

export interface ResolvedRule {
  status: 'forbidden' | 'conditional' | 'allowed'
  reason: string
  citations: PackRule['citations']
  uncertainties: string[]
  requirements: ResolvedRequirement[]
  approvals: { roles: Role[]; count: number }
  limits: ModuleLimitsData
  /** First day the legal basis no longer covers: the unlock stops there whatever the documents say. */
  legalBasisEndsOn: IsoDate | null
}

/** The limits of a module that cannot run: the strictest reading. */
const FORBIDDEN_LIMITS: ModuleLimitsData = { maxImageRetentionDays: 0, humanConfirmation: true, noBiometrics: true, countsOnly: false, notes: [] }

function forbidden(reason: string, rule: PackRule | null): ResolvedRule {
  return {
    status: 'forbidden',
    reason,
    citations: rule?.citations ?? [],
    uncertainties: rule?.uncertainties ?? [],
    requirements: [],
    approvals: { roles: [...(rule?.approvals.roles ?? [])], count: rule?.approvals.count ?? 0 },
    limits: rule?.limits ?? FORBIDDEN_LIMITS,
    legalBasisEndsOn: null
  }
}

function ruleFor(module: RulePackModule, deployer: DeployerType): PackRule {
  return module.rules.overrides.find((override) => override.deployers.includes(deployer)) ?? module.rules.default
}

/** The common prerequisites first, then the module's own; a module's entry for the same type refines it. */
function mergeRequirements(pack: RulePack, rule: PackRule): ResolvedRequirement[] {
  const merged = new Map<string, PackRequirement>()
  if (rule.includeBaseRequirements) for (const requirement of pack.baseRequirements) merged.set(requirement.type, requirement)
  for (const requirement of rule.requirements) merged.set(requirement.type, requirement)
  return [...merged.values()].map((requirement) => {
    const documentType = pack.documentTypes[requirement.type]
    return {
      type: requirement.type,
      label: documentType.label,
      issuer: documentType.issuer,
      uncertain: requirement.uncertain || documentType.uncertain,
      note: requirement.note ?? null,
      documentType
    }
  })
}

/** Why the legal basis does not cover `today`, or null when it does. */
function legalBasisProblem(pack: RulePack, rule: PackRule, today: IsoDate): string | null {
  if (rule.legalBasis === undefined) return null
  const basis = pack.legalBases[rule.legalBasis]
  const detail = basis.note ? ` (${basis.note})` : ''
  if (!basis.verified) return `la base légale « ${basis.label} » n'est pas confirmée${detail}`
  if (today < basis.inForceFrom) return `la base légale « ${basis.label} » ne s'applique qu'à partir du ${formatFrenchDate(basis.inForceFrom)}`
  if (basis.inForceUntil !== null && today > basis.inForceUntil) {
    return `la base légale « ${basis.label} » a pris fin le ${formatFrenchDate(basis.inForceUntil)}${detail}`
  }
  return null
}

export function resolveRule(pack: RulePack, moduleId: ModuleId, deployer: DeployerType | null, today: IsoDate): ResolvedRule {
  const module = pack.modules[moduleId]
  if (!module) return forbidden(`Ce module n'est pas couvert par le référentiel « ${pack.title} » : il reste interdit.`, null)
  if (deployer === null) {
    return forbidden(
      "Le type de déployeur n'est pas renseigné dans le profil de l'organisation : c'est lui qui décide de ce que la loi permet, aucun module ne peut être débloqué.",
      module.rules.default
    )
  }
  const rule = ruleFor(module, deployer)
  if (rule.status === 'forbidden') return forbidden(rule.reason, rule)

  const basisProblem = legalBasisProblem(pack, rule, today)
  if (basisProblem !== null) return forbidden(`Interdit à ce jour : ${basisProblem}. Si cette base légale s'appliquait : ${rule.reason}`, rule)

  const basis = rule.legalBasis === undefined ? null : pack.legalBases[rule.legalBasis]
  return {
    status: rule.status,
    reason: rule.reason,
    citations: rule.citations,
    uncertainties: rule.uncertainties,
    requirements: mergeRequirements(pack, rule),
    approvals: { roles: [...rule.approvals.roles], count: rule.approvals.count },
    // The schema requires limits on every rule that is not an interdiction.
    limits: rule.limits ?? FORBIDDEN_LIMITS,
    legalBasisEndsOn: basis?.inForceUntil ? addDays(basis.inForceUntil, 1) : null
  }
}
