import { useCallback, useId, useMemo, useRef, useState, type Dispatch, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import type { NormPoint } from '../../../../electron/shared/scene'
import { useApi } from '../../api/api-context'
import { LiveVideo } from '../../player/LiveVideo'
import { shapePoints, type DefaultName, type EditorAction, type EditorState } from './editor-state'
import {
  clamp01,
  containedRect,
  distance,
  hitTest,
  roundFraction,
  svgPoints,
  toImage,
  toScreen,
  type HitShape,
  type Point,
  type Rect,
  type ShapeRef,
  type Size
} from './geometry'
import { MaskHatch, SceneShapes, svgId } from './SceneShapes'
import { useElementSize } from './use-element-size'

/** Pointer distances, in screen pixels. */
const CLOSE_RADIUS = 10
const VERTEX_RADIUS = 9
const EDGE_TOLERANCE = 6
/** Keyboard steps, as fractions of the image (Shift: the larger one). */
const FINE_STEP = 0.005
const COARSE_STEP = 0.05

type Drag =
  | { kind: 'vertex'; shape: ShapeRef; index: number; editKey: string }
  | { kind: 'shape'; shape: ShapeRef; origin: EditorState['draft']; start: Point; editKey: string }

export interface SceneStageProps {
  camera: CameraView
  state: EditorState
  dispatch: Dispatch<EditorAction>
  /** Ids of shapes with a problem to fix. */
  flagged: ReadonlySet<string>
  defaultName: DefaultName
  /** Tells a screen reader what just happened (« 3 points placés »). */
  announce: (text: string) => void
  /** Deletes the selected shape or vertex, saying why when it cannot. */
  onDeleteSelection: () => void
}

/** Where the screen point lies in image fractions, not clamped (for the length of a drag). */
function rawFraction(rect: Rect, p: Point): Point {
  return { x: rect.width > 0 ? (p.x - rect.x) / rect.width : 0, y: rect.height > 0 ? (p.y - rect.y) / rect.height : 0 }
}

const ARROWS: Record<string, Point> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 }
}

/**
 * The camera's live picture with the drawing layer on top. The SVG covers the whole element; the
 * picture sits letterboxed inside it (object-fit: contain), and every point is converted between
 * image fractions and screen pixels through that rectangle, so drawings land where they are seen.
 */
