import { z } from 'zod'
import type { ModuleId } from './compliance'

/**
 * A camera's scene: what an admin or a supervisor draws over its image (zones, tripwires, privacy
 * masks) and the rules that watch them. Coordinates are fractions of the image (0 to 1 from the
 * top-left corner), so a drawing survives a change of resolution and means the same thing on the
 * wall, in the editor and in the analysis frames.
 */

export const NormPointSchema = z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }).strict()
export type NormPoint = z.infer<typeof NormPointSchema>

/** A box as fractions of the image: what events and overlays carry. */
export const NormBoxSchema = z.object({ x1: z.number(), y1: z.number(), x2: z.number(), y2: z.number() }).strict()
export type NormBox = z.infer<typeof NormBoxSchema>

const SceneItemIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'identifiant : lettres minuscules, chiffres, « - » et « _ »')
const NameSchema = z.string().trim().min(1).max(80)
const PolygonSchema = z.array(NormPointSchema).min(3, 'un polygone a au moins trois sommets').max(64)

export const SceneZoneSchema = z
  .object({
    id: SceneItemIdSchema,
    name: NameSchema,
    polygon: PolygonSchema,
    /** Ground area in m², measured on site or on a map: it turns a head count into a density. */
    groundAreaM2: z.number().positive().max(1_000_000).optional()
  })
  .strict()
export type SceneZone = z.infer<typeof SceneZoneSchema>

/** A tripwire from `start` to `end`: side A is on the left looking along it on screen, side B on the right. */
export const SceneLineSchema = z
  .object({ id: SceneItemIdSchema, name: NameSchema, start: NormPointSchema, end: NormPointSchema })
  .strict()
  .refine((line) => line.start.x !== line.end.x || line.start.y !== line.end.y, { message: 'une ligne a deux points distincts' })
export type SceneLine = z.infer<typeof SceneLineSchema>

/** A polygon over a private place (CSI L251-3): its pixels are blanked before any analysis and on every stored image. */
export const PrivacyMaskSchema = z.object({ id: SceneItemIdSchema, name: NameSchema, polygon: PolygonSchema }).strict()
export type PrivacyMask = z.infer<typeof PrivacyMaskSchema>

export const CLASS_GROUPS = ['person', 'vehicle', 'two-wheeler', 'bag', 'other'] as const
export const ClassGroupSchema = z.enum(CLASS_GROUPS)
const ClassFilterSchema = z.array(ClassGroupSchema).min(1)

export const CROSSING_DIRECTIONS = ['A->B', 'B->A', 'both'] as const
const seconds = z.number().nonnegative().max(86_400)
const positiveSeconds = z.number().positive().max(86_400)
/** Pixel distances are in analysis-frame pixels (640 px wide). */
const pixels = z.number().nonnegative().max(4096)

/**
 * Plate reading decides once per vehicle, on the vote over the frames where its plate was read: a
 * plate is checked against the lists only when that vote is confident enough and rests on enough
 * reads, so a single blurred frame never raises an alert about a vehicle.
 */
const PLATE_RULE_PARAMETERS = {
  minConfidence: z.number().min(0.5).max(0.99).default(0.8),
  minReads: z.number().int().min(1).max(50).default(2)
}

/**
 * The tunable parameters of each rule kind, without geometry. The rule engine adds pixel geometry
 * to them; a scene rule adds references to its zone and line instead. One definition serves both.
 */
