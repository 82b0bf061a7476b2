import { z } from 'zod'
import {
  COUNTS_ONLY_KINDS,
  RULE_GEOMETRY,
  RULE_PARAMETERS,
  SceneSchema,
  type ClassGroupSchema,
  type NormPoint,
  type RuleKind,
  type Scene,
  type SceneInput,
  type SceneRuleInput
} from '../../../../electron/shared/scene'
import { frenchErrorMap } from '../../../../electron/shared/zod-fr'

/**
 * The scene as the editor's forms hold it, and the way back. Numbers stay as typed (« 1,5 ») until
 * they are sent, so a half-typed value is never silently turned into something else; the parameters
 * of each rule kind, their defaults and their bounds are read from RULE_PARAMETERS itself, so the
 * forms follow the core's schema without a second copy of it.
 */

export type AlertPriority = 'low' | 'normal' | 'high'
export type ClassGroup = z.infer<typeof ClassGroupSchema>
export type SceneList = 'zones' | 'lines' | 'masks' | 'rules'

/** Every parameter name of every rule kind. */
export type ParamName = { [K in RuleKind]: keyof (typeof RULE_PARAMETERS)[K] & string }[RuleKind]

export type ParamValue = string | boolean | string[] | { low: string; high: string }

export interface ZoneDraft {
  id: string
  name: string
  polygon: NormPoint[]
  /** m², as typed; empty when unknown. */
  groundAreaM2: string
}

export interface LineDraft {
  id: string
  name: string
  start: NormPoint
  end: NormPoint
}

export interface MaskDraft {
  id: string
  name: string
  polygon: NormPoint[]
}

export interface RuleDraft {
  id: string
  name: string
  kind: RuleKind
  enabled: boolean
  priority: AlertPriority
  /** Empty when none. */
  zoneId: string
  lineId: string
  params: Partial<Record<ParamName, ParamValue>>
}

export interface SceneDraft {
  zones: ZoneDraft[]
  lines: LineDraft[]
  masks: MaskDraft[]
  rules: RuleDraft[]
}

export const EMPTY_DRAFT: SceneDraft = { zones: [], lines: [], masks: [], rules: [] }

// --- Parameter fields, read from the schema ---------------------------------------------------

export type ParamUnit = 'seconds' | 'px' | 'personsPerM2' | 'fraction' | 'factor' | 'heightsPerSecond' | 'samples' | 'tracks'

export interface NumberBound {
  value: number
  inclusive: boolean
}

export type ParamField =
  | { name: ParamName; type: 'number'; unit: ParamUnit | null; integer: boolean; min: NumberBound | null; max: NumberBound | null; defaultValue: number }
  | { name: ParamName; type: 'boolean'; defaultValue: boolean }
  | { name: ParamName; type: 'enum'; options: readonly string[]; defaultValue: string }
  | { name: ParamName; type: 'classes'; options: readonly ClassGroup[]; defaultValue: ClassGroup[] }
  | { name: ParamName; type: 'thresholds'; unit: ParamUnit; defaultValue: { low: number; high: number } }

const UNIT_BY_NAME: Partial<Record<ParamName, ParamUnit>> = {
  minChangedFraction: 'fraction',
  hysteresis: 'fraction',
  baselineAlpha: 'fraction',
  speedFactor: 'factor',
  dispersalAccelerationFactor: 'factor',
  minSpeedHeightsPerSecond: 'heightsPerSecond',
  warmupSamples: 'samples',
  dispersalMinTracks: 'tracks'
}

/** The unit a parameter is expressed in, read from its name (…Seconds, …Px) or from the table above. */
export function unitOf(name: ParamName): ParamUnit | null {
  if (name.endsWith('Seconds')) return 'seconds'
  if (name.endsWith('Px')) return 'px'
  return UNIT_BY_NAME[name] ?? null
}

function numberBounds(schema: z.ZodNumber): { integer: boolean; min: NumberBound | null; max: NumberBound | null } {
  let min: NumberBound | null = null
  let max: NumberBound | null = null
  let integer = false
  for (const check of schema._def.checks) {
    if (check.kind === 'int') integer = true
    if (check.kind === 'min' && (min === null || check.value > min.value)) min = { value: check.value, inclusive: check.inclusive }
    if (check.kind === 'max' && (max === null || check.value < max.value)) max = { value: check.value, inclusive: check.inclusive }
  }
  return { integer, min, max }
}

