import { z } from 'zod'

const point = z.object({ x: z.number().finite(), y: z.number().finite() }).strict()

const classGroup = z.enum(['person', 'vehicle', 'two-wheeler', 'bag', 'other'])
const classFilter = z.array(classGroup).min(1)

/** A zone drawn on the image; its ground area (m², measured by the user on site or on a map) makes densities possible. */
export const zoneSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    polygon: z.array(point).min(3),
    groundAreaM2: z.number().positive().optional()
  })
  .strict()

const lineSchema = z.object({ start: point, end: point }).strict().refine((l) => l.start.x !== l.end.x || l.start.y !== l.end.y, {
  message: 'a line needs two distinct points'
})

const crossingDirection = z.enum(['A->B', 'B->A', 'both'])
const seconds = z.number().nonnegative()
const pixels = z.number().nonnegative()

const base = {
  id: z.string().min(1),
  name: z.string().min(1)
}

const intrusion = z
  .object({ ...base, kind: z.literal('intrusion'), zone: zoneSchema, classes: classFilter.default(['person']), minDwellSeconds: seconds.default(0) })
  .strict()

const zoneExit = z
  .object({ ...base, kind: z.literal('zone-exit'), zone: zoneSchema, classes: classFilter.default(['person']), minDwellSeconds: seconds.default(0) })
  .strict()

const loitering = z
  .object({ ...base, kind: z.literal('loitering'), zone: zoneSchema, classes: classFilter.default(['person']), dwellSeconds: z.number().positive() })
  .strict()

const lineCrossing = z
  .object({
    ...base,
    kind: z.literal('line-crossing'),
    line: lineSchema,
    direction: crossingDirection.default('both'),
    classes: classFilter.default(['person']),
    /** A track must get this far from the line on the other side before a crossing counts. */
    hysteresisPx: pixels.default(8),
    /** When true, a track counts at most once per direction, however often it goes back and forth. */
    oncePerTrack: z.boolean().default(false)
  })
  .strict()

const objectLeft = z
  .object({
    ...base,
    kind: z.literal('object-left'),
    /** Where to watch; the whole image when absent. */
    zone: zoneSchema.optional(),
    stationarySeconds: z.number().positive(),
    stationaryRadiusPx: pixels.default(15),
    ownerRadiusPx: pixels.default(120)
  })
  .strict()

const objectRemoved = z
  .object({
    ...base,
    kind: z.literal('object-removed'),
    zone: zoneSchema,
    persistSeconds: z.number().positive(),
    minChangedFraction: z.number().gt(0).max(1).default(0.5),
    sampleStepPx: z.number().positive().default(6)
  })
  .strict()

const unusualMovement = z
  .object({
    ...base,
    kind: z.literal('unusual-movement'),
    classes: classFilter.default(['person']),
    /** Alert when a track's speed exceeds the learned mean by this factor. */
    speedFactor: z.number().gt(1).default(3),
    /** Speeds below this (body heights per second) never alert, whatever the baseline. */
    minSpeedHeightsPerSecond: z.number().nonnegative().default(1.5),
    warmupSamples: z.number().int().positive().default(300),
    /** Weight of one new sample in the moving average once warmed up. */
    baselineAlpha: z.number().gt(0).lt(1).default(0.01),
    dispersalMinTracks: z.number().int().min(2).default(4),
    dispersalAccelerationFactor: z.number().gt(1).default(2),
    cooldownSeconds: seconds.default(10)
  })
  .strict()

const densityThresholds = z
  .object({ low: z.number().positive(), high: z.number().positive() })
  .strict()
  .refine((t) => t.low < t.high, { message: 'low must be below high' })

const crowdDensity = z
  .object({
    ...base,
    kind: z.literal('crowd-density'),
    zone: zoneSchema.extend({ groundAreaM2: z.number().positive() }).strict(),
    /** Persons per square metre. */
    thresholds: densityThresholds,
    /** A level is left only once the density falls this fraction below its threshold. */
    hysteresis: z.number().min(0).lt(1).default(0.2),
    /** A new level must hold this long before it is reported. */
    minHoldSeconds: seconds.default(2)
  })
  .strict()

const peopleCounting = z
  .object({
    ...base,
    kind: z.literal('people-counting'),
    line: lineSchema.optional(),
    /** Which crossing direction of the line means entering. */
    inDirection: z.enum(['A->B', 'B->A']).default('A->B'),
    hysteresisPx: pixels.default(8),
    zone: zoneSchema.optional()
  })
  .strict()

/** Discriminated on `kind` so that a mistake is reported against the rule's own fields. */
export const ruleDefinitionSchema = z
  .discriminatedUnion('kind', [
    intrusion,
    zoneExit,
    loitering,
    lineCrossing,
    objectLeft,
    objectRemoved,
    unusualMovement,
    crowdDensity,
    peopleCounting
  ])
  .superRefine((rule, context) => {
    if (rule.kind === 'people-counting' && rule.line === undefined && rule.zone === undefined) {
      context.addIssue({ code: z.ZodIssueCode.custom, message: 'counting needs a line, a zone or both' })
    }
  })

export const cameraRulesSchema = z.array(ruleDefinitionSchema).superRefine((rules, context) => {
  const seen = new Set<string>()
  for (const rule of rules) {
    if (seen.has(rule.id)) context.addIssue({ code: z.ZodIssueCode.custom, message: `duplicate rule id ${rule.id}` })
    seen.add(rule.id)
  }
})

export type ZoneDefinition = z.infer<typeof zoneSchema>
export type RuleDefinition = z.infer<typeof ruleDefinitionSchema>
/** What an editor or a config file may supply: defaults not yet applied. */
export type RuleDefinitionInput = z.input<typeof ruleDefinitionSchema>
export type RuleKind = RuleDefinition['kind']
export type RuleOf<K extends RuleKind> = Extract<RuleDefinition, { kind: K }>
