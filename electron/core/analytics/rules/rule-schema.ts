import { z } from 'zod'
import { RULE_PARAMETERS, type RuleKind } from '../../../shared/scene'

/**
 * Rules as the engine runs them: the parameters of shared/scene.ts plus geometry in analysis-frame
 * pixels. A scene (fractions of the image, zones referenced by id) is compiled into these by
 * scene-compiler.ts once the frame size is known.
 */

const point = z.object({ x: z.number().finite(), y: z.number().finite() }).strict()

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

const base = {
  id: z.string().min(1),
  name: z.string().min(1)
}


/** Discriminated on `kind` so that a mistake is reported against the rule's own fields. */
export const ruleDefinitionSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...base, kind: z.literal('intrusion'), zone: zoneSchema, ...RULE_PARAMETERS['intrusion'] }).strict(),
    z.object({ ...base, kind: z.literal('zone-exit'), zone: zoneSchema, ...RULE_PARAMETERS['zone-exit'] }).strict(),
    z.object({ ...base, kind: z.literal('loitering'), zone: zoneSchema, ...RULE_PARAMETERS['loitering'] }).strict(),
    z.object({ ...base, kind: z.literal('line-crossing'), line: lineSchema, ...RULE_PARAMETERS['line-crossing'] }).strict(),
    /** Where to watch; the whole image when the zone is absent. */
    z.object({ ...base, kind: z.literal('object-left'), zone: zoneSchema.optional(), ...RULE_PARAMETERS['object-left'] }).strict(),
    z.object({ ...base, kind: z.literal('object-removed'), zone: zoneSchema, ...RULE_PARAMETERS['object-removed'] }).strict(),
    z.object({ ...base, kind: z.literal('unusual-movement'), ...RULE_PARAMETERS['unusual-movement'] }).strict(),
    z.object({ ...base, kind: z.literal('crowd-density'), zone: zoneSchema.extend({ groundAreaM2: z.number().positive() }).strict(), ...RULE_PARAMETERS['crowd-density'] }).strict(),
    z.object({ ...base, kind: z.literal('people-counting'), line: lineSchema.optional(), zone: zoneSchema.optional(), ...RULE_PARAMETERS['people-counting'] }).strict()
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
export type { RuleKind }
export type RuleOf<K extends RuleKind> = Extract<RuleDefinition, { kind: K }>
