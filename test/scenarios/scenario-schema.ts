import { z } from 'zod'
import { SceneSchema, type SceneInput } from '../../electron/shared/scene'
import { EventKindSchema as AnalyticsEventKindSchema } from '../../electron/shared/analytics-events'

/**
 * The ground truth written beside each scenario clip (`<id>.json` next to `<id>.mp4`). Times are
 * seconds from the start of the clip; an event matches an expectation when it comes from the same
 * rule, has the same kind, falls within `atSeconds ± toleranceSeconds` and carries every field of
 * `details` with the same value (a partial match: other fields are ignored).
 */

/** What the rule engine raises: every event kind but the plate readers'. */
export const EventKindSchema = AnalyticsEventKindSchema.exclude(['plate-hit', 'parking-unpaid'])
export type ScenarioEventKind = z.infer<typeof EventKindSchema>

const seconds = z.number().nonnegative().finite()
const detailValue = z.union([z.string(), z.number(), z.boolean()])

export const ExpectedEventSchema = z
  .object({
    ruleId: z.string().min(1),
    kind: EventKindSchema,
    atSeconds: seconds,
    toleranceSeconds: z.number().positive().max(30),
    details: z.record(detailValue).optional(),
    /** What happens in the clip at that moment, for whoever reads a failure. */
    why: z.string().optional()
  })
  .strict()
export type ExpectedEvent = z.infer<typeof ExpectedEventSchema>

/**
 * An event that must not happen: either a bare kind (no event of that kind from any rule, during the
 * whole clip) or a narrower description (one rule, a time window).
 */
export const ForbiddenEventSchema = z.union([
  EventKindSchema,
  z
    .object({
      kind: EventKindSchema,
      ruleId: z.string().min(1).optional(),
      fromSeconds: seconds.optional(),
      toSeconds: seconds.optional(),
      why: z.string().optional()
    })
    .strict()
])
export type ForbiddenEvent = z.infer<typeof ForbiddenEventSchema>

export const STAND_IN_CLASS_IDS = { backpack: 24, handbag: 26, suitcase: 28 } as const

/**
 * A detection added by the test to the detector's output, in every analysed frame from
 * `fromSeconds` to `toSeconds`, because no media file holds a real object the detector recognises
 * as that class. Listed in the ground truth so that nobody mistakes the scenario for a test of the
 * detector on that object.
 */
export const StandInDetectionSchema = z
  .object({
    label: z.enum(['backpack', 'handbag', 'suitcase']),
    classId: z.number().int().nonnegative(),
    score: z.number().gt(0).max(1),
    /** Normalised box (fractions of the image). */
    box: z.object({ x1: z.number().min(0).max(1), y1: z.number().min(0).max(1), x2: z.number().min(0).max(1), y2: z.number().min(0).max(1) }).strict(),
    fromSeconds: seconds,
    toSeconds: seconds,
    why: z.string().min(1)
  })
  .strict()
export type StandInDetection = z.infer<typeof StandInDetectionSchema>

/**
 * The scene of the clip as the product takes it (normalised geometry, rule parameters as chosen for
 * this clip, defaults not applied). It is checked against the product's SceneSchema below, so that
 * its own messages (unknown zone, missing ground area, ...) end up in the error.
 */
const SceneInputSchema = z.custom<SceneInput>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
  message: 'a scene object is required'
})

export const ScenarioManifestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** File name of the clip, in the same directory as this JSON. */
    clip: z.string().regex(/^[a-z0-9][a-z0-9-]*\.mp4$/),
    fps: z.number().int().min(10).max(25),
    durationSeconds: z.number().positive(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    scene: SceneInputSchema,
    expected: z.array(ExpectedEventSchema).min(1),
    forbidden: z.array(ForbiddenEventSchema).optional(),
    /**
     * Rules whose events must all be expected ones: any further event from them fails the scenario
     * (for example a counting rule, whose every increment is listed).
     */
    strictRules: z.array(z.string().min(1)).optional(),
    standInDetections: z.array(StandInDetectionSchema).optional(),
    /** How the clip was made, from which media, and what the test does and does not prove. */
    notes: z.string().min(1),
    /** Licence attribution of the media the clip was made from. */
    attribution: z.array(z.string()).min(1),
    /** Hash of everything the clip's bytes depend on: same hash, same clip, no rebuild. */
    recipeHash: z.string().regex(/^[0-9a-f]{16,64}$/)
  })
  .strict()
  .superRefine((manifest, context) => {
    const scene = SceneSchema.safeParse(manifest.scene)
    if (!scene.success) {
      for (const issue of scene.error.issues) context.addIssue({ ...issue, path: ['scene', ...issue.path] } as z.IssueData)
      return
    }
    const ruleIds = new Set(scene.data.rules.map((rule) => rule.id))
    manifest.expected.forEach((event, index) => {
      if (!ruleIds.has(event.ruleId)) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: ['expected', index, 'ruleId'], message: `no rule ${event.ruleId} in the scene` })
      }
      if (event.atSeconds > manifest.durationSeconds) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: ['expected', index, 'atSeconds'], message: 'after the end of the clip' })
      }
    })
    for (const [index, ruleId] of (manifest.strictRules ?? []).entries()) {
      if (!ruleIds.has(ruleId)) context.addIssue({ code: z.ZodIssueCode.custom, path: ['strictRules', index], message: `no rule ${ruleId}` })
    }
  })
export type ScenarioManifest = z.infer<typeof ScenarioManifestSchema>
