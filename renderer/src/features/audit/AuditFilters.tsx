import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { NO_FILTERS, type AuditFilterValues } from './audit-filters'
import { useActionOptions } from './use-action-options'

export interface AuditFiltersProps {
  initial: AuditFilterValues
  onApply: (values: AuditFilterValues) => void
}

/** Filters are typed freely and take effect on « Appliquer », so a half-typed date never runs a query. */
export function AuditFilters({ initial, onApply }: AuditFiltersProps) {
  const { t } = useTranslation()
  const actionOptions = useActionOptions()
  const [values, setValues] = useState<AuditFilterValues>(initial)

  const set =
    <K extends keyof AuditFilterValues>(key: K) =>
    (value: AuditFilterValues[K]): void =>
      setValues((current) => ({ ...current, [key]: value }))

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault()
    onApply(values)
  }

  return (
    <form className="audit-filters" onSubmit={onSubmit} aria-label={t('audit.filters.label')} noValidate>
      <TextField
        label={t('audit.filters.actor')}
        value={values.actor}
        onChange={set('actor')}
        placeholder={t('audit.filters.actorPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        testId="audit-filter-actor"
      />
      <TextField
        label={t('audit.filters.camera')}
        value={values.cameraId}
        onChange={set('cameraId')}
        placeholder={t('audit.filters.cameraPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        testId="audit-filter-camera"
      />
      <SelectField
        label={t('audit.filters.action')}
        value={values.action}
        options={[{ value: '', label: t('audit.filters.anyAction') }, ...actionOptions]}
        onChange={set('action')}
        testId="audit-filter-action"
      />
      <TextField label={t('audit.filters.from')} type="datetime-local" step={1} value={values.from} onChange={set('from')} testId="audit-filter-from" />
      <TextField label={t('audit.filters.to')} type="datetime-local" step={1} value={values.to} onChange={set('to')} testId="audit-filter-to" />
      <div className="audit-filters__actions">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setValues(NO_FILTERS)
            onApply(NO_FILTERS)
          }}
          data-testid="audit-clear"
        >
          {t('audit.filters.clear')}
        </button>
        <button type="submit" className="button button--primary" data-testid="audit-apply">
          {t('audit.filters.apply')}
        </button>
      </div>
    </form>
  )
}
