import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ALERT_STATES } from '../../../../electron/shared/alerts'
import type { CameraView } from '../../../../electron/shared/camera'
import { SelectField } from '../../components/SelectField'
import { NO_ALERT_FILTERS, sameFilters, type AlertHistoryFilters } from '../../stores/alert-query'
import { useScenes } from '../../stores/stores-context'
import { fromDateTimeInput, toDateTimeInput } from './datetime-local'

export interface HistoryFiltersProps {
  filters: AlertHistoryFilters
  cameras: CameraView[]
  onChange: (filters: AlertHistoryFilters) => void
}

/** Lists take effect when chosen; the operator's name and the dates when the search is asked for (Enter). */
export function HistoryFilters({ filters, cameras, onChange }: HistoryFiltersProps) {
  const { t } = useTranslation()
  const ids = { from: useId(), to: useId(), operator: useId(), operatorHint: useId() }
  const ensureScene = useScenes((state) => state.ensure)
  const scene = useScenes((state) => (filters.cameraId ? (state.byCamera[filters.cameraId]?.scene ?? null) : null))
  const rules = scene?.rules ?? []
  const [operator, setOperator] = useState(filters.operator)
  const [from, setFrom] = useState(toDateTimeInput(filters.from))
  const [to, setTo] = useState(toDateTimeInput(filters.to))

  useEffect(() => {
    setOperator(filters.operator)
    setFrom(toDateTimeInput(filters.from))
    setTo(toDateTimeInput(filters.to))
  }, [filters])

  const cameraId = filters.cameraId
  useEffect(() => {
    if (cameraId) ensureScene(cameraId)
  }, [cameraId, ensureScene])

  const set = (patch: Partial<AlertHistoryFilters>): void => onChange({ ...filters, ...patch })
  const typed = (): AlertHistoryFilters => ({ ...filters, operator: operator.trim(), from: fromDateTimeInput(from), to: fromDateTimeInput(to) })
  const submit = (event?: FormEvent): void => {
    event?.preventDefault()
    const next = typed()
    if (!sameFilters(next, filters)) onChange(next)
  }
  const changed = !sameFilters(filters, NO_ALERT_FILTERS)

  return (
    <form className="alert-filters" aria-label={t('alerts.history.filters')} onSubmit={submit} data-testid="alert-history-filters">
      <SelectField
        label={t('alerts.history.camera')}
        value={filters.cameraId}
        options={[{ value: '', label: t('alerts.history.allCameras') }, ...cameras.map((camera) => ({ value: camera.id, label: camera.name }))]}
        onChange={(value) => set({ cameraId: value, ruleId: '' })}
        testId="alert-filter-camera"
      />
      <SelectField
        label={t('alerts.history.rule')}
        value={filters.ruleId}
        options={[{ value: '', label: t('alerts.history.allRules') }, ...rules.map((rule) => ({ value: rule.id, label: rule.name }))]}
        onChange={(value) => set({ ruleId: value })}
        hint={filters.cameraId ? undefined : t('alerts.history.ruleNeedsCamera')}
        testId="alert-filter-rule"
      />
      <SelectField<AlertHistoryFilters['state']>
        label={t('alerts.history.state')}
        value={filters.state}
        options={[
          { value: '', label: t('alerts.history.allStates') },
          { value: 'open', label: t('alerts.history.openStates') },
          ...ALERT_STATES.map((state) => ({ value: state, label: t(`alerts.states.${state}`) }))
        ]}
        onChange={(value) => set({ state: value })}
        testId="alert-filter-state"
      />
      <div className="form__field">
        <label htmlFor={ids.from}>{t('alerts.history.from')}</label>
        <input id={ids.from} type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} onBlur={() => submit()} data-testid="alert-filter-from" />
      </div>
      <div className="form__field">
        <label htmlFor={ids.to}>{t('alerts.history.to')}</label>
        <input id={ids.to} type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} onBlur={() => submit()} data-testid="alert-filter-to" />
      </div>
      <div className="form__field">
        <label htmlFor={ids.operator}>{t('alerts.history.operator')}</label>
        <input
          id={ids.operator}
          type="text"
          value={operator}
          onChange={(event) => setOperator(event.target.value)}
          onBlur={() => submit()}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          aria-describedby={ids.operatorHint}
          data-testid="alert-filter-operator"
        />
        <p id={ids.operatorHint} className="form__hint">
          {t('alerts.history.operatorHint')}
        </p>
      </div>
      <div className="alert-filters__actions">
        <button type="submit" className="button" data-testid="alert-filter-apply">
          {t('alerts.history.apply')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => onChange(NO_ALERT_FILTERS)} disabled={!changed} data-testid="alert-filter-clear">
          {t('alerts.history.clear')}
        </button>
      </div>
    </form>
  )
}
