import { describe, expect, it } from 'vitest'
import { RULE_GEOMETRY, RULE_KINDS, RULE_MODULE, SceneSchema, type SceneInput } from '../../../electron/shared/scene'
import { compileScene } from '../../../electron/core/analytics/scene-compiler'
import { RuleEngine } from '../../../electron/core/analytics/rules/rule-engine'

const square = [
  { x: 0.5, y: 0.5 },
  { x: 1, y: 0.5 },
  { x: 1, y: 1 },
  { x: 0.5, y: 1 }
]

const issues = (scene: unknown): string[] => {
  const parsed = SceneSchema.safeParse(scene)
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

describe('scene schema', () => {
  it('fills every rule kind’s defaults, and each kind belongs to a compliance module', () => {
    for (const kind of RULE_KINDS) {
      expect(RULE_MODULE[kind]).toBeDefined()
      const geometry = RULE_GEOMETRY[kind]
      const scene = {
        zones: [{ id: 'z', name: 'Zone', polygon: square, groundAreaM2: 10 }],
        lines: [{ id: 'l', name: 'Ligne', start: { x: 0, y: 0.5 }, end: { x: 1, y: 0.5 } }],
        rules: [
          {
            id: 'r',
            name: 'Règle',
            kind,
            ...(geometry.zone === 'required' || kind === 'people-counting' ? { zoneId: 'z' } : {}),
            ...(geometry.line === 'required' ? { lineId: 'l' } : {})
          }
        ]
      }
      expect(issues(scene), kind).toEqual([])
    }
  })

  it('names the item at fault: unknown zone, missing geometry, density without area, duplicate ids', () => {
    expect(issues({ rules: [{ id: 'r', name: 'R', kind: 'intrusion', zoneId: 'absente' }] })).toEqual(['rules.0.zoneId: zone « absente » inconnue'])
    expect(issues({ lines: [], rules: [{ id: 'r', name: 'R', kind: 'line-crossing' }] })).toEqual(['rules.0.lineId: cette règle a besoin d’une ligne'])
    expect(issues({ zones: [{ id: 'z', name: 'Z', polygon: square }], rules: [{ id: 'r', name: 'R', kind: 'crowd-density', zoneId: 'z' }] })[0]).toMatch(
      /^rules\.0\.zoneId: .*surface au sol/
    )
    expect(issues({ zones: [{ id: 'z', name: 'Z', polygon: square }], masks: [{ id: 'z', name: 'M', polygon: square }] })).toEqual([
      'masks.0.id: identifiant « z » déjà utilisé'
    ])
    expect(issues({ zones: [{ id: 'z', name: 'Z', polygon: [{ x: 0, y: 0 }, { x: 1.2, y: 0 }, { x: 1, y: 1 }] }] })[0]).toMatch(/^zones\.0\.polygon\.1\.x/)
    expect(issues({ rules: [{ id: 'r', name: 'R', kind: 'intrusion', zoneId: 'z', secret: 1 }], zones: [{ id: 'z', name: 'Z', polygon: square }] })[0]).toMatch(/secret/)
  })
})

describe('compileScene', () => {
  const scene: SceneInput = {
    zones: [{ id: 'z', name: 'Zone', polygon: square }],
    lines: [{ id: 'l', name: 'Ligne', start: { x: 0, y: 0.5 }, end: { x: 1, y: 0.5 } }],
    rules: [
      { id: 'a', name: 'A', kind: 'intrusion', zoneId: 'z', minDwellSeconds: 2 },
      { id: 'b', name: 'B', kind: 'line-crossing', lineId: 'l', direction: 'A->B' },
      { id: 'c', name: 'C', kind: 'loitering', zoneId: 'z', enabled: false }
    ]
  }

  it('scales geometry to the frame, keeps parameters, drops disabled rules, and the engine accepts the result', () => {
    const rules = compileScene(SceneSchema.parse(scene), 640, 360)
    expect(rules.map((rule) => rule.id)).toEqual(['a', 'b'])
    // Vertices on the image's border are pushed beyond it, so a box touching the edge is still inside.
    expect(rules[0]).toMatchObject({ kind: 'intrusion', minDwellSeconds: 2, zone: { id: 'z', polygon: [{ x: 320, y: 180 }, { x: 960, y: 180 }, { x: 960, y: 540 }, { x: 320, y: 540 }] } })
    expect(rules[1]).toMatchObject({ kind: 'line-crossing', direction: 'A->B', line: { start: { x: 0, y: 180 }, end: { x: 640, y: 180 } } })
    expect(() => new RuleEngine('cam', rules)).not.toThrow()
  })

  it('counts a person whose box reaches the bottom edge inside a zone drawn over the whole image', () => {
    const whole = SceneSchema.parse({
      zones: [{ id: 'tout', name: 'Toute l’image', polygon: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }] }],
      rules: [{ id: 'n', name: 'Occupation', kind: 'people-counting', zoneId: 'tout' }]
    })
    const engine = new RuleEngine('cam', compileScene(whole, 640, 360))
    const track = { id: 1, group: 'person' as const, classId: 0, label: 'person', box: { x1: 100, y1: 200, x2: 160, y2: 361 }, score: 0.9, velocity: { x: 0, y: 0 }, history: [], firstSeenAt: 0, lastSeenAt: 0 }
    expect(engine.process({ at: 0, tracks: [track] })[0]?.details).toMatchObject({ occupancy: 1 })
  })

  it('keeps pixel distances the same on the image when a camera is analysed wider, for plate reading', () => {
    const [, crossing] = compileScene(SceneSchema.parse(scene), 1280, 720)
    expect(crossing).toMatchObject({ kind: 'line-crossing', hysteresisPx: 16, line: { start: { x: 0, y: 360 }, end: { x: 1280, y: 360 } } })
    expect(compileScene(SceneSchema.parse(scene), 640, 360)[1]).toMatchObject({ hysteresisPx: 8 })
  })

  it('leaves out what the filter refuses', () => {
    const rules = compileScene(SceneSchema.parse(scene), 640, 360, (rule) => rule.kind !== 'intrusion' && rule.enabled)
    expect(rules.map((rule) => rule.id)).toEqual(['b'])
  })
})
