import { describe, expect, it } from 'vitest'
import { cameraRulesSchema, ruleDefinitionSchema } from '../../../electron/core/analytics/rules'
import { square } from './synthetic-tracks'

describe('rule definitions', () => {
  it('applies defaults', () => {
    const rule = ruleDefinitionSchema.parse({ id: 'r', name: 'Parvis', kind: 'intrusion', zone: square('z', 0, 0, 10, 10) })
    expect(rule).toMatchObject({ classes: ['person'], minDwellSeconds: 0 })
  })

  it('rejects unknown fields (strict), including inside zones', () => {
    expect(() => ruleDefinitionSchema.parse({ id: 'r', name: 'n', kind: 'loitering', zone: square('z', 0, 0, 9, 9), dwellSeconds: 5, face: true })).toThrow()
    expect(() =>
      ruleDefinitionSchema.parse({ id: 'r', name: 'n', kind: 'loitering', dwellSeconds: 5, zone: { ...square('z', 0, 0, 9, 9), colour: 'red' } })
    ).toThrow()
  })

  it('rejects unknown kinds, degenerate zones and lines', () => {
    expect(() => ruleDefinitionSchema.parse({ id: 'r', name: 'n', kind: 'face-match' })).toThrow()
    expect(() =>
      ruleDefinitionSchema.parse({ id: 'r', name: 'n', kind: 'intrusion', zone: { id: 'z', name: 'z', polygon: [{ x: 0, y: 0 }, { x: 1, y: 1 }] } })
    ).toThrow()
    expect(() =>
      ruleDefinitionSchema.parse({ id: 'r', name: 'n', kind: 'line-crossing', line: { start: { x: 1, y: 1 }, end: { x: 1, y: 1 } } })
    ).toThrow()
  })

  it('requires a ground area and ordered thresholds for crowd density', () => {
    const base = { id: 'r', name: 'n', kind: 'crowd-density' }
    expect(() => ruleDefinitionSchema.parse({ ...base, zone: square('z', 0, 0, 9, 9), thresholds: { low: 1, high: 2 } })).toThrow()
    expect(() => ruleDefinitionSchema.parse({ ...base, zone: { ...square('z', 0, 0, 9, 9), groundAreaM2: 20 }, thresholds: { low: 2, high: 1 } })).toThrow()
    expect(ruleDefinitionSchema.parse({ ...base, zone: { ...square('z', 0, 0, 9, 9), groundAreaM2: 20 }, thresholds: { low: 1, high: 2 } }).kind).toBe('crowd-density')
  })

  it('requires a line or a zone for counting, and unique ids per camera', () => {
    expect(() => ruleDefinitionSchema.parse({ id: 'r', name: 'n', kind: 'people-counting' })).toThrow(/line, a zone/)
    const rule = { id: 'r', name: 'n', kind: 'people-counting', zone: square('z', 0, 0, 9, 9) }
    expect(() => cameraRulesSchema.parse([rule, rule])).toThrow(/duplicate/)
  })
})
