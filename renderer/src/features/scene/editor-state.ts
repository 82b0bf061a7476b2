import type { NormPoint } from '../../../../electron/shared/scene'
import { roundFraction, translateWithin, type ShapeKind, type ShapeRef } from './geometry'
import { allIds, ID_PREFIX, nextItemId, type LineDraft, type MaskDraft, type RuleDraft, type SceneDraft, type ZoneDraft } from './scene-form'

/**
 * What the scene editor holds between two saves: the draft, the drawing in progress, the selection,
 * and an undo history. A pure reducer, so that drawing, editing and undoing are tested without a screen.
 */

export type Tool = 'select' | ShapeKind

export type Selection = { kind: 'shape'; shape: ShapeRef; vertex: number | null } | { kind: 'rule'; id: string }

export interface EditorState {
  draft: SceneDraft
  past: SceneDraft[]
  future: SceneDraft[]
  /** Consecutive edits with the same key (one drag, one field being typed) make one undo step. */
  lastEditKey: string | null
  tool: Tool
  /** Points placed so far by the zone, mask or line tool. */
  drawing: NormPoint[]
  selection: Selection | null
}

/** Largest polygon the core accepts. */
export const MAX_VERTICES = 64
const HISTORY_LIMIT = 100

export function initialEditorState(draft: SceneDraft): EditorState {
  return { draft, past: [], future: [], lastEditKey: null, tool: 'select', drawing: [], selection: null }
}

export type DefaultName = (kind: ShapeKind, number: number) => string

export type EditorAction =
  | { type: 'reset'; draft: SceneDraft }
  /** The core's copy after a save: becomes the draft without an undo step; the selection stays if it can. */
  | { type: 'replaceDraft'; draft: SceneDraft }
  | { type: 'setTool'; tool: Tool }
  | { type: 'addPoint'; point: NormPoint; name: DefaultName }
  | { type: 'removeLastPoint' }
  | { type: 'closeDrawing'; name: DefaultName }
  | { type: 'cancelDrawing' }
  | { type: 'select'; selection: Selection | null }
  | { type: 'moveVertex'; shape: ShapeRef; index: number; point: NormPoint; editKey: string }
  | { type: 'moveShape'; shape: ShapeRef; origin: SceneDraft; dx: number; dy: number; editKey: string }
  | { type: 'insertVertex'; shape: ShapeRef; afterIndex: number; point: NormPoint }
  | { type: 'deleteVertex'; shape: ShapeRef; index: number }
  | { type: 'deleteShape'; shape: ShapeRef }
  | { type: 'swapLine'; id: string }
  | { type: 'updateZone'; id: string; patch: Partial<Omit<ZoneDraft, 'id'>>; editKey: string | null }
  | { type: 'updateLine'; id: string; patch: Partial<Omit<LineDraft, 'id'>>; editKey: string | null }
  | { type: 'updateMask'; id: string; patch: Partial<Omit<MaskDraft, 'id'>>; editKey: string | null }
  | { type: 'addRule'; rule: RuleDraft }
  | { type: 'updateRule'; id: string; rule: RuleDraft; editKey: string | null }
  | { type: 'deleteRule'; id: string }
  | { type: 'undo' }
  | { type: 'redo' }

/** The polygon (zone or mask) or the line's two ends, as a list of points. */
export function shapePoints(draft: SceneDraft, shape: ShapeRef): NormPoint[] | null {
  if (shape.kind === 'line') {
    const line = draft.lines.find((l) => l.id === shape.id)
    return line ? [line.start, line.end] : null
  }
  const list = shape.kind === 'zone' ? draft.zones : draft.masks
  return list.find((item) => item.id === shape.id)?.polygon ?? null
}

function withPoints(draft: SceneDraft, shape: ShapeRef, points: NormPoint[]): SceneDraft {
  if (shape.kind === 'line') {
    return { ...draft, lines: draft.lines.map((line) => (line.id === shape.id ? { ...line, start: points[0], end: points[1] } : line)) }
  }
  if (shape.kind === 'zone') return { ...draft, zones: draft.zones.map((zone) => (zone.id === shape.id ? { ...zone, polygon: points } : zone)) }
  return { ...draft, masks: draft.masks.map((mask) => (mask.id === shape.id ? { ...mask, polygon: points } : mask)) }
}

