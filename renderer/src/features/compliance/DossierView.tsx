import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModuleId } from '../../../../electron/shared/compliance'
import { ErrorNote } from '../../components/ErrorNote'
import { ModuleStateBadge } from '../../components/ModuleStateBadge'
import type { Dossier } from '../../stores/compliance-store'
import { useCompliance } from '../../stores/stores-context'
import { hrefFor } from '../shell/use-hash-route'
import { DossierApprovals } from './DossierApprovals'
import { DossierDocuments } from './DossierDocuments'
import { DossierHistory } from './DossierHistory'
import { DossierSummary } from './DossierSummary'
import { ModuleConditions } from './ModuleConditions'
import { RequirementsList } from './RequirementsList'
import { ScreenHeader } from '../../components/ScreenHeader'

/** One module's dossier: requirements, documents, approvals and history. */
export function DossierView({ moduleId }: { moduleId: ModuleId }) {
  const { t } = useTranslation()
  const dossier = useCompliance((state) => state.dossier)
  const openDossier = useCompliance((state) => state.openDossier)
  const closeDossier = useCompliance((state) => state.closeDossier)

  useEffect(() => {
    void openDossier(moduleId)
    return closeDossier
  }, [moduleId, openDossier, closeDossier])

  // Until the store has taken this module, whatever it holds belongs to the previous one.
  const shown = dossier.status !== 'closed' && dossier.moduleId === moduleId ? dossier : ({ status: 'loading' } as const)

  return (
    <section className="admin-screen compliance-screen" aria-labelledby="dossier-title" data-testid={`dossier-${moduleId}`} data-status={shown.status}>
      <a className="back-link" href={hrefFor('compliance')} data-testid="dossier-back">
        <span aria-hidden="true">← </span>
        {t('compliance.dossier.back')}
      </a>
      <ScreenHeader titleId="dossier-title" title={t('compliance.dossier.title', { name: t(`compliance.modules.${moduleId}`) })}>
        {shown.status === 'ready' ? <ModuleStateBadge state={shown.dossier.module.state} testId="dossier-state" /> : null}
      </ScreenHeader>
      {shown.status === 'loading' ? <p>{t('app.loading')}</p> : null}
      {shown.status === 'error' ? (
        <ErrorNote message={t('compliance.dossier.loadFailed', { message: shown.error.message })} code={shown.error.code} testId="dossier-error" />
      ) : null}
      {shown.status === 'ready' ? <DossierContent dossier={shown.dossier} /> : null}
    </section>
  )
}

/** A forbidden module has nothing to attach or approve: only why, on what grounds, and what was done. */
function DossierContent({ dossier: { module, documents, history } }: { dossier: Dossier }) {
  const { t } = useTranslation()
  if (module.state === 'FORBIDDEN') {
    return (
      <>
        <DossierSummary module={module} />
        <DossierHistory moduleId={module.id} entries={history} />
      </>
    )
  }
  return (
    <>
      <DossierSummary module={module} />
      <ModuleConditions module={module} />
      <section className="compliance-panel" aria-labelledby="dossier-requirements-title">
        <h2 id="dossier-requirements-title" className="compliance-panel__title">
          {t('compliance.dossier.requirements')}
        </h2>
        <RequirementsList requirements={module.requirements} />
      </section>
      <DossierDocuments module={module} documents={documents} />
      <DossierApprovals module={module} />
      <DossierHistory moduleId={module.id} entries={history} />
    </>
  )
}
