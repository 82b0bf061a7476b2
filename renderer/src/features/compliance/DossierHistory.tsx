import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../../../electron/shared/audit'
import type { ModuleId } from '../../../../electron/shared/compliance'
import { ModuleStateBadge } from '../../components/ModuleStateBadge'
import { useFormatters } from '../../i18n/format'
import { historyLine, type HistoryLine } from './compliance-history'

export interface DossierHistoryProps {
  moduleId: ModuleId
  /** The audit trail's compliance entries about this module, newest first. */
  entries: AuditEntry[]
}

/** What was done to this dossier, by whom, and what it changed: read from the audit trail. */
export function DossierHistory({ moduleId, entries }: DossierHistoryProps) {
  const { t } = useTranslation()
  return (
    <section className="compliance-panel" aria-labelledby="dossier-history-title" data-testid="dossier-history">
      <h2 id="dossier-history-title" className="compliance-panel__title">
        {t('compliance.dossier.history')}
      </h2>
      {entries.length === 0 ? (
        <p className="empty-state">{t('compliance.dossier.historyNone')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('compliance.history.columns.at')}</th>
                <th scope="col">{t('compliance.history.columns.actor')}</th>
                <th scope="col">{t('compliance.history.columns.action')}</th>
                <th scope="col">{t('compliance.history.columns.change')}</th>
                <th scope="col">{t('compliance.history.columns.note')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <HistoryRow key={entry.seq} line={historyLine(entry, moduleId)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function HistoryRow({ line }: { line: HistoryLine }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <tr data-testid={`history-row-${line.seq}`} data-kind={line.kind ?? undefined}>
      <td className="nowrap">
        <time dateTime={new Date(line.at).toISOString()}>{format.dateTime(line.at)}</time>
        <span className="data-table__detail">{t('audit.seq', { seq: line.seq })}</span>
      </td>
      <td>{line.actor === 'system' ? <em>{t('audit.system')}</em> : line.actor}</td>
      <td>{line.kind ? t(`compliance.history.kinds.${line.kind}`) : t('audit.actions.compliance.action')}</td>
      <td className="nowrap">
        {line.from && line.to && line.from !== line.to ? (
          <span className="state-change">
            <ModuleStateBadge state={line.from} />
            <span aria-hidden="true">→</span>
            <span className="visually-hidden">{t('compliance.history.becomes')}</span>
            <ModuleStateBadge state={line.to} />
          </span>
        ) : null}
      </td>
      <td className="history-note">{line.note}</td>
    </tr>
  )
}
