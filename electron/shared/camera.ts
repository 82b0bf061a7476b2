import { z } from 'zod'
import { ModuleIdSchema } from './compliance'

/** Camera ids appear in URLs and file names: keep them to a safe alphabet. */
export const CameraIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'identifiant : lettres minuscules, chiffres, « - » et « _ »')

export const RtspTransportSchema = z.enum(['tcp', 'udp'])
export const TranscodeModeSchema = z.enum(['auto', 'always'])

/** What an admin configures for one camera. Strict: an unknown key is an error, never silently dropped. */
export const CameraConfigSchema = z
  .object({
    id: CameraIdSchema,
    name: z.string().trim().min(1).max(80),
    source: z.string().trim().min(1).max(2048),
    rtspTransport: RtspTransportSchema.default('tcp'),
    transcode: TranscodeModeSchema.default('auto'),
    group: z.string().trim().min(1).max(64).default('default'),
    enabled: z.boolean().default(true),
    /** Analytics modules the admin wants on this camera; each runs only while the compliance lock allows it. */
    analytics: z.array(ModuleIdSchema).max(20).default([])
  })
  .strict()

export type CameraConfig = z.infer<typeof CameraConfigSchema>

/**
 * An edit. The screen only ever sees sources with their credentials masked, so an edit that leaves
 * the address alone omits it and the stored one (password included) is kept.
 */
export const CameraUpdateSchema = CameraConfigSchema.extend({ source: CameraConfigSchema.shape.source.optional() }).strict()
export type CameraUpdate = z.infer<typeof CameraUpdateSchema>
export type CameraUpdateInput = z.input<typeof CameraUpdateSchema>
export type CameraConfigInput = z.input<typeof CameraConfigSchema>

/** A camera as the console sees it: its configuration (source redacted) plus where it comes from. */
export const CameraViewSchema = z.object({
  id: CameraIdSchema,
  name: z.string(),
  /** The source with any password hidden: credentials never reach the screen. */
  source: z.string(),
  rtspTransport: RtspTransportSchema,
  transcode: TranscodeModeSchema,
  group: z.string(),
  enabled: z.boolean(),
  analytics: z.array(ModuleIdSchema),
  /** Cameras of the built-in demo site are not in the configuration file and cannot be edited. */
  demo: z.boolean()
})
export type CameraView = z.infer<typeof CameraViewSchema>

export const HealthStateSchema = z.enum(['connecting', 'live', 'stalled', 'reconnecting', 'failed'])
export type HealthState = z.infer<typeof HealthStateSchema>

/** Why a camera is not live. Stable codes, so that a screen can word them in its own language. */
export const HEALTH_REASON_CODES = [
  'CONNECTION_REFUSED',
  'HOST_UNREACHABLE',
  'TIMEOUT',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'INVALID_DATA',
  'FILE_NOT_FOUND',
  'END_OF_STREAM',
  'OTHER',
  'INVALID_URL',
  'STALLED',
  'INVALID_STREAM',
  'FFMPEG_UNAVAILABLE'
] as const
export type HealthReasonCode = (typeof HEALTH_REASON_CODES)[number]

export const HealthReasonSchema = z.object({
  code: z.enum(HEALTH_REASON_CODES),
  /** French, short enough for a tile; never contains credentials. */
  message: z.string()
})
export type HealthReason = z.infer<typeof HealthReasonSchema>

export const CameraHealthSchema = z.object({
  state: HealthStateSchema,
  /** Why the camera is not live (kept while reconnecting, cleared when live again). */
  reason: HealthReasonSchema.optional(),
  since: z.number(),
  attempt: z.number().int().nonnegative(),
  transcoding: z.boolean(),
  codec: z.string().optional()
})
export type CameraHealth = z.infer<typeof CameraHealthSchema>
