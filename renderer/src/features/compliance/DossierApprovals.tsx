import { useTranslation } from 'react-i18next'
import type { ModuleStatus } from '../../../../electron/shared/compliance'
import { ApprovalsCount } from './ApprovalsCount'
import { ApprovalsTable } from './ApprovalsTable'
import { DecisionControls } from './DecisionControls'

/** How many approvals count now, who gave them, and the approve / revoke decisions. */
export function DossierApprovals({ module }: { module: ModuleStatus }) {
  const { t } = useTranslation()
  return (
    <section className="compliance-panel" aria-labelledby="dossier-approvals-title">
      <div className="compliance-panel__header">
        <h2 id="dossier-approvals-title" className="compliance-panel__title">
          {t('compliance.approvals.title')}
        </h2>
        <DecisionControls module={module} />
      </div>
      <ApprovalsCount module={module} withRoles />
      <ApprovalsTable approvals={module.approvals} />
    </section>
  )
}
