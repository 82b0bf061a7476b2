import { useTranslation } from 'react-i18next'
import type { ModuleStatus } from '../../../../electron/shared/compliance'
import { currentApprovals } from './approvals'

export interface ApprovalsCountProps {
  module: ModuleStatus
  /** Also says, in words, who may approve (the dossier); the card keeps it to a tooltip. */
  withRoles?: boolean
}

/** « Approbations : 1 / 2 »: the approvals that count now, against those the rule pack asks. */
export function ApprovalsCount({ module, withRoles = false }: ApprovalsCountProps) {
  const { t } = useTranslation()
  const { count, roles } = module.approvalsNeeded
  if (count === 0) return null
  const current = currentApprovals(module)
  const whoMayApprove = t('compliance.approvalsRoles', { count, roles: roles.map((role) => t(`roles.${role}`)).join(', ') })
  return (
    <div className="approvals-count" data-complete={current >= count} title={withRoles ? undefined : whoMayApprove} data-testid={`module-approvals-${module.id}`}>
      <p className="approvals-count__figure">{t('compliance.approvalsCount', { current, needed: count })}</p>
      {withRoles ? <p className="form__hint">{whoMayApprove}</p> : null}
    </div>
  )
}
