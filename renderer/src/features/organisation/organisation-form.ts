import { OrganisationSchema, type DeployerType, type Organisation, type OrganisationInput } from '../../../../electron/shared/accounts'

/** Numbers stay text while typed, so that clearing a field to retype it does not snap it back. */
export interface OrganisationFormValues {
  name: string
  deployer: DeployerType
  dpoContact: string
  idleTimeoutMinutes: string
  auditRetentionDays: string
}

export function organisationFormFrom(organisation: Organisation): OrganisationFormValues {
  return {
    name: organisation.name,
    deployer: organisation.deployer,
    dpoContact: organisation.dpoContact,
    idleTimeoutMinutes: String(organisation.idleTimeoutMinutes),
    auditRetentionDays: String(organisation.auditRetentionDays)
  }
}

const idleSchema = OrganisationSchema.shape.idleTimeoutMinutes.removeDefault()
const retentionSchema = OrganisationSchema.shape.auditRetentionDays.removeDefault()

export interface Bounds {
  min: number
  max: number
}

/** Read from the contract, so that the fields and their hints follow it if the law's minimum changes. */
export const IDLE_MINUTES: Bounds = { min: idleSchema.minValue ?? 1, max: idleSchema.maxValue ?? Number.MAX_SAFE_INTEGER }
export const RETENTION_DAYS: Bounds = { min: retentionSchema.minValue ?? 0, max: retentionSchema.maxValue ?? Number.MAX_SAFE_INTEGER }

export type OrganisationProblem = 'idle' | 'retention'
export type OrganisationCheck = { ok: true; input: OrganisationInput } | { ok: false; problem: OrganisationProblem }

/** Whole numbers only; « 15,5 » or an empty field is not a number of minutes. */
function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null
}

function within(value: number | null, bounds: Bounds): value is number {
  return value !== null && value >= bounds.min && value <= bounds.max
}

/**
 * The two numbers are checked here against the contract's own bounds, so that the person reads the
 * field's hint rather than a schema message; the core checks everything again.
 */
export function checkOrganisation(values: OrganisationFormValues): OrganisationCheck {
  const idle = wholeNumber(values.idleTimeoutMinutes)
  if (!within(idle, IDLE_MINUTES)) return { ok: false, problem: 'idle' }
  const retention = wholeNumber(values.auditRetentionDays)
  if (!within(retention, RETENTION_DAYS)) return { ok: false, problem: 'retention' }
  return {
    ok: true,
    input: {
      name: values.name,
      deployer: values.deployer,
      dpoContact: values.dpoContact,
      idleTimeoutMinutes: idle,
      auditRetentionDays: retention
    }
  }
}
