import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { useAudit } from '../../stores/stores-context'
import { AuditExport } from './AuditExport'
import { filterValuesFrom, toAuditSearch } from './audit-filters'
import { AuditFilters } from './AuditFilters'
import { AuditTable } from './AuditTable'
import { AuditVerify } from './AuditVerify'
import { ScreenHeader } from '../../components/ScreenHeader'

/** The audit trail for supervisors and the DPO: search, read, check the chain, export. */
export function AuditScreen() {
  const { t } = useTranslation()
  const search = useAudit((state) => state.search)
  const entries = useAudit((state) => state.entries)
  const status = useAudit((state) => state.status)
  const error = useAudit((state) => state.error)
  const apply = useAudit((state) => state.apply)
  const refresh = useAudit((state) => state.refresh)

  // Each visit shows the trail as it is now, with the filters last applied.
  useEffect(() => {
    void refresh()
  }, [refresh])

  return (
    <section className="admin-screen" aria-labelledby="audit-title">
      <ScreenHeader titleId="audit-title" title={t('audit.title')} intro={t('audit.intro')} />
      <AuditFilters initial={filterValuesFrom(search)} onApply={(values) => void apply(toAuditSearch(values))} />
      <div className="audit-toolbar">
        <AuditVerify />
        <AuditExport />
      </div>
      {error ? <ErrorNote message={t('audit.loadFailed', { message: error.message })} code={error.code} testId="audit-error" /> : null}
      {/* data-status lets a reader (or a test) tell a finished search from one still running. */}
      <div className="audit-results" data-testid="audit-results" data-status={status} aria-busy={status === 'loading'}>
        {status === 'loading' ? <p>{t('app.loading')}</p> : null}
        {status === 'ready' && entries.length === 0 ? <p className="empty-state">{t('audit.empty')}</p> : null}
        {entries.length > 0 ? <AuditTable entries={entries} /> : null}
        <OlderEntries />
      </div>
    </section>
  )
}

function OlderEntries() {
  const { t } = useTranslation()
  const status = useAudit((state) => state.status)
  const nextBefore = useAudit((state) => state.nextBefore)
  const loadingOlder = useAudit((state) => state.loadingOlder)
  const loadOlder = useAudit((state) => state.loadOlder)
  const hasEntries = useAudit((state) => state.entries.length > 0)
  if (status !== 'ready' || !hasEntries) return null
  if (nextBefore === null) return <p className="empty-state" data-testid="audit-start">{t('audit.start')}</p>
  return (
    <div className="audit-more">
      <button type="button" className="button" onClick={() => void loadOlder()} disabled={loadingOlder} data-testid="audit-more">
        {loadingOlder ? t('audit.loadingMore') : t('audit.more')}
      </button>
    </div>
  )
}
