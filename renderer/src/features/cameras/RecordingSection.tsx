import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LEGAL_MAX_RETENTION_DAYS, type RecordingPolicy } from '../../../../electron/shared/recording'
import { useApi } from '../../api/api-context'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { useDecimalSeparator } from '../../i18n/format'
import {
  DEFAULT_RECORDING_POLICY,
  recordingFormFrom,
  samePolicy,
  toRecordingPolicy,
  type RecordingFormValues,
  type RecordingProblem
} from './recording-form'

export interface RecordingPolicyForm {
  values: RecordingFormValues
  setValues: (values: RecordingFormValues) => void
  status: 'loading' | 'ready' | 'error'
  loadError: ShownError | null
  /** Which field is wrong, if one is: checked before anything is saved. */
  check(): RecordingProblem | null
  /** Saves the policy of `cameraId` when it changed; rejects with the core's error. */
  save(cameraId: string): Promise<void>
}

/**
 * A camera's recording policy in a form: loaded from the core for an existing camera, the defaults
 * for a new one (saved only when changed, so that adding a camera writes nothing more to the audit trail).
 */
export function useRecordingPolicy(cameraId: string | null): RecordingPolicyForm {
  const api = useApi()
  const decimal = useDecimalSeparator()
  const [loaded, setLoaded] = useState<RecordingPolicy | null>(cameraId === null ? DEFAULT_RECORDING_POLICY : null)
  const [values, setValues] = useState<RecordingFormValues>(() => recordingFormFrom(DEFAULT_RECORDING_POLICY, decimal))
  const [status, setStatus] = useState<RecordingPolicyForm['status']>(cameraId === null ? 'ready' : 'loading')
  const [loadError, setLoadError] = useState<ShownError | null>(null)
  // The decimal mark only shapes the first filling of the fields: a language switch reloads nothing.
  const decimalRef = useRef(decimal)

  useEffect(() => {
    if (cameraId === null) return
    let current = true
    api.call('recording.getPolicy', { cameraId }).then(
      (policy) => {
        if (!current) return
        setLoaded(policy)
        setValues(recordingFormFrom(policy, decimalRef.current))
        setStatus('ready')
      },
      (error: unknown) => {
        if (!current) return
        setLoadError(toShownError(error))
        setStatus('error')
      }
    )
    return () => {
      current = false
    }
  }, [api, cameraId])

  const check = (): RecordingProblem | null => {
    if (status !== 'ready') return null
    const result = toRecordingPolicy(values)
    return result.ok ? null : result.problem
  }

  const save = async (id: string): Promise<void> => {
    // A policy that could not be read is not overwritten blindly.
    if (status !== 'ready' || loaded === null) return
    const result = toRecordingPolicy(values)
    if (!result.ok || samePolicy(result.policy, loaded)) return
    const saved = await api.call('recording.setPolicy', { cameraId: id, policy: result.policy })
    setLoaded(saved)
  }

  return { values, setValues, status, loadError, check, save }
}

/** « Enregistrement »: whether the camera records, how long its images are kept, how much room they may take. */
export function RecordingSection({ form, testIdPrefix = 'camera-form' }: { form: RecordingPolicyForm; testIdPrefix?: string }) {
  const { t } = useTranslation()
  const id = useId()
  const { values, setValues, status, loadError } = form
  const set = <K extends keyof RecordingFormValues>(key: K, value: RecordingFormValues[K]): void => setValues({ ...values, [key]: value })
  const disabled = status !== 'ready'

  return (
    <fieldset className="form__fieldset" data-testid={`${testIdPrefix}-recording`} data-status={status}>
      <legend>{t('cameras.recording.legend')}</legend>
      {status === 'loading' ? <p className="form__hint">{t('app.loading')}</p> : null}
      {loadError ? <ErrorNote message={t('cameras.recording.loadFailed', { message: loadError.message })} code={loadError.code} /> : null}
      <label className="form__check">
        <input
          type="checkbox"
          checked={values.enabled}
          onChange={(event) => set('enabled', event.target.checked)}
          disabled={disabled}
          data-testid={`${testIdPrefix}-recording-enabled`}
        />
        {t('cameras.recording.enabled')}
      </label>
      <div className="form__row form__row--two">
        <div className="form__field">
          <label htmlFor={`${id}-retention`}>{t('cameras.recording.retention')}</label>
          <input
            id={`${id}-retention`}
            type="number"
            inputMode="numeric"
            min={1}
            max={LEGAL_MAX_RETENTION_DAYS}
            step={1}
            value={values.retentionDays}
            onChange={(event) => set('retentionDays', event.target.value)}
            disabled={disabled}
            aria-describedby={`${id}-retention-hint`}
            data-testid={`${testIdPrefix}-recording-retention`}
          />
          <p id={`${id}-retention-hint`} className="form__hint">
            {t('cameras.recording.retentionHint', { max: LEGAL_MAX_RETENTION_DAYS })}
          </p>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-quota`}>{t('cameras.recording.quota')}</label>
          <input
            id={`${id}-quota`}
            type="text"
            inputMode="decimal"
            value={values.quotaGb}
            onChange={(event) => set('quotaGb', event.target.value)}
            disabled={disabled}
            placeholder={t('cameras.recording.quotaPlaceholder')}
            aria-describedby={`${id}-quota-hint`}
            autoComplete="off"
            data-testid={`${testIdPrefix}-recording-quota`}
          />
          <p id={`${id}-quota-hint`} className="form__hint">
            {t('cameras.recording.quotaHint')}
          </p>
        </div>
      </div>
    </fieldset>
  )
}

/** The sentence for a field the form refuses. */
export function useRecordingProblemText(): (problem: RecordingProblem) => string {
  const { t } = useTranslation()
  return (problem) =>
    problem === 'retention' ? t('cameras.recording.retentionInvalid', { max: LEGAL_MAX_RETENTION_DAYS }) : t('cameras.recording.quotaInvalid')
}