export function SceneStage({ camera, state, dispatch, flagged, defaultName, announce, onDeleteSelection }: SceneStageProps) {
  const { t } = useTranslation()
  const api = useApi()
  const containerRef = useRef<HTMLDivElement>(null)
  const svgRef = useRef<SVGSVGElement>(null)
  const size = useElementSize(containerRef)
  const [videoSize, setVideoSize] = useState<Size | null>(null)
  const [cursor, setCursor] = useState<NormPoint | null>(null)
  const [keyboardCursor, setKeyboardCursor] = useState(false)
  const [hover, setHover] = useState<'vertex' | 'shape' | null>(null)
  const drag = useRef<Drag | null>(null)
  const dragCount = useRef(0)
  const reactId = useId()
  const hatchId = svgId(reactId, 'hatch')
  const helpId = svgId(reactId, 'help')

  const cameraId = camera.id
  const openUrl = useCallback(async () => (await api.call('live.open', { cameraId })).url, [api, cameraId])
  const rect = useMemo(() => containedRect(size, videoSize), [size, videoSize])
  const { draft, tool, drawing, selection } = state
  const selected = selection?.kind === 'shape' ? selection.shape : null
  // A selected rule shows what it watches.
  const selectedRule = selection?.kind === 'rule' ? draft.rules.find((rule) => rule.id === selection.id) : undefined
  const related = useMemo(() => new Set([selectedRule?.zoneId, selectedRule?.lineId].filter((id): id is string => !!id)), [selectedRule])

  // Drawing order, bottom first: masks, zones, lines (hit-testing looks from the top).
  const hitShapes = useMemo<HitShape[]>(
    () => [
      ...draft.masks.map((mask) => ({ ref: { kind: 'mask' as const, id: mask.id }, points: mask.polygon.map((p) => toScreen(rect, p)), closed: true })),
      ...draft.zones.map((zone) => ({ ref: { kind: 'zone' as const, id: zone.id }, points: zone.polygon.map((p) => toScreen(rect, p)), closed: true })),
      ...draft.lines.map((line) => ({ ref: { kind: 'line' as const, id: line.id }, points: [toScreen(rect, line.start), toScreen(rect, line.end)], closed: false }))
    ],
    [draft.masks, draft.zones, draft.lines, rect]
  )

  const local = (event: PointerEvent | { clientX: number; clientY: number }): Point => {
    const bounds = svgRef.current?.getBoundingClientRect()
    return bounds ? { x: event.clientX - bounds.left, y: event.clientY - bounds.top } : { x: 0, y: 0 }
  }

  const hitOptions = { vertexRadius: VERTEX_RADIUS, edgeTolerance: EDGE_TOLERANCE, selected, vertices: 'selected' as const }

  const placePoint = (point: NormPoint): void => {
    if (tool === 'zone' || tool === 'mask') announce(t('scene.announce.point', { count: drawing.length + 1 }))
    dispatch({ type: 'addPoint', point, name: defaultName })
  }

  const closeDrawing = (): void => dispatch({ type: 'closeDrawing', name: defaultName })

  const onPointerDown = (event: PointerEvent<SVGSVGElement>): void => {
    if (event.button !== 0) return
    svgRef.current?.focus({ preventScroll: true })
    setKeyboardCursor(false)
    const p = local(event)
    if (tool === 'zone' || tool === 'mask') {
      const first = drawing[0]
      if (drawing.length >= 3 && first && distance(toScreen(rect, first), p) <= CLOSE_RADIUS) closeDrawing()
      else placePoint(toImage(rect, p))
      return
    }
    if (tool === 'line') {
      placePoint(toImage(rect, p))
      return
    }
    const hit = hitTest(hitShapes, p, hitOptions)
    if (!hit) {
      dispatch({ type: 'select', selection: null })
      return
    }
    const editKey = `drag-${++dragCount.current}`
    if (hit.kind === 'vertex') {
      dispatch({ type: 'select', selection: { kind: 'shape', shape: hit.shape, vertex: hit.index } })
      drag.current = { kind: 'vertex', shape: hit.shape, index: hit.index, editKey }
    } else {
      dispatch({ type: 'select', selection: { kind: 'shape', shape: hit.shape, vertex: null } })
      drag.current = { kind: 'shape', shape: hit.shape, origin: draft, start: rawFraction(rect, p), editKey }
    }
    event.currentTarget.setPointerCapture(event.pointerId)
  }

  const onPointerMove = (event: PointerEvent<SVGSVGElement>): void => {
    const p = local(event)
    const current = drag.current
    if (current?.kind === 'vertex') {
      dispatch({ type: 'moveVertex', shape: current.shape, index: current.index, point: toImage(rect, p), editKey: current.editKey })
      return
    }
    if (current?.kind === 'shape') {
      const now = rawFraction(rect, p)
      dispatch({ type: 'moveShape', shape: current.shape, origin: current.origin, dx: now.x - current.start.x, dy: now.y - current.start.y, editKey: current.editKey })
      return
    }
    if (tool !== 'select') {
      setCursor(toImage(rect, p))
      setKeyboardCursor(false)
      return
    }
    const hit = hitTest(hitShapes, p, hitOptions)
    const next = hit ? (hit.kind === 'vertex' ? 'vertex' : 'shape') : null
    if (next !== hover) setHover(next)
  }

  const endDrag = (event: PointerEvent<SVGSVGElement>): void => {
    if (!drag.current) return
    drag.current = null
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId)
  }

  const onDoubleClick = (event: { clientX: number; clientY: number }): void => {
    if (tool !== 'select') return
    const hit = hitTest(hitShapes, local(event), { ...hitOptions, vertexRadius: 0 })
    if (hit?.kind === 'edge' && hit.shape.kind !== 'line') {
      dispatch({ type: 'insertVertex', shape: hit.shape, afterIndex: hit.index, point: toImage(rect, hit.point) })
    }
  }

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    const arrow = ARROWS[event.key]
    const drawingTool = tool !== 'select'
    if (arrow) {
      event.preventDefault()
      if (drawingTool) {
        const step = event.shiftKey ? COARSE_STEP : FINE_STEP * 2
        const from = cursor ?? { x: 0.5, y: 0.5 }
        setCursor({ x: roundFraction(clamp01(from.x + arrow.x * step)), y: roundFraction(clamp01(from.y + arrow.y * step)) })
        setKeyboardCursor(true)
        return
      }
      if (selection?.kind !== 'shape') return
      const step = event.shiftKey ? COARSE_STEP : FINE_STEP
      const points = shapePoints(draft, selection.shape)
      if (!points) return
      if (selection.vertex !== null) {
        const p = points[selection.vertex]
        dispatch({
          type: 'moveVertex',
          shape: selection.shape,
          index: selection.vertex,
          point: { x: clamp01(p.x + arrow.x * step), y: clamp01(p.y + arrow.y * step) },
          editKey: `key-${selection.shape.id}-${selection.vertex}`
        })
      } else {
        dispatch({ type: 'moveShape', shape: selection.shape, origin: draft, dx: arrow.x * step, dy: arrow.y * step, editKey: `key-${selection.shape.id}` })
      }
      return
    }
    switch (event.key) {
      case ' ':
        if (!drawingTool) return
        event.preventDefault()
        placePoint(cursor ?? { x: 0.5, y: 0.5 })
        setKeyboardCursor(true)
        return
      case 'Enter':
        if ((tool === 'zone' || tool === 'mask') && drawing.length >= 3) {
          event.preventDefault()
          closeDrawing()
        }
        return
      case 'Backspace':
        event.preventDefault()
        if (drawing.length > 0) dispatch({ type: 'removeLastPoint' })
        else onDeleteSelection()
        return
      case 'Delete':
        event.preventDefault()
        onDeleteSelection()
        return
    }
  }

  const selectedPoints = selected ? shapePoints(draft, selected) : null
  const selectedName = selected
    ? ([...draft.zones, ...draft.lines, ...draft.masks].find((item) => item.id === selected.id)?.name ?? '')
    : ''
  const drawingPoints = drawing.map((p) => toScreen(rect, p))
  const cursorPoint = cursor && tool !== 'select' ? toScreen(rect, cursor) : null
  const closable = (tool === 'zone' || tool === 'mask') && drawing.length >= 3

  return (
    <div className="scene-stage" ref={containerRef} data-media={videoSize ? 'ready' : 'pending'} data-testid="scene-stage">
      <LiveVideo
        className="scene-stage__video"
        openUrl={openUrl}
        onVideoSize={setVideoSize}
        label={camera.name}
        testId="scene-video"
      />
      <svg
        ref={svgRef}
        className="scene-svg"
        width={size.width}
        height={size.height}
        data-tool={tool}
        data-hover={hover ?? undefined}
        tabIndex={0}
        role="application"
        aria-label={t('scene.stage.label', { name: camera.name })}
        aria-describedby={helpId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onPointerLeave={() => {
          if (!keyboardCursor) setCursor(null)
          setHover(null)
        }}
        onDoubleClick={onDoubleClick}
        onKeyDown={onKeyDown}
        data-testid="scene-svg"
      >
        <defs>
          <MaskHatch id={hatchId} />
        </defs>
        <rect className="scene-svg__image" x={rect.x} y={rect.y} width={rect.width} height={rect.height} data-testid="scene-image" />
        <SceneShapes
          zones={draft.zones}
          lines={draft.lines}
          masks={draft.masks}
          rect={rect}
          hatchId={hatchId}
          variant="editor"
          selected={selected}
          related={related}
          flagged={flagged}
          testIds
        />
        {selected && selectedPoints
          ? selectedPoints.map((point, index) => {
              const p = toScreen(rect, point)
              return (
                <circle
                  key={`${selected.kind}-${selected.id}-${index}`}
                  className="scene-handle"
                  cx={p.x}
                  cy={p.y}
                  r={6}
                  tabIndex={0}
                  aria-label={t('scene.stage.vertex', { number: index + 1, name: selectedName })}
                  aria-roledescription={t('scene.stage.vertexRole')}
                  data-active={selection?.kind === 'shape' && selection.vertex === index ? true : undefined}
                  onFocus={() => {
                    if (!(selection?.kind === 'shape' && selection.vertex === index)) {
                      dispatch({ type: 'select', selection: { kind: 'shape', shape: selected, vertex: index } })
                    }
                  }}
                  data-testid={`scene-handle-${index}`}
                />
              )
            })
          : null}
        {drawing.length > 0 ? (
          <g className="scene-drawing" data-kind={tool}>
            <polyline className="scene-drawing__path" points={svgPoints(cursorPoint ? [...drawingPoints, cursorPoint] : drawingPoints)} />
            {(tool === 'zone' || tool === 'mask') && drawingPoints.length >= 2 && cursorPoint ? (
              <line className="scene-drawing__closing" x1={cursorPoint.x} y1={cursorPoint.y} x2={drawingPoints[0].x} y2={drawingPoints[0].y} />
            ) : null}
            {drawingPoints.map((p, index) => (
              <circle
                key={index}
                className="scene-drawing__vertex"
                cx={p.x}
                cy={p.y}
                r={index === 0 && closable ? CLOSE_RADIUS - 2 : 4}
                data-closable={index === 0 && closable ? true : undefined}
              />
            ))}
          </g>
        ) : null}
        {cursorPoint && keyboardCursor ? (
          <g className="scene-cursor" aria-hidden="true">
            <line x1={cursorPoint.x - 10} y1={cursorPoint.y} x2={cursorPoint.x + 10} y2={cursorPoint.y} />
            <line x1={cursorPoint.x} y1={cursorPoint.y - 10} x2={cursorPoint.x} y2={cursorPoint.y + 10} />
          </g>
        ) : null}
      </svg>
      <p id={helpId} className="visually-hidden">
        {t('scene.stage.keyboard')}
      </p>
      {!videoSize ? (
        <p className="scene-stage__note" data-testid="scene-no-image">
          {t('scene.stage.noImage')}
        </p>
      ) : null}
    </div>
  )
}
