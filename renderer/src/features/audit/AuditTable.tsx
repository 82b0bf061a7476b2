import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../electron/shared/audit'
import { useFormatters } from '../../i18n/format'
import { summariseDetails } from './audit-filters'

/** Newest first, as the core returns them. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation()
  return (
    <div className="table-scroll">
      <table className="data-table audit-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.columns.at')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            <th scope="col">{t('audit.columns.camera')}</th>
            <th scope="col">{t('audit.columns.target')}</th>
            <th scope="col">{t('audit.columns.workstation')}</th>
            <th scope="col">{t('audit.columns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.seq} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const details = summariseDetails(entry.details)
  return (
    <tr data-testid={`audit-row-${entry.seq}`} data-action={entry.action}>
      <td className="audit-table__at">
        <time dateTime={new Date(entry.at).toISOString()}>{format.dateTime(entry.at)}</time>
        <span className="data-table__detail">{t('audit.seq', { seq: entry.seq })}</span>
      </td>
      <td>{entry.actor === 'system' ? <em>{t('audit.system')}</em> : entry.actor}</td>
      <td>{t(`audit.actions.${entry.action}`)}</td>
      <td>{entry.cameraId ? <code>{entry.cameraId}</code> : null}</td>
      <td>{entry.target}</td>
      <td className="audit-table__workstation">{entry.workstation}</td>
      <td className="audit-table__details" title={details === '' ? undefined : JSON.stringify(entry.details, null, 1)}>
        {details}
      </td>
    </tr>
  )
}
