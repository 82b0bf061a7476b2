import { describe, expect, it } from 'vitest'
import { RULE_KINDS, SceneSchema, type SceneInput } from '../../../electron/shared/scene'
import {
  changeRuleKind,
  draftFromScene,
  issuesFromCoreMessage,
  newRuleDraft,
  nextItemId,
  paramFields,
  parseDecimal,
  sameDraft,
  sceneFromDraft,
  validateDraft,
  type SceneDraft
} from '../../../renderer/src/features/scene/scene-form'

const square = [
  { x: 0.1, y: 0.1 },
  { x: 0.5, y: 0.1 },
  { x: 0.5, y: 0.5 },
  { x: 0.1, y: 0.5 }
]

/** A scene using every rule kind, with some parameters away from their defaults. */
const FULL: SceneInput = {
  zones: [
    { id: 'zone-1', name: 'Parvis', polygon: square, groundAreaM2: 120.5 },
    { id: 'zone-2', name: 'Quai', polygon: square.map((p) => ({ x: p.x + 0.4, y: p.y })) }
  ],
  lines: [{ id: 'ligne-1', name: 'Entrée', start: { x: 0.2, y: 0.8 }, end: { x: 0.8, y: 0.8 } }],
  masks: [{ id: 'masque-1', name: 'Fenêtres', polygon: square.map((p) => ({ x: p.x, y: p.y + 0.4 })) }],
  rules: [
    { id: 'r1', name: 'Intrusion', kind: 'intrusion', zoneId: 'zone-1', classes: ['person', 'vehicle'], minDwellSeconds: 2.5 },
    { id: 'r2', name: 'Sortie', kind: 'zone-exit', zoneId: 'zone-2', enabled: false },
    { id: 'r3', name: 'Maraudage', kind: 'loitering', zoneId: 'zone-1', dwellSeconds: 90, priority: 'high' },
    { id: 'r4', name: 'Franchissement', kind: 'line-crossing', lineId: 'ligne-1', direction: 'B->A', oncePerTrack: true },
    { id: 'r5', name: 'Bagage', kind: 'object-left' },
    { id: 'r6', name: 'Retrait', kind: 'object-removed', zoneId: 'zone-2', minChangedFraction: 0.25 },
    { id: 'r7', name: 'Course', kind: 'unusual-movement', baselineAlpha: 0.02, warmupSamples: 500 },
    { id: 'r8', name: 'Foule', kind: 'crowd-density', zoneId: 'zone-1', thresholds: { low: 1.5, high: 3 } },
    { id: 'r9', name: 'Comptage', kind: 'people-counting', lineId: 'ligne-1', zoneId: 'zone-1', inDirection: 'B->A' }
  ]
}

describe('parameter fields, read from RULE_PARAMETERS', () => {
  it('describes each kind’s parameters with their defaults, bounds and units', () => {
    const intrusion = paramFields('intrusion')
    expect(intrusion.map((field) => field.name)).toEqual(['classes', 'minDwellSeconds'])
    expect(intrusion[0]).toMatchObject({ type: 'classes', defaultValue: ['person'], options: ['person', 'vehicle', 'two-wheeler', 'bag', 'other'] })
    expect(intrusion[1]).toMatchObject({
      type: 'number',
      unit: 'seconds',
      defaultValue: 0,
      integer: false,
      min: { value: 0, inclusive: true },
      max: { value: 86_400, inclusive: true }
    })
  })

  it('knows pixels, integers, strict bounds, choices, switches and the density thresholds', () => {
    const crossing = Object.fromEntries(paramFields('line-crossing').map((field) => [field.name, field]))
    expect(crossing.hysteresisPx).toMatchObject({ type: 'number', unit: 'px', defaultValue: 8 })
    expect(crossing.direction).toMatchObject({ type: 'enum', options: ['A->B', 'B->A', 'both'], defaultValue: 'both' })
    expect(crossing.oncePerTrack).toMatchObject({ type: 'boolean', defaultValue: false })
    const movement = Object.fromEntries(paramFields('unusual-movement').map((field) => [field.name, field]))
    expect(movement.warmupSamples).toMatchObject({ integer: true, unit: 'samples' })
    expect(movement.baselineAlpha).toMatchObject({ min: { value: 0, inclusive: false }, max: { value: 1, inclusive: false }, unit: 'fraction' })
    const density = Object.fromEntries(paramFields('crowd-density').map((field) => [field.name, field]))
    expect(density.thresholds).toMatchObject({ type: 'thresholds', unit: 'personsPerM2', defaultValue: { low: 2, high: 4 } })
  })

  it('covers all eleven kinds', () => {
    expect(RULE_KINDS).toHaveLength(11)
    expect(paramFields('plate-watchlist').map((field) => field.name)).toEqual(['minConfidence', 'minReads'])
    for (const kind of RULE_KINDS) expect(paramFields(kind).length).toBeGreaterThan(0)
  })
})

