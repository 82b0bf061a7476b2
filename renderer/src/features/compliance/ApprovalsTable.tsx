import { useTranslation } from 'react-i18next'
import type { ModuleStatus } from '../../../../electron/shared/compliance'
import { Badge } from '../../components/Badge'
import { useFormatters } from '../../i18n/format'

type Approval = ModuleStatus['approvals'][number]

/** Every approval given on this module, lapsed ones included: who decided what, when, and why. */
export function ApprovalsTable({ approvals }: { approvals: Approval[] }) {
  const { t } = useTranslation()
  if (approvals.length === 0) return <p className="empty-state">{t('compliance.approvals.none')}</p>
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="approvals-table">
        <thead>
          <tr>
            <th scope="col">{t('compliance.approvals.columns.by')}</th>
            <th scope="col">{t('compliance.approvals.columns.role')}</th>
            <th scope="col">{t('compliance.approvals.columns.at')}</th>
            <th scope="col">{t('compliance.approvals.columns.justification')}</th>
            <th scope="col">{t('compliance.approvals.columns.state')}</th>
          </tr>
        </thead>
        <tbody>
          {approvals.map((approval) => (
            <ApprovalRow key={approval.id} approval={approval} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ApprovalRow({ approval }: { approval: Approval }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <tr data-testid={`approval-row-${approval.id}`} data-current={approval.current}>
      <th scope="row">{approval.by}</th>
      <td>{t(`roles.${approval.role}`)}</td>
      <td className="nowrap">
        <time dateTime={new Date(approval.at).toISOString()}>{format.dateTime(approval.at)}</time>
      </td>
      <td className="approvals-table__justification">{approval.justification}</td>
      <td>
        {approval.current ? (
          <Badge tone="ok">{t('compliance.approvals.current')}</Badge>
        ) : (
          <Badge tone="neutral" title={t('compliance.approvals.staleHint')}>
            {t('compliance.approvals.stale')}
          </Badge>
        )}
      </td>
    </tr>
  )
}
