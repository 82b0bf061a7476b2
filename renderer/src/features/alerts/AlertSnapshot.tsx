import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../electron/shared/alerts'
import type { Scene } from '../../../../electron/shared/scene'
import { ErrorNote } from '../../components/ErrorNote'
import { useFormatters } from '../../i18n/format'
import { useSnapshot } from '../events/use-snapshot'
import { MaskHatch, SceneShapes, svgId } from '../scene/SceneShapes'
import { ruleGeometry } from './rule-geometry'

export interface AlertSnapshotProps {
  alert: Alert
  /** The camera's scene, for the zone or line the rule watches; null while unknown. */
  scene: Scene | null
  testId?: string
}

/**
 * The event's image (privacy masks already applied by the core) with, drawn over it in the image's own
 * pixels, the zone or line of the rule and the box of each object involved with its track number.
 */
export function AlertSnapshot({ alert, scene, testId }: AlertSnapshotProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const snapshot = useSnapshot(alert.id, alert.hasSnapshot)
  const hatchId = svgId(useId(), 'hatch')
  const geometry = ruleGeometry(scene, alert.ruleId)

  if (!alert.hasSnapshot) return <p className="alert-snapshot__none">{t('alerts.detail.noSnapshot')}</p>
  if (snapshot.status === 'error') return <ErrorNote message={t('events.imageFailed', { message: snapshot.error.message })} code={snapshot.error.code} />
  if (snapshot.status !== 'ready') return <div className="alert-snapshot__placeholder" aria-busy="true" />

  const { width, height } = snapshot.snapshot
  const rect = { x: 0, y: 0, width, height }
  const labelled = alert.trackIds.length === alert.boxes.length
  return (
    <figure className="snapshot snapshot--large alert-snapshot" data-testid={testId}>
      <img
        src={`data:${snapshot.snapshot.mimeType};base64,${snapshot.snapshot.base64}`}
        alt={t('events.thumbnailAlt', { date: format.dateTime(alert.at) })}
        width={width}
        height={height}
        draggable={false}
      />
      <svg className="snapshot__boxes alert-snapshot__overlay" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
        <defs>
          <MaskHatch id={hatchId} />
        </defs>
        <SceneShapes zones={geometry.zones} lines={geometry.lines} masks={[]} rect={rect} hatchId={hatchId} variant="tile" />
        {alert.boxes.map((box, index) => {
          const x = Math.min(box.x1, box.x2) * width
          const y = Math.min(box.y1, box.y2) * height
          return (
            <g key={index} className="alert-snapshot__object">
              <rect
                className="snapshot__box"
                x={x}
                y={y}
                width={Math.abs(box.x2 - box.x1) * width}
                height={Math.abs(box.y2 - box.y1) * height}
                vectorEffect="non-scaling-stroke"
              />
              {labelled ? (
                <text className="snapshot__label" x={x + 3} y={Math.max(14, y - 5)}>
                  {t('alerts.detail.track', { id: alert.trackIds[index] })}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
      {geometry.zones.length > 0 || geometry.lines.length > 0 ? (
        <figcaption className="alert-snapshot__caption">
          {geometry.zones.map((zone) => t('alerts.detail.zoneOf', { name: zone.name })).concat(geometry.lines.map((line) => t('alerts.detail.lineOf', { name: line.name }))).join(' · ')}
        </figcaption>
      ) : null}
    </figure>
  )
}