function describeField(name: ParamName, schema: z.ZodTypeAny): ParamField {
  const defaultValue: unknown = schema.parse(undefined)
  const inner: z.ZodTypeAny = schema instanceof z.ZodDefault ? (schema.removeDefault() as z.ZodTypeAny) : schema
  if (inner instanceof z.ZodNumber) return { name, type: 'number', unit: unitOf(name), ...numberBounds(inner), defaultValue: defaultValue as number }
  if (inner instanceof z.ZodBoolean) return { name, type: 'boolean', defaultValue: defaultValue as boolean }
  if (inner instanceof z.ZodEnum) return { name, type: 'enum', options: inner.options as string[], defaultValue: defaultValue as string }
  if (inner instanceof z.ZodArray && inner.element instanceof z.ZodEnum) {
    return { name, type: 'classes', options: inner.element.options as ClassGroup[], defaultValue: defaultValue as ClassGroup[] }
  }
  // The density thresholds: an object of two numbers behind a refinement.
  return { name, type: 'thresholds', unit: 'personsPerM2', defaultValue: defaultValue as { low: number; high: number } }
}

const FIELDS = new Map<RuleKind, ParamField[]>()

/** The parameters of a rule kind, in the schema's order, with their defaults and bounds. */
export function paramFields(kind: RuleKind): ParamField[] {
  let fields = FIELDS.get(kind)
  if (!fields) {
    fields = Object.entries(RULE_PARAMETERS[kind]).map(([name, schema]) => describeField(name as ParamName, schema as z.ZodTypeAny))
    FIELDS.set(kind, fields)
  }
  return fields
}

export const isCountsOnly = (kind: RuleKind): boolean => COUNTS_ONLY_KINDS.includes(kind)

// --- Numbers as typed --------------------------------------------------------------------------

/** « 1,5 », « 1.5 », « 12 » → a number; anything else → null. Spaces (thousands) are ignored. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null
  const value = Number(cleaned)
  return Number.isFinite(value) ? value : null
}

export type DecimalSeparator = ',' | '.'

export function formatDecimal(value: number, separator: DecimalSeparator): string {
  const text = String(Math.round(value * 1e6) / 1e6)
  return separator === ',' ? text.replace('.', ',') : text
}

function paramToDraft(field: ParamField, value: unknown, separator: DecimalSeparator): ParamValue {
  switch (field.type) {
    case 'number':
      return formatDecimal(typeof value === 'number' ? value : field.defaultValue, separator)
    case 'boolean':
      return typeof value === 'boolean' ? value : field.defaultValue
    case 'enum':
      return typeof value === 'string' ? value : field.defaultValue
    case 'classes':
      return Array.isArray(value) ? value.map(String) : [...field.defaultValue]
    case 'thresholds': {
      const thresholds = (value ?? field.defaultValue) as { low: number; high: number }
      return { low: formatDecimal(thresholds.low, separator), high: formatDecimal(thresholds.high, separator) }
    }
  }
}

/** A kind's parameters at their defaults, as the form holds them. */
export function defaultParams(kind: RuleKind, separator: DecimalSeparator): RuleDraft['params'] {
  return Object.fromEntries(paramFields(kind).map((field) => [field.name, paramToDraft(field, undefined, separator)]))
}

// --- Scene ↔ draft -----------------------------------------------------------------------------

export function draftFromScene(scene: Scene, separator: DecimalSeparator = ','): SceneDraft {
  return {
    zones: scene.zones.map((zone) => ({
      id: zone.id,
      name: zone.name,
      polygon: zone.polygon.map((p) => ({ ...p })),
      groundAreaM2: zone.groundAreaM2 === undefined ? '' : formatDecimal(zone.groundAreaM2, separator)
    })),
    lines: scene.lines.map((line) => ({ id: line.id, name: line.name, start: { ...line.start }, end: { ...line.end } })),
    masks: scene.masks.map((mask) => ({ id: mask.id, name: mask.name, polygon: mask.polygon.map((p) => ({ ...p })) })),
    rules: scene.rules.map((rule) => {
      const values = rule as unknown as Record<string, unknown>
      return {
        id: rule.id,
        name: rule.name,
        kind: rule.kind,
        enabled: rule.enabled,
        priority: rule.priority,
        zoneId: rule.zoneId ?? '',
        lineId: rule.lineId ?? '',
        params: Object.fromEntries(paramFields(rule.kind).map((field) => [field.name, paramToDraft(field, values[field.name], separator)]))
      }
    })
  }
}

