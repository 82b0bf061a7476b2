import { z } from 'zod'
import { CameraIdSchema } from './camera'

/** The two purposes of plate reading, which the law treats apart (CSI L233-1; CGCT L2333-87). */
export const LapiModuleIdSchema = z.enum(['lapi-securite', 'lapi-stationnement'])

export const HotlistInfoSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  moduleId: LapiModuleIdSchema,
  reason: z.string(),
  importedBy: z.string(),
  importedAt: z.number(),
  entries: z.number().int(),
  withdrawnAt: z.number().nullable()
})

export const ImportHotlistSchema = z
  .object({
    name: z.string().trim().min(2).max(80),
    moduleId: LapiModuleIdSchema,
    /** Why this list, from whom (a diffusion, a payments export…): on the record. */
    reason: z.string().trim().min(10).max(2000),
    /** One plate per line (or separated by commas or semicolons). */
    text: z.string().min(1).max(2_000_000)
  })
  .strict()

export const PlateHitSchema = z.object({
  id: z.number().int(),
  cameraId: CameraIdSchema,
  moduleId: LapiModuleIdSchema,
  at: z.number(),
  plate: z.string(),
  format: z.string(),
  confidence: z.number(),
  hotlistId: z.number().int(),
  /** Security: the watch list that holds the plate. Parking: the rights list it is missing from. */
  hotlistName: z.string(),
  expiresAt: z.number(),
  /** The alert raised for it, to open in the review queue; null for a hit recorded outside a camera's analysis. */
  eventId: z.number().int().nullable()
})