const samePoint = (a: NormPoint, b: NormPoint): boolean => a.x === b.x && a.y === b.y

const rounded = (p: NormPoint): NormPoint => ({ x: roundFraction(p.x), y: roundFraction(p.y) })

/** A change of the draft: recorded for undo unless it continues the previous edit (same key). */
function commit(state: EditorState, draft: SceneDraft, editKey: string | null, rest: Partial<EditorState> = {}): EditorState {
  if (draft === state.draft) return { ...state, ...rest }
  const continues = editKey !== null && editKey === state.lastEditKey
  const past = continues ? state.past : [...state.past, state.draft].slice(-HISTORY_LIMIT)
  return { ...state, ...rest, draft, past, future: [], lastEditKey: editKey }
}

function createShape(state: EditorState, kind: ShapeKind, points: NormPoint[], name: DefaultName): EditorState {
  const list = kind === 'zone' ? 'zones' : kind === 'line' ? 'lines' : 'masks'
  const { id, number } = nextItemId(ID_PREFIX[list], allIds(state.draft))
  const draft: SceneDraft =
    kind === 'zone'
      ? { ...state.draft, zones: [...state.draft.zones, { id, name: name(kind, number), polygon: points, groundAreaM2: '' }] }
      : kind === 'mask'
        ? { ...state.draft, masks: [...state.draft.masks, { id, name: name(kind, number), polygon: points }] }
        : { ...state.draft, lines: [...state.draft.lines, { id, name: name(kind, number), start: points[0], end: points[1] }] }
  return commit(state, draft, null, { drawing: [], tool: 'select', selection: { kind: 'shape', shape: { kind, id }, vertex: null } })
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'reset':
      return initialEditorState(action.draft)

    case 'replaceDraft':
      return { ...state, draft: action.draft, lastEditKey: null, selection: selectionStillThere(action.draft, state.selection) }

    case 'setTool':
      return { ...state, tool: action.tool, drawing: [], selection: action.tool === 'select' ? state.selection : null, lastEditKey: null }

    case 'addPoint': {
      if (state.tool === 'select') return state
      const point = rounded(action.point)
      const last = state.drawing[state.drawing.length - 1]
      // A double-click lands twice on the same spot: one vertex is meant.
      if (last && samePoint(last, point)) return state
      if (state.tool === 'line') {
        if (state.drawing.length === 0) return { ...state, drawing: [point] }
        return createShape(state, 'line', [state.drawing[0], point], action.name)
      }
      if (state.drawing.length >= MAX_VERTICES) return state
      return { ...state, drawing: [...state.drawing, point] }
    }

    case 'removeLastPoint':
      return { ...state, drawing: state.drawing.slice(0, -1) }

    case 'closeDrawing':
      if ((state.tool !== 'zone' && state.tool !== 'mask') || state.drawing.length < 3) return state
      return createShape(state, state.tool, state.drawing, action.name)

    case 'cancelDrawing':
      return { ...state, drawing: [] }

    case 'select':
      return { ...state, selection: action.selection, lastEditKey: null }

    case 'moveVertex': {
      const points = shapePoints(state.draft, action.shape)
      if (!points || action.index < 0 || action.index >= points.length) return state
      const point = rounded(action.point)
      // A line's two ends may not meet: the core refuses a line of length zero.
      if (action.shape.kind === 'line' && samePoint(point, points[1 - action.index])) return state
      const next = points.map((p, i) => (i === action.index ? point : p))
      return commit(state, withPoints(state.draft, action.shape, next), action.editKey)
    }

    case 'moveShape': {
      // Moves from where the drag started, so the shape follows the pointer without drifting.
      const points = shapePoints(action.origin, action.shape)
      if (!points) return state
      return commit(state, withPoints(state.draft, action.shape, translateWithin(points, action.dx, action.dy)), action.editKey)
    }

    case 'insertVertex': {
      const points = shapePoints(state.draft, action.shape)
      if (!points || action.shape.kind === 'line' || points.length >= MAX_VERTICES) return state
      const next = [...points.slice(0, action.afterIndex + 1), rounded(action.point), ...points.slice(action.afterIndex + 1)]
      return commit(state, withPoints(state.draft, action.shape, next), null, {
        selection: { kind: 'shape', shape: action.shape, vertex: action.afterIndex + 1 }
      })
    }

    case 'deleteVertex': {
      const points = shapePoints(state.draft, action.shape)
      // A polygon keeps three vertices; a line's ends cannot go (delete the line itself).
      if (!points || action.shape.kind === 'line' || points.length <= 3) return state
      const next = points.filter((_, i) => i !== action.index)
      return commit(state, withPoints(state.draft, action.shape, next), null, {
        selection: { kind: 'shape', shape: action.shape, vertex: null }
      })
    }

    case 'deleteShape': {
      const { kind, id } = action.shape
      const draft: SceneDraft =
        kind === 'zone'
          ? {
              ...state.draft,
              zones: state.draft.zones.filter((zone) => zone.id !== id),
              // Rules that watched it lose it, and say so until another is chosen.
              rules: state.draft.rules.map((rule) => (rule.zoneId === id ? { ...rule, zoneId: '' } : rule))
            }
          : kind === 'line'
            ? {
                ...state.draft,
                lines: state.draft.lines.filter((line) => line.id !== id),
                rules: state.draft.rules.map((rule) => (rule.lineId === id ? { ...rule, lineId: '' } : rule))
              }
            : { ...state.draft, masks: state.draft.masks.filter((mask) => mask.id !== id) }
      return commit(state, draft, null, { selection: null })
    }

    case 'swapLine':
      return commit(
        state,
        { ...state.draft, lines: state.draft.lines.map((line) => (line.id === action.id ? { ...line, start: line.end, end: line.start } : line)) },
        null
      )

    case 'updateZone':
      return commit(state, { ...state.draft, zones: state.draft.zones.map((zone) => (zone.id === action.id ? { ...zone, ...action.patch } : zone)) }, action.editKey)

    case 'updateLine':
      return commit(state, { ...state.draft, lines: state.draft.lines.map((line) => (line.id === action.id ? { ...line, ...action.patch } : line)) }, action.editKey)

    case 'updateMask':
      return commit(state, { ...state.draft, masks: state.draft.masks.map((mask) => (mask.id === action.id ? { ...mask, ...action.patch } : mask)) }, action.editKey)

    case 'addRule':
      return commit(state, { ...state.draft, rules: [...state.draft.rules, action.rule] }, null, { selection: { kind: 'rule', id: action.rule.id } })

    case 'updateRule':
      return commit(state, { ...state.draft, rules: state.draft.rules.map((rule) => (rule.id === action.id ? action.rule : rule)) }, action.editKey)

    case 'deleteRule':
      return commit(state, { ...state.draft, rules: state.draft.rules.filter((rule) => rule.id !== action.id) }, null, {
        selection: state.selection?.kind === 'rule' && state.selection.id === action.id ? null : state.selection
      })

    case 'undo': {
      if (state.past.length === 0) return state
      const draft = state.past[state.past.length - 1]
      return {
        ...state,
        draft,
        past: state.past.slice(0, -1),
        future: [state.draft, ...state.future],
        lastEditKey: null,
        drawing: [],
        selection: selectionStillThere(draft, state.selection)
      }
    }

    case 'redo': {
      if (state.future.length === 0) return state
      const [draft, ...future] = state.future
      return {
        ...state,
        draft,
        past: [...state.past, state.draft],
        future,
        lastEditKey: null,
        drawing: [],
        selection: selectionStillThere(draft, state.selection)
      }
    }
  }
}

function selectionStillThere(draft: SceneDraft, selection: Selection | null): Selection | null {
  if (!selection) return null
  if (selection.kind === 'rule') return draft.rules.some((rule) => rule.id === selection.id) ? selection : null
  const points = shapePoints(draft, selection.shape)
  if (!points) return null
  return selection.vertex !== null && selection.vertex >= points.length ? { ...selection, vertex: null } : selection
}

export function selectedShape(state: EditorState): ShapeRef | null {
  return state.selection?.kind === 'shape' ? state.selection.shape : null
}
