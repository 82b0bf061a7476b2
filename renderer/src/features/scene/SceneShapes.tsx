import type { NormPoint } from '../../../../electron/shared/scene'
import { labelInside, labelPoint, lineMarks, sameShape, svgPoints, toScreen, type Rect, type ShapeRef } from './geometry'

export interface ShapeLists {
  zones: ReadonlyArray<{ id: string; name: string; polygon: readonly NormPoint[] }>
  lines: ReadonlyArray<{ id: string; name: string; start: NormPoint; end: NormPoint }>
  masks: ReadonlyArray<{ id: string; name: string; polygon: readonly NormPoint[] }>
}

export interface SceneShapesProps extends ShapeLists {
  /** Where the image is drawn in the SVG (see containedRect). */
  rect: Rect
  /** Id of the <MaskHatch> pattern defined in the same SVG. */
  hatchId: string
  /** 'editor': masks opaque, labels large; 'tile': light marks that leave the picture readable. */
  variant: 'editor' | 'tile'
  selected?: ShapeRef | null
  /** Ids of the zones and lines the selected rule watches, drawn stronger. */
  related?: ReadonlySet<string>
  /** Ids of shapes with a problem to fix, drawn in the danger colour. */
  flagged?: ReadonlySet<string>
  /** Test ids are given in the editor only (a wall shows the same camera on several tiles). */
  testIds?: boolean
}

/**
 * A hatch for privacy masks: black with grey stripes, so that a mask reads at once as « hidden on
 * purpose » rather than as a black camera. Ids must be unique in the page (one per SVG).
 */
export function MaskHatch({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="10" height="10" patternTransform="rotate(45)">
      <rect width="10" height="10" className="scene-hatch__ground" />
      <rect width="3" height="10" className="scene-hatch__stripe" />
    </pattern>
  )
}

/** An SVG id from React's useId (whose characters are not all valid in `url(#…)`). */
export const svgId = (reactId: string, suffix: string): string => `${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}-${suffix}`

/** Zones, tripwires (with their A/B sides and direction) and privacy masks, drawn in screen pixels. */
export function SceneShapes({ zones, lines, masks, rect, hatchId, variant, selected, related, flagged, testIds }: SceneShapesProps) {
  const state = (kind: ShapeRef['kind'], id: string) => ({
    'data-selected': sameShape(selected, { kind, id }) || undefined,
    'data-related': related?.has(id) || undefined,
    'data-flagged': flagged?.has(id) || undefined
  })
  const fontSize = variant === 'editor' ? 13 : 11
  const place = (points: ReturnType<typeof toScreen>[], text: string) => labelInside(labelPoint(points), text, fontSize, rect)
  const markOffset = variant === 'editor' ? 16 : 11
  const arrowSize = variant === 'editor' ? 12 : 8
  return (
    <g className="scene-shapes" data-variant={variant}>
      {masks.map((mask) => {
        const points = mask.polygon.map((p) => toScreen(rect, p))
        const label = place(points, mask.name)
        return (
          <g key={mask.id} className="scene-mask" {...state('mask', mask.id)} data-testid={testIds ? `scene-mask-${mask.id}` : undefined}>
            <polygon className="scene-mask__fill" points={svgPoints(points)} fill={`url(#${hatchId})`} />
            {/* On a tile the hatch says enough; the name would crowd the picture. */}
            {variant === 'editor' ? (
              <text className="scene-label scene-label--mask" x={label.x} y={label.y} textAnchor="middle" dominantBaseline="middle">
                {mask.name}
              </text>
            ) : null}
          </g>
        )
      })}
      {zones.map((zone) => {
        const points = zone.polygon.map((p) => toScreen(rect, p))
        const label = place(points, zone.name)
        return (
          <g key={zone.id} className="scene-zone" {...state('zone', zone.id)} data-testid={testIds ? `scene-zone-${zone.id}` : undefined}>
            <polygon className="scene-zone__fill" points={svgPoints(points)} />
            <text className="scene-label scene-label--zone" x={label.x} y={label.y} textAnchor="middle" dominantBaseline="middle">
              {zone.name}
            </text>
          </g>
        )
      })}
      {lines.map((line) => {
        const start = toScreen(rect, line.start)
        const end = toScreen(rect, line.end)
        const marks = lineMarks(start, end, markOffset, arrowSize)
        return (
          <g key={line.id} className="scene-line" {...state('line', line.id)} data-testid={testIds ? `scene-line-${line.id}` : undefined}>
            <line className="scene-line__stroke" x1={start.x} y1={start.y} x2={end.x} y2={end.y} />
            <polygon className="scene-line__arrow" points={svgPoints(marks.arrow)} />
            <g className="scene-line__side" data-side="A">
              <circle cx={marks.sideA.x} cy={marks.sideA.y} r={variant === 'editor' ? 9 : 7} />
              <text x={marks.sideA.x} y={marks.sideA.y} textAnchor="middle" dominantBaseline="central">
                A
              </text>
            </g>
            <g className="scene-line__side" data-side="B">
              <circle cx={marks.sideB.x} cy={marks.sideB.y} r={variant === 'editor' ? 9 : 7} />
              <text x={marks.sideB.x} y={marks.sideB.y} textAnchor="middle" dominantBaseline="central">
                B
              </text>
            </g>
            <text className="scene-label scene-label--line" {...labelInside({ x: start.x, y: start.y - 12 }, line.name, fontSize, rect)} textAnchor="middle" dominantBaseline="middle">
              {line.name}
            </text>
          </g>
        )
      })}
    </g>
  )
}
