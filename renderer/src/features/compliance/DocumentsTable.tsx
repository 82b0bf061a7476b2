import { useTranslation } from 'react-i18next'
import type { DocumentView } from '../../../../electron/shared/compliance'
import { Badge } from '../../components/Badge'
import { CopyButton } from '../../components/CopyButton'
import { useFormatters } from '../../i18n/format'
import { shortFingerprint } from './documents'

export interface DocumentsTableProps {
  documents: DocumentView[]
  /** Absent for those who may not read the files (the actions column goes with them). */
  onPreview?: (document: DocumentView) => void
  onWithdraw?: (document: DocumentView) => void
}

/** The documents a dossier rests on, withdrawn ones included: they are never erased, only set aside. */
export function DocumentsTable({ documents, onPreview, onWithdraw }: DocumentsTableProps) {
  const { t } = useTranslation()
  const withActions = onPreview !== undefined || onWithdraw !== undefined
  return (
    <div className="table-scroll">
      <table className="data-table documents-table" data-testid="documents-table">
        <thead>
          <tr>
            <th scope="col">{t('compliance.documents.columns.type')}</th>
            <th scope="col">{t('compliance.documents.columns.issuer')}</th>
            <th scope="col">{t('compliance.documents.columns.dates')}</th>
            <th scope="col">{t('compliance.documents.columns.perimeter')}</th>
            <th scope="col">{t('compliance.documents.columns.fingerprint')}</th>
            <th scope="col">{t('compliance.documents.columns.pia')}</th>
            <th scope="col">{t('compliance.documents.columns.attached')}</th>
            {withActions ? (
              <th scope="col">
                <span className="visually-hidden">{t('compliance.documents.columns.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <DocumentRow key={document.id} document={document} withActions={withActions} onPreview={onPreview} onWithdraw={onWithdraw} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface DocumentRowProps {
  document: DocumentView
  withActions: boolean
  onPreview?: (document: DocumentView) => void
  onWithdraw?: (document: DocumentView) => void
}

function DocumentRow({ document, withActions, onPreview, onWithdraw }: DocumentRowProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const fingerprint = shortFingerprint(document.sha256)
  const { reference } = document
  return (
    <tr data-testid={`document-row-${fingerprint}`} data-withdrawn={document.withdrawn} data-type={document.type}>
      <th scope="row">
        {document.typeLabel}{' '}
        {document.withdrawn ? (
          <Badge tone="neutral" testId={`document-withdrawn-${fingerprint}`}>
            {t('compliance.documents.withdrawn')}
          </Badge>
        ) : null}
        <span className="data-table__detail">{t('compliance.documents.reference', { reference })}</span>
        <span className="data-table__detail">
          {document.fileName} · {format.fileSize(document.bytes)}
        </span>
      </th>
      <td>{document.issuer}</td>
      <td className="nowrap">
        {t('compliance.documents.issuedOn', { date: format.calendarDate(document.issuedOn) })}
        <span className="data-table__detail">
          {document.expiresOn
            ? t('compliance.documents.expiresOn', { date: format.calendarDate(document.expiresOn) })
            : t('compliance.documents.noExpiry')}
        </span>
      </td>
      <td className="documents-table__perimeter">
        {document.perimeter === null ? <em>{t('compliance.documents.allCameras')}</em> : document.perimeter.join(', ')}
      </td>
      <td className="nowrap">
        <code title={document.sha256}>{fingerprint}…</code>{' '}
        <CopyButton
          text={document.sha256}
          label={t('compliance.documents.copy')}
          doneLabel={t('compliance.documents.copied')}
          failedLabel={t('compliance.documents.copyFailed')}
          ariaLabel={t('compliance.documents.copyNamed', { reference })}
          testId={`document-copy-${fingerprint}`}
        />
      </td>
      <td>{document.piaStatus ?? '—'}</td>
      <td>
        {document.attachedBy}
        <span className="data-table__detail">{format.dateTime(document.attachedAt)}</span>
      </td>
      {withActions ? (
        <td className="data-table__actions">
          {onPreview ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => onPreview(document)}
              aria-label={t('compliance.documents.previewNamed', { reference })}
              data-testid={`document-preview-${fingerprint}`}
            >
              {t('compliance.documents.preview')}
            </button>
          ) : null}
          {onWithdraw && !document.withdrawn ? (
            <button
              type="button"
              className="button button--small button--danger-ghost"
              onClick={() => onWithdraw(document)}
              aria-label={t('compliance.documents.withdrawNamed', { reference })}
              data-testid={`document-withdraw-${fingerprint}`}
            >
              {t('compliance.documents.withdraw')}
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  )
}