/** One problem, attached to the item (and field) it is about; `list` null for the scene as a whole. */
export interface SceneIssue {
  list: SceneList | null
  itemId: string | null
  /** A property of the item (`name`, `zoneId`, `polygon`, a parameter…); null for the item as a whole. */
  field: string | null
  message: string
}

export interface DraftConversion {
  scene: SceneInput
  /** Values that are not numbers; the scene then carries NaN in their place and must not be sent. */
  issues: SceneIssue[]
}

const NOT_A_NUMBER = 'nombre attendu'

/** The scene to send. Numbers that do not parse are reported, by item and field. */
export function sceneFromDraft(draft: SceneDraft): DraftConversion {
  const issues: SceneIssue[] = []
  const number = (list: SceneList, itemId: string, field: string, text: string): number => {
    const value = parseDecimal(text)
    if (value === null) {
      issues.push({ list, itemId, field, message: text.trim() === '' ? 'valeur requise' : NOT_A_NUMBER })
      return Number.NaN
    }
    return value
  }
  const scene: SceneInput = {
    zones: draft.zones.map((zone) => ({
      id: zone.id,
      name: zone.name.trim(),
      polygon: zone.polygon.map((p) => ({ x: p.x, y: p.y })),
      ...(zone.groundAreaM2.trim() === '' ? {} : { groundAreaM2: number('zones', zone.id, 'groundAreaM2', zone.groundAreaM2) })
    })),
    lines: draft.lines.map((line) => ({ id: line.id, name: line.name.trim(), start: { ...line.start }, end: { ...line.end } })),
    masks: draft.masks.map((mask) => ({ id: mask.id, name: mask.name.trim(), polygon: mask.polygon.map((p) => ({ x: p.x, y: p.y })) })),
    rules: draft.rules.map((rule) => {
      const geometry = RULE_GEOMETRY[rule.kind]
      const params: Record<string, unknown> = {}
      for (const field of paramFields(rule.kind)) {
        const value = rule.params[field.name]
        switch (field.type) {
          case 'number':
            params[field.name] = number('rules', rule.id, field.name, typeof value === 'string' ? value : '')
            break
          case 'boolean':
            params[field.name] = typeof value === 'boolean' ? value : field.defaultValue
            break
          case 'enum':
            params[field.name] = typeof value === 'string' ? value : field.defaultValue
            break
          case 'classes':
            params[field.name] = Array.isArray(value) ? value : field.defaultValue
            break
          case 'thresholds': {
            const typed = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { low: '', high: '' }
            params[field.name] = {
              low: number('rules', rule.id, field.name, typed.low),
              high: number('rules', rule.id, field.name, typed.high)
            }
            break
          }
        }
      }
      return {
        id: rule.id,
        name: rule.name.trim(),
        kind: rule.kind,
        enabled: rule.enabled,
        priority: rule.priority,
        // Geometry a kind does not take is dropped rather than refused: it may linger from a change of kind.
        ...(geometry.zone !== 'none' && rule.zoneId !== '' ? { zoneId: rule.zoneId } : {}),
        ...(geometry.line !== 'none' && rule.lineId !== '' ? { lineId: rule.lineId } : {}),
        ...params
      } as SceneRuleInput
    })
  }
  return { scene, issues }
}

// --- Problems, from this screen's check or from the core ---------------------------------------

const LISTS: readonly SceneList[] = ['zones', 'lines', 'masks', 'rules']

function issueAt(draft: SceneDraft, path: ReadonlyArray<string | number>, message: string): SceneIssue {
  const [list, index, field] = path
  if (typeof list === 'string' && (LISTS as readonly string[]).includes(list)) {
    const items = draft[list as SceneList] as ReadonlyArray<{ id: string }>
    const position = typeof index === 'number' ? index : Number(index)
    const item = Number.isInteger(position) ? items[position] : undefined
    if (item) return { list: list as SceneList, itemId: item.id, field: field === undefined ? null : String(field), message }
    return { list: list as SceneList, itemId: null, field: null, message }
  }
  return { list: null, itemId: null, field: null, message }
}

