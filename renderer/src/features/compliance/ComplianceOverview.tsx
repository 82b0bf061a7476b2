import { useTranslation } from 'react-i18next'
import { ErrorNote } from '../../components/ErrorNote'
import { useCompliance } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'
import { ModuleFamilies } from './ModuleFamilies'
import { RegisterExport } from './RegisterExport'
import { RulePackSummary } from './RulePackSummary'
import { RulePacksPanel } from './RulePacksPanel'
import { ScreenHeader } from '../../components/ScreenHeader'

/** Every module of the rule pack for this deployer, and the register for an inspection. */
export function ComplianceOverview() {
  const { t } = useTranslation()
  const overview = useCompliance((state) => state.overview)
  const status = useCompliance((state) => state.status)
  const error = useCompliance((state) => state.error)
  const mayExport = usePermission('compliance.manage')

  return (
    <section className="admin-screen compliance-screen" aria-labelledby="compliance-title" data-testid="compliance-overview" data-status={status}>
      <ScreenHeader titleId="compliance-title" title={t('compliance.title')} intro={t('compliance.intro')} />
      {error ? <ErrorNote message={t('compliance.loadFailed', { message: error.message })} code={error.code} testId="compliance-error" /> : null}
      {status === 'loading' && !overview ? <p>{t('app.loading')}</p> : null}
      {overview ? (
        <>
          <div className="compliance-toolbar">
            <RulePackSummary overview={overview} />
            {mayExport ? <RegisterExport /> : null}
          </div>
          <ModuleFamilies modules={overview.modules} />
          <RulePacksPanel />
        </>
      ) : null}
    </section>
  )
}
