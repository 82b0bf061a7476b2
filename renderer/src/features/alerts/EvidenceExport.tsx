import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../electron/shared/alerts'
import type { MethodOutput } from '../../../../electron/shared/contract'
import { useApi } from '../../api/api-context'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'

/**
 * Exports the evidence of a confirmed alert (supervisors): the core writes the clip with masks and a
 * watermark, the snapshot and the record, signs the manifest, and audits the export with its reason.
 */
export function EvidenceExport({ alert }: { alert: Alert }) {
  const { t } = useTranslation()
  const api = useApi()
  const id = useId()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)
  const [done, setDone] = useState<MethodOutput<'alerts.export'> | null>(null)
  if (alert.state !== 'confirmed') return <p className="form__hint">{t('alerts.export.onlyConfirmed')}</p>
  const submit = (): void => {
    setBusy(true)
    setError(null)
    api
      .call('alerts.export', { eventId: alert.id, reason })
      .then(setDone, (failure: unknown) => setError(toShownError(failure)))
      .finally(() => setBusy(false))
  }
  if (done) {
    return (
      <div className="note" data-testid="alert-export-done">
        <p>{t('alerts.export.done', { folder: done.folder })}</p>
        <p className="form__hint">{t(done.clip ? 'alerts.export.withClip' : 'alerts.export.withoutClip')}</p>
        <p className="form__hint">{t('alerts.export.fingerprint', { fingerprint: done.keyFingerprint })}</p>
        <p className="form__hint">{t('alerts.export.verify')}</p>
      </div>
    )
  }
  return (
    <form
      className="form__field"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <label htmlFor={id}>{t('alerts.export.reason')}</label>
      <input id={id} value={reason} onChange={(event) => setReason(event.target.value)} minLength={5} required data-testid="alert-export-reason" />
      <button type="submit" className="button" disabled={busy || reason.trim().length < 5} data-testid="alert-export">
        {busy ? t('alerts.export.exporting') : t('alerts.export.submit')}
      </button>
      {error ? <ErrorNote message={error.message} code={error.code} /> : null}
    </form>
  )
}
