import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import type { AnalyticsRunStatus, ModuleId } from '../../../../electron/shared/compliance'
import { useFormatters } from '../../i18n/format'
import { useAnalytics } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'
import { hrefFor } from '../shell/use-hash-route'

export interface TileAnalyticsProps {
  index: number
  camera: CameraView
}

/**
 * The analytics asked for on this camera, one line each: running, or in plain words why not (the core's
 * reason: « Comptage de personnes verrouillé : AIPD manquante »), so an operator who expects an alert
 * knows none will come, and can see why.
 */
export function TileAnalytics({ index, camera }: TileAnalyticsProps) {
  const { t } = useTranslation()
  const runs = useAnalytics((state) => state.runs[camera.id])
  const mayReadCompliance = usePermission('compliance.read')
  if (camera.analytics.length === 0) return null
  return (
    <ul className="tile__analytics" aria-label={t('wall.analytics.label')} data-testid={`tile-analytics-${index}`}>
      {camera.analytics.map((moduleId) => (
        <AnalyticsLine key={moduleId} index={index} moduleId={moduleId} run={runs?.[moduleId]} withLink={mayReadCompliance} />
      ))}
    </ul>
  )
}

interface AnalyticsLineProps {
  index: number
  moduleId: ModuleId
  /** Undefined until the core has reported on this camera and module. */
  run: AnalyticsRunStatus | undefined
  withLink: boolean
}

function AnalyticsLine({ index, moduleId, run, withLink }: AnalyticsLineProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const name = t(`compliance.modules.${moduleId}`)
  const running = run?.running ?? false
  const text = !run
    ? t('wall.analytics.unreported', { name })
    : running
      ? t('wall.analytics.running', { name })
      : run.reason || t('wall.analytics.stopped', { name })
  const title =
    run && running ? `${text}. ${t('wall.analytics.runningTitle', { date: format.dateTime(run.since), frames: format.integer(run.framesAnalysed) })}` : text
  return (
    <li
      className="tile__analytics-line"
      data-running={running}
      data-reported={run !== undefined}
      title={title}
      data-testid={`tile-analytics-${index}-${moduleId}`}
    >
      <span className="tile__analytics-dot" aria-hidden="true" />
      <span className="tile__analytics-text">{text}</span>
      {!running && withLink ? (
        <a
          className="tile__analytics-link"
          href={hrefFor('compliance', moduleId)}
          aria-label={t('wall.analytics.whyNamed', { name })}
          draggable={false}
          // Following the link must not also toggle the single view.
          onDoubleClick={(event) => event.stopPropagation()}
          data-testid={`tile-analytics-link-${index}-${moduleId}`}
        >
          {t('wall.analytics.why')}
        </a>
      ) : null}
    </li>
  )
}
