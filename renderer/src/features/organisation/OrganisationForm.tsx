import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Organisation } from '../../../../electron/shared/accounts'
import { useApi } from '../../api/api-context'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { SelectField } from '../../components/SelectField'
import { TextField } from '../../components/TextField'
import { useFormatters } from '../../i18n/format'
import {
  IDLE_MINUTES,
  RETENTION_DAYS,
  checkOrganisation,
  organisationFormFrom,
  type OrganisationFormValues
} from './organisation-form'
import { useDeployerOptions } from './use-deployer-options'

type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'error'; error: ShownError }

export function OrganisationForm({ initial }: { initial: Organisation }) {
  const { t } = useTranslation()
  const api = useApi()
  const deployerOptions = useDeployerOptions()
  const format = useFormatters()
  const idleHint = t('organisation.idleHint', { min: format.integer(IDLE_MINUTES.min), max: format.integer(IDLE_MINUTES.max) })
  const retentionHint = t('organisation.retentionHint', { min: format.integer(RETENTION_DAYS.min), max: format.integer(RETENTION_DAYS.max) })
  const [values, setValues] = useState<OrganisationFormValues>(() => organisationFormFrom(initial))
  const [save, setSave] = useState<SaveState>({ status: 'idle' })

  const set =
    <K extends keyof OrganisationFormValues>(key: K) =>
    (value: OrganisationFormValues[K]): void => {
      setValues((current) => ({ ...current, [key]: value }))
      // « Enregistrée » would no longer be true of what is on screen.
      setSave((current) => (current.status === 'saved' ? { status: 'idle' } : current))
    }

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const check = checkOrganisation(values)
    if (!check.ok) {
      setSave({ status: 'error', error: { code: null, message: check.problem === 'idle' ? idleHint : retentionHint } })
      return
    }
    setSave({ status: 'saving' })
    try {
      // Show what the core kept (trimmed, defaults applied), not only what was typed.
      setValues(organisationFormFrom(await api.call('organisation.update', check.input)))
      setSave({ status: 'saved' })
    } catch (error) {
      setSave({ status: 'error', error: toShownError(error) })
    }
  }

  return (
    <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
      <TextField label={t('organisation.name')} value={values.name} onChange={set('name')} autoComplete="organization" required testId="org-name" />
      <SelectField label={t('organisation.deployer')} value={values.deployer} options={deployerOptions} onChange={set('deployer')} testId="org-deployer" />
      <TextField label={t('organisation.dpo')} value={values.dpoContact} onChange={set('dpoContact')} autoComplete="off" testId="org-dpo" />
      <div className="form__row form__row--two">
        <TextField
          label={t('organisation.idle')}
          type="number"
          inputMode="numeric"
          min={IDLE_MINUTES.min}
          max={IDLE_MINUTES.max}
          step={1}
          value={values.idleTimeoutMinutes}
          onChange={set('idleTimeoutMinutes')}
          hint={idleHint}
          required
          testId="org-idle"
        />
        <TextField
          label={t('organisation.retention')}
          type="number"
          inputMode="numeric"
          min={RETENTION_DAYS.min}
          max={RETENTION_DAYS.max}
          step={1}
          value={values.auditRetentionDays}
          onChange={set('auditRetentionDays')}
          hint={retentionHint}
          required
          testId="org-retention"
        />
      </div>
      {save.status === 'error' ? <ErrorNote message={save.error.message} code={save.error.code} testId="org-error" /> : null}
      {save.status === 'saved' ? (
        <p className="note note--ok" role="status" data-testid="org-saved">
          {t('organisation.saved')}
        </p>
      ) : null}
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="submit" className="button button--primary" disabled={save.status === 'saving'} data-testid="org-save">
          {save.status === 'saving' ? t('organisation.saving') : t('organisation.save')}
        </button>
      </div>
    </form>
  )
}
