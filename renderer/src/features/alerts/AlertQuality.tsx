import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AlertQuality as Quality } from '../../../../electron/shared/alerts'
import { useApi } from '../../api/api-context'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { SelectField } from '../../components/SelectField'
import { useFormatters } from '../../i18n/format'
import { useCameras } from '../../stores/stores-context'
import { SceneEditorDialog } from '../scene/SceneEditorDialog'
import { usePermission } from '../session/use-permission'
import { periodStart, QUALITY_PERIODS, type QualityPeriod } from './alerts-tabs'
import { useAlertText } from './use-alert-text'
import { usePercent } from './use-percent'

type QualityState = { status: 'loading' } | { status: 'ready'; rows: Quality[] } | { status: 'error'; error: ShownError }

/**
 * False alarms per rule and camera, for supervisors and the DPO deciding what to recalibrate. A
 * supervisor may open the camera's scene editor from the row; saving there is audited by the core.
 */
export function AlertQuality() {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const percent = usePercent()
  const words = useAlertText()
  const mayRecalibrate = usePermission('scene.manage')
  const cameras = useCameras((state) => state.cameras)
  const [period, setPeriod] = useState<QualityPeriod>('30')
  const [state, setState] = useState<QualityState>({ status: 'loading' })
  const [editing, setEditing] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    setState({ status: 'loading' })
    const from = periodStart(period, Date.now())
    api.call('alerts.quality', from === undefined ? {} : { from }).then(
      (rows) => {
        if (current) setState({ status: 'ready', rows })
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: toShownError(error) })
      }
    )
    return () => {
      current = false
    }
  }, [api, period])

  const cameraName = (cameraId: string): string => cameras.find((camera) => camera.id === cameraId)?.name ?? cameraId
  const editedCamera = editing ? (cameras.find((camera) => camera.id === editing) ?? null) : null

  return (
    <div className="alert-quality" data-testid="alert-quality" data-status={state.status}>
      <p className="screen-intro">{t('alerts.quality.intro')}</p>
      <div className="alert-quality__period">
        <SelectField<QualityPeriod>
          label={t('alerts.quality.period')}
          value={period}
          options={QUALITY_PERIODS.map((value) => ({ value, label: t(`alerts.quality.periods.${value}`) }))}
          onChange={setPeriod}
          testId="alert-quality-period"
        />
      </div>
      {state.status === 'error' ? <ErrorNote message={t('alerts.quality.loadFailed', { message: state.error.message })} code={state.error.code} /> : null}
      {state.status === 'loading' ? <p>{t('app.loading')}</p> : null}
      {state.status === 'ready' && state.rows.length === 0 ? <p className="empty-state">{t('alerts.quality.empty')}</p> : null}
      {state.status === 'ready' && state.rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table alert-quality__table" aria-label={t('alerts.quality.label')} data-testid="alert-quality-table">
            <thead>
              <tr>
                <th scope="col">{t('alerts.quality.columns.camera')}</th>
                <th scope="col">{t('alerts.quality.columns.rule')}</th>
                <th scope="col" className="data-table__number">
                  {t('alerts.quality.columns.decided')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('alerts.quality.columns.confirmed')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('alerts.quality.columns.falseAlarms')}
                </th>
                <th scope="col" className="data-table__number">
                  {t('alerts.quality.columns.share')}
                </th>
                <th scope="col">{t('alerts.quality.columns.topReason')}</th>
                <th scope="col">{t('alerts.quality.columns.suggestion')}</th>
                {mayRecalibrate ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('alerts.quality.columns.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {state.rows.map((row) => {
                const camera = cameraName(row.cameraId)
                const known = cameras.some((candidate) => candidate.id === row.cameraId)
                return (
                  <tr key={`${row.cameraId}/${row.ruleId}`} data-testid={`alert-quality-row-${row.cameraId}-${row.ruleId}`} data-suggested={row.suggestion !== null || undefined}>
                    <td>{camera}</td>
                    <td>{row.ruleName}</td>
                    <td className="data-table__number">{format.integer(row.decided)}</td>
                    <td className="data-table__number">{format.integer(row.confirmed)}</td>
                    <td className="data-table__number">{format.integer(row.falseAlarms)}</td>
                    <td className="data-table__number">
                      <span className="alert-quality__share" data-high={row.suggestion !== null || undefined}>
                        {percent(row.falseAlarmShare)}
                      </span>
                    </td>
                    <td>{row.topReason ? words.reason(row.topReason) : '—'}</td>
                    <td className="alert-quality__suggestion">
                      {row.suggestion !== null ? t('alerts.quality.suggestion', { share: percent(row.falseAlarmShare), decided: format.integer(row.decided) }) : t('alerts.quality.noSuggestion')}
                    </td>
                    {mayRecalibrate ? (
                      <td className="data-table__actions">
                        <button
                          type="button"
                          className={row.suggestion !== null ? 'button button--small button--primary' : 'button button--small'}
                          onClick={() => setEditing(row.cameraId)}
                          disabled={!known}
                          title={t('alerts.quality.recalibrateHint')}
                          aria-label={t('alerts.quality.recalibrateNamed', { rule: row.ruleName, camera })}
                          data-testid={`alert-quality-recalibrate-${row.cameraId}-${row.ruleId}`}
                        >
                          {t('alerts.quality.recalibrate')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {editedCamera ? <SceneEditorDialog camera={editedCamera} onClose={() => setEditing(null)} /> : null}
    </div>
  )
}
