import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { useDecimalSeparator, useFormatters } from '../../i18n/format'
import { useRecording } from '../../stores/stores-context'
import { storageFormFrom, toRecordingStorage, type StorageFormValues } from './recording-form'

type Phase = { kind: 'loading' } | { kind: 'error'; error: ShownError } | { kind: 'ready' }

/**
 * The recordings' storage, for administrators: a quota for all cameras together and the free space
 * kept on the disk. Below either, the oldest recordings go first (never those under legal hold).
 */
export function StoragePanel() {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const decimal = useDecimalSeparator()
  const decimalRef = useRef(decimal)
  const id = useId()
  const statuses = useRecording((state) => state.statuses)
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' })
  const [values, setValues] = useState<StorageFormValues>({ totalQuotaGb: '', minFreeGb: '' })
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)

  useEffect(() => {
    let current = true
    api.call('recording.getStorage', {}).then(
      (storage) => {
        if (!current) return
        setValues(storageFormFrom(storage, decimalRef.current))
        setPhase({ kind: 'ready' })
      },
      (failure: unknown) => {
        if (current) setPhase({ kind: 'error', error: toShownError(failure) })
      }
    )
    return () => {
      current = false
    }
  }, [api])

  const used = Object.values(statuses).reduce((total, status) => total + status.bytes, 0)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSaved(false)
    const result = toRecordingStorage(values)
    if (!result.ok) {
      setError({ code: null, message: t(result.problem === 'total' ? 'cameras.storage.totalInvalid' : 'cameras.storage.freeInvalid') })
      return
    }
    setSaving(true)
    setError(null)
    try {
      const storage = await api.call('recording.setStorage', result.storage)
      setValues(storageFormFrom(storage, decimal))
      setSaved(true)
    } catch (failure) {
      setError(toShownError(failure))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="storage-panel" aria-labelledby={`${id}-title`} data-testid="storage-panel" data-status={phase.kind}>
      <h2 id={`${id}-title`} className="section-title">
        {t('cameras.storage.title')}
      </h2>
      <p className="form__hint">{t('cameras.storage.intro')}</p>
      {phase.kind === 'loading' ? <p>{t('app.loading')}</p> : null}
      {phase.kind === 'error' ? <ErrorNote message={t('cameras.storage.loadFailed', { message: phase.error.message })} code={phase.error.code} /> : null}
      {phase.kind === 'ready' ? (
        <form className="form storage-panel__form" onSubmit={(event) => void submit(event)} noValidate>
          <div className="form__row">
            <div className="form__field">
              <label htmlFor={`${id}-total`}>{t('cameras.storage.total')}</label>
              <input
                id={`${id}-total`}
                type="text"
                inputMode="decimal"
                value={values.totalQuotaGb}
                onChange={(event) => setValues({ ...values, totalQuotaGb: event.target.value })}
                placeholder={t('cameras.storage.totalPlaceholder')}
                aria-describedby={`${id}-total-hint`}
                autoComplete="off"
                data-testid="storage-total"
              />
              <p id={`${id}-total-hint`} className="form__hint">
                {t('cameras.storage.totalHint')}
              </p>
            </div>
            <div className="form__field">
              <label htmlFor={`${id}-free`}>{t('cameras.storage.minFree')}</label>
              <input
                id={`${id}-free`}
                type="text"
                inputMode="decimal"
                value={values.minFreeGb}
                onChange={(event) => setValues({ ...values, minFreeGb: event.target.value })}
                aria-describedby={`${id}-free-hint`}
                autoComplete="off"
                data-testid="storage-min-free"
              />
              <p id={`${id}-free-hint`} className="form__hint">
                {t('cameras.storage.minFreeHint')}
              </p>
            </div>
            <div className="form__field storage-panel__used">
              <span className="storage-panel__used-label">{t('cameras.storage.used')}</span>
              <strong data-testid="storage-used">{format.fileSize(used)}</strong>
            </div>
          </div>
          {error ? <ErrorNote message={error.message} code={error.code} testId="storage-error" /> : null}
          <div className="form__actions">
            {saved ? (
              <span className="note note--ok" role="status" data-testid="storage-saved">
                {t('cameras.storage.saved')}
              </span>
            ) : null}
            <span className="form__spacer" />
            <button type="submit" className="button button--primary" disabled={saving} data-testid="storage-save">
              {saving ? t('cameras.storage.saving') : t('cameras.storage.save')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  )
}
