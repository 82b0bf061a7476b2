import { useTranslation } from 'react-i18next'
import { EVENT_KINDS, type EventKind } from '../../../../electron/shared/analytics-events'
import type { CameraView } from '../../../../electron/shared/camera'
import { SelectField } from '../../components/SelectField'
import { NO_EVENT_FILTERS, type EventFilters } from '../../stores/event-query'

export interface EventFiltersBarProps {
  filters: EventFilters
  cameras: CameraView[]
  onChange: (filters: EventFilters) => void
}

/** Filters take effect as soon as they are chosen: there is nothing half-typed here. */
export function EventFiltersBar({ filters, cameras, onChange }: EventFiltersBarProps) {
  const { t } = useTranslation()
  const set = <K extends keyof EventFilters>(key: K, value: EventFilters[K]): void => onChange({ ...filters, [key]: value })
  const changed = filters.cameraId !== '' || filters.kind !== '' || filters.withCounts
  return (
    <form className="events-filters" aria-label={t('events.filters.label')} onSubmit={(event) => event.preventDefault()}>
      <SelectField
        label={t('events.filters.camera')}
        value={filters.cameraId}
        options={[{ value: '', label: t('events.filters.allCameras') }, ...cameras.map((camera) => ({ value: camera.id, label: camera.name }))]}
        onChange={(cameraId) => set('cameraId', cameraId)}
        testId="events-filter-camera"
      />
      <SelectField<EventKind | ''>
        label={t('events.filters.kind')}
        value={filters.kind}
        options={[{ value: '', label: t('events.filters.allKinds') }, ...EVENT_KINDS.map((kind) => ({ value: kind, label: t(`analytics.eventKinds.${kind}`) }))]}
        onChange={(kind) => set('kind', kind)}
        testId="events-filter-kind"
      />
      <div className="form__field events-filters__counts">
        <label className="form__check">
          <input type="checkbox" checked={filters.withCounts} onChange={(event) => set('withCounts', event.target.checked)} data-testid="events-filter-counts" />
          {t('events.filters.withCounts')}
        </label>
        <p className="form__hint">{t('events.filters.withCountsHint')}</p>
      </div>
      <div className="events-filters__actions">
        <button type="button" className="button button--ghost" onClick={() => onChange(NO_EVENT_FILTERS)} disabled={!changed} data-testid="events-clear">
          {t('events.filters.clear')}
        </button>
      </div>
    </form>
  )
}