export const RULE_PARAMETERS = {
  intrusion: { classes: ClassFilterSchema.default(['person']), minDwellSeconds: seconds.default(0) },
  'zone-exit': { classes: ClassFilterSchema.default(['person']), minDwellSeconds: seconds.default(0) },
  loitering: { classes: ClassFilterSchema.default(['person']), dwellSeconds: positiveSeconds.default(60) },
  'line-crossing': {
    direction: z.enum(CROSSING_DIRECTIONS).default('both'),
    classes: ClassFilterSchema.default(['person']),
    /** A track must get this far from the line on the other side before a crossing counts. */
    hysteresisPx: pixels.default(8),
    /** When true, a track counts at most once per direction, however often it goes back and forth. */
    oncePerTrack: z.boolean().default(false)
  },
  'object-left': {
    stationarySeconds: positiveSeconds.default(30),
    stationaryRadiusPx: pixels.default(15),
    ownerRadiusPx: pixels.default(120)
  },
  'object-removed': {
    persistSeconds: positiveSeconds.default(30),
    minChangedFraction: z.number().gt(0).max(1).default(0.5),
    sampleStepPx: z.number().positive().max(256).default(6)
  },
  'unusual-movement': {
    classes: ClassFilterSchema.default(['person']),
    /** Alert when a track's speed exceeds the learned mean by this factor. */
    speedFactor: z.number().gt(1).max(100).default(3),
    /** Speeds below this (body heights per second) never alert, whatever the baseline. */
    minSpeedHeightsPerSecond: z.number().nonnegative().max(100).default(1.5),
    warmupSamples: z.number().int().positive().max(1_000_000).default(300),
    /** Weight of one new sample in the moving average once warmed up. */
    baselineAlpha: z.number().gt(0).lt(1).default(0.01),
    dispersalMinTracks: z.number().int().min(2).max(1000).default(4),
    dispersalAccelerationFactor: z.number().gt(1).max(100).default(2),
    cooldownSeconds: seconds.default(10)
  },
  'crowd-density': {
    /** Persons per square metre. */
    thresholds: z
      .object({ low: z.number().positive(), high: z.number().positive() })
      .strict()
      .refine((t) => t.low < t.high, { message: 'le seuil bas doit être inférieur au seuil haut' })
      .default({ low: 2, high: 4 }),
    /** A level is left only once the density falls this fraction below its threshold. */
    hysteresis: z.number().min(0).lt(1).default(0.2),
    /** A new level must hold this long before it is reported. */
    minHoldSeconds: seconds.default(2)
  },
  'people-counting': {
    /** Which crossing direction of the line means entering. */
    inDirection: z.enum(['A->B', 'B->A']).default('A->B'),
    hysteresisPx: pixels.default(8)
  },
  'plate-watchlist': PLATE_RULE_PARAMETERS,
  'parking-control': {
    ...PLATE_RULE_PARAMETERS,
    /** A vehicle is checked only once it has been in view this long: time to reach the meter or pay by phone. */
    graceSeconds: seconds.default(0)
  }
} as const

export type RuleKind = keyof typeof RULE_PARAMETERS
export const RULE_KINDS = Object.keys(RULE_PARAMETERS) as RuleKind[]

/** Which geometry each kind needs: a zone, a line, either, or none. */
export const RULE_GEOMETRY: Record<RuleKind, { zone: 'required' | 'optional' | 'none'; line: 'required' | 'optional' | 'none' }> = {
  intrusion: { zone: 'required', line: 'none' },
  'zone-exit': { zone: 'required', line: 'none' },
  loitering: { zone: 'required', line: 'none' },
  'line-crossing': { zone: 'none', line: 'required' },
  'object-left': { zone: 'optional', line: 'none' },
  'object-removed': { zone: 'required', line: 'none' },
  'unusual-movement': { zone: 'none', line: 'none' },
  'crowd-density': { zone: 'required', line: 'none' },
  'people-counting': { zone: 'optional', line: 'optional' },
  // The zone, when drawn, is the reading area: plates whose centre lies outside it are not read.
  'plate-watchlist': { zone: 'optional', line: 'none' },
  'parking-control': { zone: 'optional', line: 'none' }
}

/** The compliance module a rule belongs to: a rule runs only while the lock allows its module on the camera. */
export const RULE_MODULE: Record<RuleKind, ModuleId> = {
  intrusion: 'detection-intrusion',
  'zone-exit': 'detection-sortie-zone',
  loitering: 'detection-intrusion',
  'line-crossing': 'detection-intrusion',
  'object-left': 'detection-objet-abandonne',
  'object-removed': 'detection-objet-retire',
  'unusual-movement': 'detection-mouvement-inhabituel',
  'crowd-density': 'foule-alertes',
  'people-counting': 'comptage-personnes',
  'plate-watchlist': 'lapi-securite',
  'parking-control': 'lapi-stationnement'
}

/** Rules run by the plate reader on vehicle tracks, not by the rule engine. */
export const PLATE_RULE_KINDS: readonly RuleKind[] = ['plate-watchlist', 'parking-control']

/** Counting keeps numbers only: it never raises an alert and never stores an image. */
export const COUNTS_ONLY_KINDS: readonly RuleKind[] = ['people-counting']

export const ALERT_PRIORITIES = ['low', 'normal', 'high'] as const
export const AlertPrioritySchema = z.enum(ALERT_PRIORITIES)
export type AlertPriority = z.infer<typeof AlertPrioritySchema>

const sceneRuleBase = {
  id: SceneItemIdSchema,
  name: NameSchema,
  enabled: z.boolean().default(true),
  priority: AlertPrioritySchema.default('normal'),
  zoneId: SceneItemIdSchema.optional(),
  lineId: SceneItemIdSchema.optional()
}

