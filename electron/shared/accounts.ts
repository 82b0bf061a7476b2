import { z } from 'zod'

/** The people of a CSU and what each may do. A person may hold several roles. */
export const ROLES = ['operator', 'supervisor', 'dpo', 'admin'] as const
export const RoleSchema = z.enum(ROLES)
export type Role = z.infer<typeof RoleSchema>

/** Who deploys the system decides what the law allows it (see the compliance rule pack). */
export const DEPLOYER_TYPES = [
  'commune',
  'police-municipale',
  'police-nationale',
  'gendarmerie',
  'douanes',
  'transport',
  'site-prive'
] as const
export const DeployerTypeSchema = z.enum(DEPLOYER_TYPES)
export type DeployerType = z.infer<typeof DeployerTypeSchema>

/**
 * Permissions, each granted to roles here and nowhere else. Contract methods name the permission
 * they need; the core checks it on every call, and the screen reads the same table to hide what a
 * role cannot do.
 */
export const ROLE_PERMISSIONS = {
  'camera.view': ['operator', 'supervisor', 'admin'],
  'camera.configure': ['admin'],
  'settings.workstation': ['operator', 'supervisor', 'dpo', 'admin'],
  'account.self': ['operator', 'supervisor', 'dpo', 'admin'],
  'account.manage': ['admin'],
  'organisation.manage': ['admin'],
  'audit.read': ['supervisor', 'dpo'],
  /** Operators too: a person who meets a locked feature is told why. */
  'compliance.read': ['operator', 'supervisor', 'dpo', 'admin'],
  'compliance.manage': ['supervisor', 'dpo'],
  'compliance.approve': ['supervisor', 'dpo'],
  'rulepack.manage': ['dpo', 'admin'],
  /** Zones, lines, masks and rule thresholds: the admin sets a camera up, the supervisor recalibrates it. */
  'scene.manage': ['supervisor', 'admin'],
  /** Recordings are watched by operators too: an incident is reported, they look back. */
  'playback.view': ['operator', 'supervisor'],
  'recording.configure': ['admin'],
  'recording.hold': ['supervisor', 'dpo'],
  /** Asked by one, approved by another (never the same person): see masks.approveLift. */
  'mask.lift': ['supervisor', 'dpo'],
  /** Every alert is decided by a person: operators first, supervisors for what is escalated. */
  'alert.review': ['operator', 'supervisor'],
  'alert.quality': ['supervisor', 'dpo'],
  /** A copy leaving the centre (for a réquisition) is a supervisor's act. */
  'evidence.export': ['supervisor'],
  /** Plate lists and reads: the few people the deployer authorises, never the whole room. */
  'lapi.manage': ['supervisor'],
  'lapi.reads': ['supervisor']
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof ROLE_PERMISSIONS
export const PERMISSIONS = Object.keys(ROLE_PERMISSIONS) as Permission[]

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS.filter((permission) => (ROLE_PERMISSIONS[permission] as readonly Role[]).some((role) => roles.includes(role)))
}

export const UsernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, 'identifiant : lettres, chiffres, « . », « - » et « _ »')

/** Checked for length here; the core also refuses common passwords (its list stays on the core side). */
export const MIN_PASSWORD_LENGTH = 12
export const PasswordSchema = z.string().min(MIN_PASSWORD_LENGTH, `au moins ${MIN_PASSWORD_LENGTH} caractères`).max(256)

export const CameraGroupSchema = z.string().trim().min(1).max(64)

export const UserViewSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  /** Camera groups this person may watch; `allGroups` lifts the restriction (admins always have it). */
  groups: z.array(z.string()),
  allGroups: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.number().nullable(),
  createdAt: z.number()
})
export type UserView = z.infer<typeof UserViewSchema>

export const OrganisationSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    deployer: DeployerTypeSchema,
    dpoContact: z.string().trim().max(200).default(''),
    /** Minutes without activity before a workstation's screen locks. */
    idleTimeoutMinutes: z.number().int().min(1).max(240).default(15),
    /** At least six months, as the audit trail must be kept that long. */
    auditRetentionDays: z.number().int().min(183).max(3650).default(183)
  })
  .strict()
export type Organisation = z.infer<typeof OrganisationSchema>
export type OrganisationInput = z.input<typeof OrganisationSchema>

export const SessionSchema = z.object({
  user: UserViewSchema,
  permissions: z.array(z.enum(PERMISSIONS as [Permission, ...Permission[]])),
  /** Lets the same screen pick its session back up after a reload or a reconnection. */
  token: z.string(),
  idleTimeoutMs: z.number().int(),
  locked: z.boolean()
})
export type Session = z.infer<typeof SessionSchema>
