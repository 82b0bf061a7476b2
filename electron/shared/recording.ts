import { z } from 'zod'
import { CameraIdSchema } from './camera'

/**
 * Recording, playback and legal holds. Recordings are kept no longer than the law allows: one month
 * at most for vidéoprotection (CSI L252-5), less if the prefectoral authorisation says so.
 */

/** The ceiling the law sets (CSI L252-5); a rule pack may lower it, never raise it. */
export const LEGAL_MAX_RETENTION_DAYS = 30

export const RecordingPolicySchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Days a segment is kept; capped by the rule pack's maximum. */
    retentionDays: z.number().int().min(1).max(LEGAL_MAX_RETENTION_DAYS).default(LEGAL_MAX_RETENTION_DAYS),
    /** Disk space this camera may use; the oldest segments go first when it is reached. Null: only the total quota applies. */
    quotaBytes: z.number().int().positive().nullable().default(null)
  })
  .strict()
export type RecordingPolicy = z.infer<typeof RecordingPolicySchema>
export type RecordingPolicyInput = z.input<typeof RecordingPolicySchema>

export const RecordingStorageSchema = z
  .object({
    /** All cameras together; null: no quota but the disk's own free space. */
    totalQuotaBytes: z.number().int().positive().nullable().default(null),
    /** Below this free space on the disk, the oldest segments are deleted and the supervisors alerted. */
    minFreeBytes: z.number().int().nonnegative().default(2 * 1024 ** 3)
  })
  .strict()
export type RecordingStorage = z.infer<typeof RecordingStorageSchema>

/** A stretch of continuous recording, ms since the epoch. */
export const RecordedSpanSchema = z.object({ start: z.number(), end: z.number() })
export type RecordedSpan = z.infer<typeof RecordedSpanSchema>

export const LegalHoldSchema = z.object({
  id: z.number().int(),
  cameraId: CameraIdSchema,
  from: z.number(),
  to: z.number(),
  /** The réquisition or procedure it serves. */
  reference: z.string(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: z.number(),
  releasedBy: z.string().nullable(),
  releasedAt: z.number().nullable()
})
export type LegalHold = z.infer<typeof LegalHoldSchema>

export const PlaceHoldSchema = z
  .object({
    cameraId: CameraIdSchema,
    from: z.number(),
    to: z.number(),
    reference: z.string().trim().min(3).max(120),
    reason: z.string().trim().min(10).max(2000)
  })
  .strict()
  .refine((hold) => hold.from < hold.to, { message: 'la fin doit suivre le début', path: ['to'] })

export const RecordingStatusSchema = z.object({
  cameraId: CameraIdSchema,
  state: z.enum(['recording', 'stopped', 'failed', 'disabled']),
  /** French, for the screen; null when all is well. */
  problem: z.string().nullable(),
  bytes: z.number().int(),
  oldest: z.number().nullable(),
  newest: z.number().nullable()
})
export type RecordingStatus = z.infer<typeof RecordingStatusSchema>

/** Something a supervisor must know about the storage: the disk is full, a quota forced early deletions. */
export const RecordingAlarmSchema = z.object({
  at: z.number(),
  kind: z.enum(['disk-low', 'quota-reached', 'recorder-failed']),
  cameraId: CameraIdSchema.nullable(),
  message: z.string()
})
export type RecordingAlarm = z.infer<typeof RecordingAlarmSchema>

export const PLAYBACK_SPEEDS = [1, 2, 4, 8] as const
export const PlaybackSpeedSchema = z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(8)])

export const PlaybackOpenSchema = z
  .object({
    cameraId: CameraIdSchema,
    /** Where to start, ms since the epoch. */
    at: z.number(),
    speed: PlaybackSpeedSchema.default(1)
  })
  .strict()

/** A lift of a camera's privacy masks for an investigation: asked by one person, approved by another, limited in time. */
export const MaskLiftSchema = z.object({
  id: z.number().int(),
  cameraId: CameraIdSchema,
  reference: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.number(),
  minutes: z.number().int(),
  approvedBy: z.string().nullable(),
  approvedAt: z.number().nullable(),
  /** approvedAt + minutes; null until approved. */
  until: z.number().nullable(),
  state: z.enum(['pending', 'active', 'expired', 'ended'])
})
export type MaskLift = z.infer<typeof MaskLiftSchema>

export const RequestMaskLiftSchema = z
  .object({
    cameraId: CameraIdSchema,
    reference: z.string().trim().min(3).max(120),
    reason: z.string().trim().min(10).max(2000),
    /** At most four hours: long enough for an investigation's viewing, short enough to be forgotten by no one. */
    minutes: z.number().int().min(5).max(240)
  })
  .strict()
