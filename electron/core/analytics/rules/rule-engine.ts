import { CrowdDensityRule } from './crowd-density-rule'
import { IntrusionRule } from './intrusion-rule'
import { LineCrossingRule } from './line-crossing-rule'
import { LoiteringRule } from './loitering-rule'
import { ObjectLeftRule } from './object-left-rule'
import { ObjectRemovedRule } from './object-removed-rule'
import { PeopleCountingRule } from './people-counting-rule'
import type { RuleEvaluator, RuleEvent, RuleFrame } from './rule-event'
import { cameraRulesSchema, type RuleDefinition } from './rule-schema'
import { UnusualMovementRule } from './unusual-movement-rule'
import { ZoneExitRule } from './zone-exit-rule'

function evaluatorFor(rule: RuleDefinition): RuleEvaluator {
  switch (rule.kind) {
    case 'intrusion':
      return new IntrusionRule(rule)
    case 'zone-exit':
      return new ZoneExitRule(rule)
    case 'loitering':
      return new LoiteringRule(rule)
    case 'line-crossing':
      return new LineCrossingRule(rule)
    case 'object-left':
      return new ObjectLeftRule(rule)
    case 'object-removed':
      return new ObjectRemovedRule(rule)
    case 'unusual-movement':
      return new UnusualMovementRule(rule)
    case 'crowd-density':
      return new CrowdDensityRule(rule)
    case 'people-counting':
      return new PeopleCountingRule(rule)
  }
}

/**
 * The rules of one camera, fed with that camera's tracks frame after frame. Definitions are
 * validated here (a ZodError is thrown on the first bad one) because they come from operators'
 * configuration. Only boxes, classes and motion are ever looked at: no face, no biometric
 * attribute.
 */
export class RuleEngine {
  private readonly rules: Array<{ id: string; evaluator: RuleEvaluator }>

  constructor(
    readonly cameraId: string,
    definitions: unknown
  ) {
    this.rules = cameraRulesSchema.parse(definitions).map((rule) => ({ id: rule.id, evaluator: evaluatorFor(rule) }))
  }

  process(frame: RuleFrame): RuleEvent[] {
    return this.rules.flatMap(({ id, evaluator }) =>
      evaluator.evaluate(frame).map((outcome) => ({ ...outcome, rule: id, cameraId: this.cameraId, at: frame.at }))
    )
  }
}