describe('numbers as typed', () => {
  it('reads French and English decimals, and refuses the rest', () => {
    expect(parseDecimal('1,5')).toBe(1.5)
    expect(parseDecimal('1.5')).toBe(1.5)
    expect(parseDecimal(' 12 ')).toBe(12)
    expect(parseDecimal('86 400')).toBe(86_400)
    expect(parseDecimal(',5')).toBe(0.5)
    expect(parseDecimal('')).toBeNull()
    expect(parseDecimal('abc')).toBeNull()
    expect(parseDecimal('1,2,3')).toBeNull()
  })
})

describe('scene ↔ form', () => {
  it('gives back the same scene after a round trip through the form', () => {
    const scene = SceneSchema.parse(FULL)
    const draft = draftFromScene(scene)
    const { scene: back, issues } = sceneFromDraft(draft)
    expect(issues).toEqual([])
    expect(SceneSchema.parse(back)).toEqual(scene)
  })

  it('shows numbers with the language’s decimal mark', () => {
    const scene = SceneSchema.parse(FULL)
    const fr = draftFromScene(scene, ',')
    expect(fr.zones[0].groundAreaM2).toBe('120,5')
    expect(fr.zones[1].groundAreaM2).toBe('')
    expect(fr.rules.find((rule) => rule.id === 'r7')?.params.baselineAlpha).toBe('0,02')
    expect(fr.rules.find((rule) => rule.id === 'r8')?.params.thresholds).toEqual({ low: '1,5', high: '3' })
    expect(draftFromScene(scene, '.').zones[0].groundAreaM2).toBe('120.5')
  })

  it('fills every parameter a stored rule left out with its default', () => {
    const draft = draftFromScene(SceneSchema.parse(FULL))
    expect(draft.rules.find((rule) => rule.id === 'r5')?.params).toEqual({ stationarySeconds: '30', stationaryRadiusPx: '15', ownerRadiusPx: '120' })
  })

  it('reports a number that does not parse, on its item and field', () => {
    const draft = draftFromScene(SceneSchema.parse(FULL))
    draft.zones[0].groundAreaM2 = 'grand'
    draft.rules[0].params.minDwellSeconds = ''
    const { issues } = sceneFromDraft(draft)
    expect(issues).toEqual([
      { list: 'zones', itemId: 'zone-1', field: 'groundAreaM2', message: 'nombre attendu' },
      { list: 'rules', itemId: 'r1', field: 'minDwellSeconds', message: 'valeur requise' }
    ])
  })

  it('drops geometry a kind does not take (left over from a change of kind)', () => {
    const draft = draftFromScene(SceneSchema.parse(FULL))
    const rule = { ...draft.rules[0], kind: 'unusual-movement' as const, params: draft.rules[6].params }
    const { scene } = sceneFromDraft({ ...draft, rules: [rule] })
    expect(scene.rules?.[0]).not.toHaveProperty('zoneId')
  })

  it('tells when two drafts differ', () => {
    const a = draftFromScene(SceneSchema.parse(FULL))
    const b = draftFromScene(SceneSchema.parse(FULL))
    expect(sameDraft(a, b)).toBe(true)
    b.lines[0].name = 'Sortie'
    expect(sameDraft(a, b)).toBe(false)
  })
})

