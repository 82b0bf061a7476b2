import { z } from 'zod'

/** What the audit trail records. Dotted names, grouped by what they touch. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login-failed',
  'auth.account-locked',
  'auth.logout',
  'session.idle-lock',
  'session.unlock',
  'account.password-change',
  'account.create',
  'account.update',
  'account.password-reset',
  'organisation.update',
  'setup.first-admin',
  'camera.add',
  'camera.update',
  'camera.remove',
  'scene.update',
  'analytics.detector',
  'recording.policy',
  'recording.storage',
  'recording.purge',
  'events.purge',
  'lapi.hotlist-import',
  'lapi.hotlist-withdraw',
  'lapi.purge',
  'recording.hold',
  'recording.release',
  'mask.lift-request',
  'mask.lift-approve',
  'mask.lift-end',
  'settings.update',
  'live.start',
  'live.stop',
  'playback.view',
  'export.create',
  'audit.export',
  'audit.purge',
  'compliance.action',
  'alert.decision'
] as const
export const AuditActionSchema = z.enum(AUDIT_ACTIONS)
export type AuditAction = z.infer<typeof AuditActionSchema>

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.number(),
  /** Username, or `system` for the core's own jobs, or `cli:<name>` for the command line. */
  actor: z.string(),
  action: AuditActionSchema,
  cameraId: z.string().nullable(),
  /** What the action was about when it is not a camera: an account, a document, an alert… */
  target: z.string().nullable(),
  /** The workstation the action came from (a window, a browser, the command line). */
  workstation: z.string(),
  details: z.record(z.unknown())
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>

export const AuditQuerySchema = z
  .object({
    actor: z.string().trim().min(1).max(64).optional(),
    cameraId: z.string().trim().min(1).max(64).optional(),
    action: AuditActionSchema.optional(),
    /** Period, epoch milliseconds, inclusive. */
    from: z.number().optional(),
    to: z.number().optional(),
    /** Newest first; pass the last seq of a page to get the next one. */
    before: z.number().int().optional(),
    limit: z.number().int().min(1).max(500).default(100)
  })
  .strict()
export type AuditQuery = z.infer<typeof AuditQuerySchema>
export type AuditQueryInput = z.input<typeof AuditQuerySchema>

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  /** Entries whose hash was recomputed. */
  checked: z.number().int(),
  /** The first entry that does not hold, when the chain is broken. */
  firstBrokenSeq: z.number().int().nullable(),
  message: z.string(),
  /** Seq of the last entry removed by a retention purge, when the chain starts at a checkpoint. */
  checkpointSeq: z.number().int().nullable(),
  verifiedAt: z.number()
})
export type AuditVerification = z.infer<typeof AuditVerificationSchema>

export const AuditExportFormatSchema = z.enum(['csv', 'pdf'])
export type AuditExportFormat = z.infer<typeof AuditExportFormatSchema>
