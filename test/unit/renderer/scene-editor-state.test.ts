import { describe, expect, it } from 'vitest'
import { editorReducer, initialEditorState, MAX_VERTICES, type EditorAction, type EditorState } from '../../../renderer/src/features/scene/editor-state'
import { EMPTY_DRAFT, type SceneDraft } from '../../../renderer/src/features/scene/scene-form'

const name = (kind: string, number: number): string => `${kind} ${number}`
const run = (state: EditorState, ...actions: EditorAction[]): EditorState => actions.reduce(editorReducer, state)
const point = (x: number, y: number) => ({ type: 'addPoint' as const, point: { x, y }, name })

function withZone(): EditorState {
  return run(initialEditorState(EMPTY_DRAFT), { type: 'setTool', tool: 'zone' }, point(0.1, 0.1), point(0.5, 0.1), point(0.5, 0.5), { type: 'closeDrawing', name })
}

describe('drawing', () => {
  it('closes a zone of three points or more, names it and selects it', () => {
    const state = withZone()
    expect(state.draft.zones).toEqual([
      {
        id: 'zone-1',
        name: 'zone 1',
        groundAreaM2: '',
        polygon: [
          { x: 0.1, y: 0.1 },
          { x: 0.5, y: 0.1 },
          { x: 0.5, y: 0.5 }
        ]
      }
    ])
    expect(state.tool).toBe('select')
    expect(state.drawing).toEqual([])
    expect(state.selection).toEqual({ kind: 'shape', shape: { kind: 'zone', id: 'zone-1' }, vertex: null })
    expect(state.past).toHaveLength(1)
  })

  it('does not close fewer than three points, and ignores a point placed twice', () => {
    const state = run(initialEditorState(EMPTY_DRAFT), { type: 'setTool', tool: 'mask' }, point(0.1, 0.1), point(0.1, 0.1), point(0.3, 0.3), { type: 'closeDrawing', name })
    expect(state.drawing).toHaveLength(2)
    expect(state.draft.masks).toEqual([])
  })

  it('takes back the last point, and cancels the whole drawing', () => {
    let state = run(initialEditorState(EMPTY_DRAFT), { type: 'setTool', tool: 'zone' }, point(0.1, 0.1), point(0.2, 0.2), { type: 'removeLastPoint' })
    expect(state.drawing).toEqual([{ x: 0.1, y: 0.1 }])
    state = run(state, { type: 'cancelDrawing' })
    expect(state.drawing).toEqual([])
    expect(state.tool).toBe('zone')
  })

  it('draws a line in two clicks, never of length zero', () => {
    let state = run(initialEditorState(EMPTY_DRAFT), { type: 'setTool', tool: 'line' }, point(0.2, 0.8), point(0.2, 0.8))
    expect(state.draft.lines).toEqual([])
    state = run(state, point(0.8, 0.8))
    expect(state.draft.lines).toEqual([{ id: 'ligne-1', name: 'line 1', start: { x: 0.2, y: 0.8 }, end: { x: 0.8, y: 0.8 } }])
  })

  it('stops at the largest polygon the core accepts', () => {
    let state = run(initialEditorState(EMPTY_DRAFT), { type: 'setTool', tool: 'zone' })
    for (let i = 0; i < MAX_VERTICES + 5; i++) state = run(state, point(i / 100, (i % 2) / 10))
    expect(state.drawing).toHaveLength(MAX_VERTICES)
  })

  it('gives each new shape a free id', () => {
    const state = run(withZone(), { type: 'setTool', tool: 'zone' }, point(0.6, 0.6), point(0.9, 0.6), point(0.9, 0.9), { type: 'closeDrawing', name })
    expect(state.draft.zones.map((zone) => zone.id)).toEqual(['zone-1', 'zone-2'])
  })
})

