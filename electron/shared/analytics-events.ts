import { z } from 'zod'
import { CameraIdSchema } from './camera'
import { ModuleIdSchema } from './compliance'
import { AlertPrioritySchema, ClassGroupSchema, NormBoxSchema, RULE_KINDS, type RuleKind } from './scene'

/** The object detectors shipped with Vigie (manifests in models/); NanoDet-Plus is the default. */
export const DETECTOR_MODEL_IDS = ['nanodet-plus-416', 'yolox-nano-416', 'fastestdet-352'] as const
export const DetectorModelIdSchema = z.enum(DETECTOR_MODEL_IDS)
export type DetectorModelId = z.infer<typeof DetectorModelIdSchema>
export const DEFAULT_DETECTOR_MODEL_ID: DetectorModelId = 'nanodet-plus-416'

export const DetectorChoiceSchema = z.object({
  active: DetectorModelIdSchema,
  models: z.array(
    z.object({
      id: DetectorModelIdSchema,
      name: z.string(),
      licence: z.string(),
      /** False until `npm run assets` has fetched its file. */
      present: z.boolean()
    })
  )
})
export type DetectorChoice = z.infer<typeof DetectorChoiceSchema>

export const EVENT_KINDS = [
  'intrusion',
  'zone-exit',
  'line-crossing',
  'loitering',
  'object-left',
  'object-removed',
  'unusual-speed',
  'dispersal',
  'crowd-density',
  'people-count',
  /** A plate on a watch list (State services only). */
  'plate-hit',
  /** A parked vehicle whose plate is on no parking-rights list: for an agent to check (FPS). */
  'parking-unpaid'
] as const
export const EventKindSchema = z.enum(EVENT_KINDS)
export type EventKind = z.infer<typeof EventKindSchema>

export const RuleKindSchema = z.enum(RULE_KINDS as [RuleKind, ...RuleKind[]])

/** The detector behind an event, so a reviewer knows what produced it and with which thresholds. */
export const EventModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  scoreThreshold: z.number(),
  nmsIou: z.number()
})

/**
 * One thing a rule saw. Boxes are fractions of the image. `details` are flat facts (zone, class,
 * dwell, counts…): never a face, never a biometric attribute. `alert` is false for counting, which
 * keeps numbers only and has no snapshot.
 */
export const AnalyticsEventSchema = z.object({
  id: z.number().int(),
  cameraId: CameraIdSchema,
  ruleId: z.string(),
  ruleName: z.string(),
  ruleKind: RuleKindSchema,
  moduleId: ModuleIdSchema,
  kind: EventKindSchema,
  priority: AlertPrioritySchema,
  /** Time of the analysed frame, ms since the epoch. */
  at: z.number(),
  /** When the core stored it: `recordedAt - at` is the detection latency. */
  recordedAt: z.number(),
  boxes: z.array(NormBoxSchema),
  trackIds: z.array(z.number().int()),
  details: z.record(z.union([z.string(), z.number(), z.boolean()])),
  alert: z.boolean(),
  hasSnapshot: z.boolean(),
  model: EventModelSchema,
  /** The rule's parameters when it fired (thresholds, dwell…). */
  parameters: z.record(z.unknown())
})
export type AnalyticsEvent = z.infer<typeof AnalyticsEventSchema>

export const EventQuerySchema = z
  .object({
    cameraId: CameraIdSchema.optional(),
    kinds: z.array(EventKindSchema).max(EVENT_KINDS.length).optional(),
    /** Only alerts (the default) or counting updates too. */
    alertsOnly: z.boolean().default(true),
    from: z.number().optional(),
    to: z.number().optional(),
    /** Paging: events with an id below this one. */
    before: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(500).default(100)
  })
  .strict()
export type EventQuery = z.infer<typeof EventQuerySchema>
export type EventQueryInput = z.input<typeof EventQuerySchema>

/** What a tile draws over a camera while its analytics run: one message per analysed frame. */
export const OverlayTrackSchema = z.object({
  id: z.number().int(),
  group: ClassGroupSchema,
  label: z.string(),
  box: NormBoxSchema,
  score: z.number()
})
export const OverlayCountSchema = z.object({
  ruleId: z.string(),
  in: z.number().int(),
  out: z.number().int(),
  /** -1 when the rule has no zone. */
  occupancy: z.number().int()
})
export const AnalyticsOverlaySchema = z.object({
  cameraId: CameraIdSchema,
  at: z.number(),
  tracks: z.array(OverlayTrackSchema),
  counts: z.array(OverlayCountSchema),
  /** True when the frame was judged still and the detector was not run again. */
  still: z.boolean()
})
export type AnalyticsOverlay = z.infer<typeof AnalyticsOverlaySchema>