/** Checks the draft against the core's own schema, so most refusals are caught before sending. */
export function validateDraft(draft: SceneDraft): SceneIssue[] {
  const { scene, issues } = sceneFromDraft(draft)
  const parsed = SceneSchema.safeParse(scene, { errorMap: frenchErrorMap })
  if (parsed.success) return issues
  const seen = new Set(issues.map((issue) => `${issue.itemId}/${issue.field}`))
  const schemaIssues = parsed.error.issues
    .map((issue) => issueAt(draft, issue.path, issue.message))
    // A NaN already reported as « nombre attendu » need not be reported twice.
    .filter((issue) => !seen.has(`${issue.itemId}/${issue.field}`))
  return [...issues, ...schemaIssues]
}

/**
 * The core's refusal (« scene.rules.0.zoneId : cette règle a besoin d’une zone ; … ») turned into
 * problems attached to the items of the draft that was sent. A message without a recognisable path
 * is kept whole, for the scene as a whole.
 */
export function issuesFromCoreMessage(message: string, sent: SceneDraft): SceneIssue[] {
  const parts = message.split(' ; ')
  const issues: SceneIssue[] = []
  for (const part of parts) {
    const separator = part.indexOf(' : ')
    if (separator === -1) {
      issues.push({ list: null, itemId: null, field: null, message: part })
      continue
    }
    const path = part
      .slice(0, separator)
      .split('.')
      .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
    const text = part.slice(separator + 3)
    const start = path[0] === 'scene' ? 1 : 0
    const rest = path.slice(start)
    if (rest.length === 0 || !(LISTS as readonly unknown[]).includes(rest[0])) {
      issues.push({ list: null, itemId: null, field: null, message: part })
      continue
    }
    issues.push(issueAt(sent, rest, text))
  }
  return issues
}

// --- Ids, names, new items -----------------------------------------------------------------------

export function allIds(draft: SceneDraft): Set<string> {
  return new Set([...draft.zones, ...draft.lines, ...draft.masks, ...draft.rules].map((item) => item.id))
}

/** The first `prefix-n` not taken, and its n (for the default name: « Zone 3 »). */
export function nextItemId(prefix: string, taken: ReadonlySet<string>): { id: string; number: number } {
  for (let number = 1; ; number++) {
    const id = `${prefix}-${number}`
    if (!taken.has(id)) return { id, number }
  }
}

export const ID_PREFIX: Record<SceneList, string> = { zones: 'zone', lines: 'ligne', masks: 'masque', rules: 'regle' }

/** A new rule at its defaults; the first zone and line are preselected where the kind needs them. */
export function newRuleDraft(kind: RuleKind, draft: SceneDraft, name: string, separator: DecimalSeparator, id?: string): RuleDraft {
  const geometry = RULE_GEOMETRY[kind]
  return {
    id: id ?? nextItemId(ID_PREFIX.rules, allIds(draft)).id,
    name,
    kind,
    enabled: true,
    priority: 'normal',
    zoneId: geometry.zone === 'required' ? (draft.zones[0]?.id ?? '') : '',
    lineId: geometry.line === 'required' || kind === 'people-counting' ? (draft.lines[0]?.id ?? '') : '',
    params: defaultParams(kind, separator)
  }
}

/** The same rule as another kind: parameters back to that kind's defaults, geometry kept where it still applies. */
export function changeRuleKind(rule: RuleDraft, kind: RuleKind, draft: SceneDraft, separator: DecimalSeparator): RuleDraft {
  if (rule.kind === kind) return rule
  const fresh = newRuleDraft(kind, draft, rule.name, separator, rule.id)
  const geometry = RULE_GEOMETRY[kind]
  return {
    ...fresh,
    enabled: rule.enabled,
    priority: rule.priority,
    zoneId: geometry.zone === 'none' ? '' : rule.zoneId || fresh.zoneId,
    lineId: geometry.line === 'none' ? '' : rule.lineId || fresh.lineId
  }
}

/** Whether two drafts say the same thing (the unsaved-changes guard). */
export function sameDraft(a: SceneDraft, b: SceneDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Rules that watch a zone or a line, to say what deleting it would affect. */
export function rulesUsing(draft: SceneDraft, list: 'zones' | 'lines', id: string): RuleDraft[] {
  return draft.rules.filter((rule) => (list === 'zones' ? rule.zoneId === id : rule.lineId === id))
}