export const SceneRuleSchema = z.discriminatedUnion('kind', [
  z.object({ ...sceneRuleBase, kind: z.literal('intrusion'), ...RULE_PARAMETERS['intrusion'] }).strict(),
  z.object({ ...sceneRuleBase, kind: z.literal('zone-exit'), ...RULE_PARAMETERS['zone-exit'] }).strict(),
  z.object({ ...sceneRuleBase, kind: z.literal('loitering'), ...RULE_PARAMETERS['loitering'] }).strict(),
  z.object({ ...sceneRuleBase, kind: z.literal('line-crossing'), ...RULE_PARAMETERS['line-crossing'] }).strict(),
  z.object({ ...sceneRuleBase, kind: z.literal('object-left'), ...RULE_PARAMETERS['object-left'] }).strict(),
  z.object({ ...sceneRuleBase, kind: z.literal('object-removed'), ...RULE_PARAMETERS['object-removed'] }).strict(),
  z.object({ ...sceneRuleBase, kind: z.literal('unusual-movement'), ...RULE_PARAMETERS['unusual-movement'] }).strict(),
  z.object({ ...sceneRuleBase, kind: z.literal('crowd-density'), ...RULE_PARAMETERS['crowd-density'] }).strict(),
  z.object({ ...sceneRuleBase, kind: z.literal('people-counting'), ...RULE_PARAMETERS['people-counting'] }).strict(),
  z.object({ ...sceneRuleBase, kind: z.literal('plate-watchlist'), ...RULE_PARAMETERS['plate-watchlist'] }).strict(),
  z.object({ ...sceneRuleBase, kind: z.literal('parking-control'), ...RULE_PARAMETERS['parking-control'] }).strict()
])
export type SceneRule = z.infer<typeof SceneRuleSchema>
export type SceneRuleInput = z.input<typeof SceneRuleSchema>
export type SceneRuleOf<K extends RuleKind> = Extract<SceneRule, { kind: K }>

export const SceneSchema = z
  .object({
    zones: z.array(SceneZoneSchema).max(64).default([]),
    lines: z.array(SceneLineSchema).max(64).default([]),
    masks: z.array(PrivacyMaskSchema).max(64).default([]),
    rules: z.array(SceneRuleSchema).max(64).default([])
  })
  .strict()
  .superRefine((scene, context) => {
    const ids = new Set<string>()
    for (const [list, items] of [
      ['zones', scene.zones],
      ['lines', scene.lines],
      ['masks', scene.masks],
      ['rules', scene.rules]
    ] as const) {
      items.forEach((item, index) => {
        if (ids.has(item.id)) context.addIssue({ code: z.ZodIssueCode.custom, path: [list, index, 'id'], message: `identifiant « ${item.id} » déjà utilisé` })
        ids.add(item.id)
      })
    }
    scene.rules.forEach((rule, index) => {
      const geometry = RULE_GEOMETRY[rule.kind]
      const zone = rule.zoneId === undefined ? undefined : scene.zones.find((z) => z.id === rule.zoneId)
      const line = rule.lineId === undefined ? undefined : scene.lines.find((l) => l.id === rule.lineId)
      const issue = (field: string, message: string): void =>
        context.addIssue({ code: z.ZodIssueCode.custom, path: ['rules', index, field], message })
      if (rule.zoneId !== undefined && !zone) issue('zoneId', `zone « ${rule.zoneId} » inconnue`)
      if (rule.lineId !== undefined && !line) issue('lineId', `ligne « ${rule.lineId} » inconnue`)
      if (geometry.zone === 'required' && rule.zoneId === undefined) issue('zoneId', 'cette règle a besoin d’une zone')
      if (geometry.line === 'required' && rule.lineId === undefined) issue('lineId', 'cette règle a besoin d’une ligne')
      if (geometry.zone === 'none' && rule.zoneId !== undefined) issue('zoneId', 'cette règle ne prend pas de zone')
      if (geometry.line === 'none' && rule.lineId !== undefined) issue('lineId', 'cette règle ne prend pas de ligne')
      if (rule.kind === 'people-counting' && rule.zoneId === undefined && rule.lineId === undefined) {
        issue('lineId', 'le comptage a besoin d’une ligne, d’une zone ou des deux')
      }
      if (rule.kind === 'crowd-density' && zone && zone.groundAreaM2 === undefined) {
        issue('zoneId', `la zone « ${zone.name} » n’a pas de surface au sol (m²) : la densité ne peut pas être calculée`)
      }
    })
  })
export type Scene = z.infer<typeof SceneSchema>
export type SceneInput = z.input<typeof SceneSchema>

export const EMPTY_SCENE: Scene = { zones: [], lines: [], masks: [], rules: [] }
