import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModuleState, ModuleStatus } from '../../../../electron/shared/compliance'
import { useCompliance } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'
import { currentApprovals } from './approvals'
import { JustificationDialog } from './JustificationDialog'

type Decision = 'approve' | 'revoke'

/** States in which an approval cannot unlock anything; the dialog says so, and the core has the last word. */
type PointlessApprovalState = Extract<ModuleState, 'LOCKED' | 'EXPIRED' | 'UNLOCKED'>
const POINTLESS_APPROVAL: ReadonlySet<ModuleState> = new Set<PointlessApprovalState>(['LOCKED', 'EXPIRED', 'UNLOCKED'])

function isPointlessApproval(state: ModuleState): state is PointlessApprovalState {
  return POINTLESS_APPROVAL.has(state)
}

/** « Approuver » and « Révoquer », each asking for a written justification (supervisors and the DPO). */
export function DecisionControls({ module }: { module: ModuleStatus }) {
  const { t } = useTranslation()
  const mayDecide = usePermission('compliance.approve')
  const approve = useCompliance((state) => state.approve)
  const revoke = useCompliance((state) => state.revoke)
  const [decision, setDecision] = useState<Decision | null>(null)
  if (!mayDecide) return null

  const name = t(`compliance.modules.${module.id}`)
  // Revoking needs something in force to revoke.
  const revocable = module.state === 'UNLOCKED' || currentApprovals(module) > 0
  const close = (): void => setDecision(null)

  return (
    <div className="decision-controls">
      <button type="button" className="button button--primary" onClick={() => setDecision('approve')} data-testid="approve-open">
        {t('compliance.decision.approveOpen')}
      </button>
      <button
        type="button"
        className="button button--danger-ghost"
        onClick={() => setDecision('revoke')}
        disabled={!revocable}
        data-testid="revoke-open"
      >
        {t('compliance.decision.revokeOpen')}
      </button>
      {decision === 'approve' ? (
        <JustificationDialog
          title={t('compliance.decision.approveTitle', { name })}
          description={t('compliance.decision.approveDescription')}
          warning={isPointlessApproval(module.state) ? t(`compliance.decision.approveWarning.${module.state}`) : undefined}
          submitLabel={t('compliance.decision.approve')}
          submittingLabel={t('compliance.decision.submitting')}
          onSubmit={(justification) => approve(module.id, justification)}
          onClose={close}
          testIdPrefix="decision"
        />
      ) : null}
      {decision === 'revoke' ? (
        <JustificationDialog
          title={t('compliance.decision.revokeTitle', { name })}
          description={t('compliance.decision.revokeDescription')}
          submitLabel={t('compliance.decision.revoke')}
          submittingLabel={t('compliance.decision.submitting')}
          onSubmit={(justification) => revoke(module.id, justification)}
          onClose={close}
          testIdPrefix="decision"
        />
      ) : null}
    </div>
  )
}