describe('problems before sending', () => {
  const base = (): SceneDraft => draftFromScene(SceneSchema.parse(FULL))

  it('finds none in a valid scene', () => {
    expect(validateDraft(base())).toEqual([])
  })

  it('attaches the core schema’s problems to the right item and field', () => {
    const draft = base()
    draft.rules[0].zoneId = ''
    draft.zones[1].name = '  '
    const issues = validateDraft(draft)
    expect(issues).toContainEqual({ list: 'rules', itemId: 'r1', field: 'zoneId', message: 'cette règle a besoin d’une zone' })
    expect(issues).toContainEqual(expect.objectContaining({ list: 'zones', itemId: 'zone-2', field: 'name' }))
  })

  it('asks for a ground area before a density can be computed', () => {
    const draft = base()
    draft.zones[0].groundAreaM2 = ''
    expect(validateDraft(draft)).toContainEqual(expect.objectContaining({ list: 'rules', itemId: 'r8', field: 'zoneId' }))
  })

  it('refuses a counting rule with neither line nor zone, and thresholds in the wrong order', () => {
    const draft = base()
    const counting = draft.rules.find((rule) => rule.id === 'r9')!
    counting.lineId = ''
    counting.zoneId = ''
    draft.rules.find((rule) => rule.id === 'r8')!.params.thresholds = { low: '5', high: '3' }
    const issues = validateDraft(draft)
    expect(issues).toContainEqual(expect.objectContaining({ itemId: 'r9', field: 'lineId' }))
    expect(issues).toContainEqual({ list: 'rules', itemId: 'r8', field: 'thresholds', message: 'le seuil bas doit être inférieur au seuil haut' })
  })

  it('reports an unparsed number once, not twice', () => {
    const draft = base()
    draft.rules[0].params.minDwellSeconds = 'x'
    expect(validateDraft(draft).filter((issue) => issue.field === 'minDwellSeconds')).toHaveLength(1)
  })
})

describe('the core’s refusal, placed', () => {
  it('maps « path : message » parts onto the items that were sent', () => {
    const sent = draftFromScene(SceneSchema.parse(FULL))
    const issues = issuesFromCoreMessage(
      'scene.rules.7.zoneId : la zone « Parvis » n’a pas de surface au sol (m²) : la densité ne peut pas être calculée ; scene.zones.1.polygon.2.x : doit être au plus 1',
      sent
    )
    expect(issues).toEqual([
      { list: 'rules', itemId: 'r8', field: 'zoneId', message: 'la zone « Parvis » n’a pas de surface au sol (m²) : la densité ne peut pas être calculée' },
      { list: 'zones', itemId: 'zone-2', field: 'polygon', message: 'doit être au plus 1' }
    ])
  })

  it('keeps a message about something else whole, for the scene as a whole', () => {
    const sent = draftFromScene(SceneSchema.parse(FULL))
    expect(issuesFromCoreMessage('cameraId : format invalide', sent)).toEqual([{ list: null, itemId: null, field: null, message: 'cameraId : format invalide' }])
    expect(issuesFromCoreMessage('Caméra inconnue.', sent)).toEqual([{ list: null, itemId: null, field: null, message: 'Caméra inconnue.' }])
  })
})

describe('new rules and ids', () => {
  const draft = draftFromScene(SceneSchema.parse(FULL))

  it('takes the first free number', () => {
    expect(nextItemId('zone', new Set(['zone-1', 'zone-2', 'zone-4']))).toEqual({ id: 'zone-3', number: 3 })
    expect(newRuleDraft('intrusion', draft, 'Intrusion 2', ',').id).toBe('regle-1')
  })

  it('starts at the defaults, with the first zone or line where the kind needs one', () => {
    const intrusion = newRuleDraft('intrusion', draft, 'Intrusion 2', ',')
    expect(intrusion).toMatchObject({ kind: 'intrusion', zoneId: 'zone-1', lineId: '', enabled: true, priority: 'normal' })
    expect(intrusion.params).toEqual({ classes: ['person'], minDwellSeconds: '0' })
    expect(newRuleDraft('line-crossing', draft, 'L', ',')).toMatchObject({ zoneId: '', lineId: 'ligne-1' })
    expect(newRuleDraft('people-counting', draft, 'C', ',')).toMatchObject({ zoneId: '', lineId: 'ligne-1' })
    expect(newRuleDraft('object-left', draft, 'O', ',')).toMatchObject({ zoneId: '', lineId: '' })
    expect(newRuleDraft('crowd-density', draft, 'D', '.').params.thresholds).toEqual({ low: '2', high: '4' })
  })

  it('changes kind with the new kind’s defaults, keeping what still applies', () => {
    const loitering = changeRuleKind(draft.rules[0], 'loitering', draft, ',')
    expect(loitering).toMatchObject({ id: 'r1', name: 'Intrusion', kind: 'loitering', zoneId: 'zone-1' })
    expect(loitering.params).toEqual({ classes: ['person'], dwellSeconds: '60' })
    const crossing = changeRuleKind(draft.rules[0], 'line-crossing', draft, ',')
    expect(crossing).toMatchObject({ zoneId: '', lineId: 'ligne-1' })
  })
})