describe('editing', () => {
  const zone = { kind: 'zone' as const, id: 'zone-1' }

  it('makes one undo step of a whole drag', () => {
    let state = withZone()
    state = run(
      state,
      { type: 'moveVertex', shape: zone, index: 0, point: { x: 0.05, y: 0.05 }, editKey: 'drag-1' },
      { type: 'moveVertex', shape: zone, index: 0, point: { x: 0.02, y: 0.03 }, editKey: 'drag-1' }
    )
    expect(state.draft.zones[0].polygon[0]).toEqual({ x: 0.02, y: 0.03 })
    expect(state.past).toHaveLength(2)
    state = run(state, { type: 'undo' })
    expect(state.draft.zones[0].polygon[0]).toEqual({ x: 0.1, y: 0.1 })
    state = run(state, { type: 'redo' })
    expect(state.draft.zones[0].polygon[0]).toEqual({ x: 0.02, y: 0.03 })
  })

  it('moves a whole shape from where the drag began, kept inside the image', () => {
    const start = withZone()
    const state = run(
      start,
      { type: 'moveShape', shape: zone, origin: start.draft, dx: 0.1, dy: 0, editKey: 'drag-2' },
      { type: 'moveShape', shape: zone, origin: start.draft, dx: 0.9, dy: 0, editKey: 'drag-2' }
    )
    expect(state.draft.zones[0].polygon.map((p) => p.x)).toEqual([0.6, 1, 1])
    expect(state.past).toHaveLength(2)
  })

  it('inserts a vertex on an edge and selects it', () => {
    const state = run(withZone(), { type: 'insertVertex', shape: zone, afterIndex: 0, point: { x: 0.3, y: 0.1 } })
    expect(state.draft.zones[0].polygon).toHaveLength(4)
    expect(state.draft.zones[0].polygon[1]).toEqual({ x: 0.3, y: 0.1 })
    expect(state.selection).toEqual({ kind: 'shape', shape: zone, vertex: 1 })
  })

  it('keeps at least three vertices', () => {
    let state = withZone()
    state = run(state, { type: 'deleteVertex', shape: zone, index: 0 })
    expect(state.draft.zones[0].polygon).toHaveLength(3)
    state = run(state, { type: 'insertVertex', shape: zone, afterIndex: 0, point: { x: 0.3, y: 0.1 } }, { type: 'deleteVertex', shape: zone, index: 2 })
    expect(state.draft.zones[0].polygon).toEqual([
      { x: 0.1, y: 0.1 },
      { x: 0.3, y: 0.1 },
      { x: 0.5, y: 0.5 }
    ])
  })

  it('unlinks the rules of a deleted zone or line', () => {
    const draft: SceneDraft = {
      ...EMPTY_DRAFT,
      zones: [{ id: 'zone-1', name: 'Z', groundAreaM2: '', polygon: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }] }],
      lines: [{ id: 'ligne-1', name: 'L', start: { x: 0, y: 0 }, end: { x: 1, y: 1 } }],
      rules: [
        { id: 'r1', name: 'I', kind: 'intrusion', enabled: true, priority: 'normal', zoneId: 'zone-1', lineId: '', params: {} },
        { id: 'r2', name: 'C', kind: 'people-counting', enabled: true, priority: 'normal', zoneId: 'zone-1', lineId: 'ligne-1', params: {} }
      ]
    }
    let state = run(initialEditorState(draft), { type: 'deleteShape', shape: zone })
    expect(state.draft.zones).toEqual([])
    expect(state.draft.rules.map((rule) => rule.zoneId)).toEqual(['', ''])
    state = run(state, { type: 'deleteShape', shape: { kind: 'line', id: 'ligne-1' } })
    expect(state.draft.rules[1].lineId).toBe('')
    state = run(state, { type: 'undo' }, { type: 'undo' })
    expect(state.draft).toEqual(draft)
  })

  it('swaps a line’s sides', () => {
    const state = run(initialEditorState(EMPTY_DRAFT), { type: 'setTool', tool: 'line' }, point(0.1, 0.5), point(0.9, 0.5), { type: 'swapLine', id: 'ligne-1' })
    expect(state.draft.lines[0]).toMatchObject({ start: { x: 0.9, y: 0.5 }, end: { x: 0.1, y: 0.5 } })
  })

  it('makes one undo step of a word typed in a field', () => {
    let state = withZone()
    for (const text of ['P', 'Pa', 'Par']) state = run(state, { type: 'updateZone', id: 'zone-1', patch: { name: text }, editKey: 'zone-1-name' })
    expect(state.past).toHaveLength(2)
    state = run(state, { type: 'undo' })
    expect(state.draft.zones[0].name).toBe('zone 1')
  })

  it('takes the core’s copy after a save without an undo step, keeping the selection', () => {
    const state = withZone()
    const saved = run(state, { type: 'replaceDraft', draft: { ...state.draft, zones: [{ ...state.draft.zones[0], name: 'Parvis' }] } })
    expect(saved.past).toEqual(state.past)
    expect(saved.selection).toEqual(state.selection)
    expect(run(saved, { type: 'replaceDraft', draft: EMPTY_DRAFT }).selection).toBeNull()
  })

  it('forgets a selection that an undo removed', () => {
    const state = run(withZone(), { type: 'undo' })
    expect(state.draft.zones).toEqual([])
    expect(state.selection).toBeNull()
  })
})
