import { useTranslation } from 'react-i18next'
import type { AuditVerification } from '../../../../electron/shared/audit'
import { ErrorNote } from '../../components/ErrorNote'
import { useFormatters } from '../../i18n/format'
import { useAudit } from '../../stores/stores-context'

/** Recomputes the hash chain on the core and says plainly whether the trail holds. */
export function AuditVerify() {
  const { t } = useTranslation()
  const verification = useAudit((state) => state.verification)
  const verify = useAudit((state) => state.verify)
  const running = verification.status === 'running'
  return (
    <div className="audit-verify">
      <button type="button" className="button" onClick={() => void verify()} disabled={running} data-testid="audit-verify">
        {running ? t('audit.verifying') : t('audit.verify')}
      </button>
      {verification.status === 'done' ? <VerificationResult result={verification.result} /> : null}
      {verification.status === 'error' ? (
        <ErrorNote message={verification.error.message} code={verification.error.code} testId="audit-verify-error" />
      ) : null}
    </div>
  )
}

function VerificationResult({ result }: { result: AuditVerification }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const headline = result.ok
    ? t('audit.verifyOk', { count: result.checked, total: format.integer(result.checked) })
    : result.firstBrokenSeq !== null
      ? t('audit.verifyBroken', { seq: result.firstBrokenSeq })
      : t('audit.verifyBrokenUnknown')
  return (
    // A broken chain is an alarm, announced at once; an intact one is a status.
    <div className="verify-result" role={result.ok ? 'status' : 'alert'} data-ok={result.ok} data-testid="audit-verify-result">
      <strong className="verify-result__headline">
        <span aria-hidden="true">{result.ok ? '✓ ' : '✗ '}</span>
        {headline}
      </strong>
      {/* The core's own words say what broke; for an intact chain they would only repeat the headline. */}
      {!result.ok && result.message ? <span data-testid="audit-verify-message">{result.message}</span> : null}
      {result.checkpointSeq !== null ? <span className="verify-result__detail">{t('audit.checkpoint', { seq: result.checkpointSeq })}</span> : null}
      <span className="verify-result__detail">{t('audit.verifiedAt', { date: format.dateTime(result.verifiedAt) })}</span>
    </div>
  )
}
