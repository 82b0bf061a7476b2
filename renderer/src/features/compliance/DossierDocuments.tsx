import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentView, ModuleStatus } from '../../../../electron/shared/compliance'
import { useCompliance } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'
import { AttachDocumentDialog } from './AttachDocumentDialog'
import { DocumentPreviewDialog } from './DocumentPreviewDialog'
import { DocumentsTable } from './DocumentsTable'
import { JustificationDialog } from './JustificationDialog'

type OpenDialog = { kind: 'attach' } | { kind: 'preview'; document: DocumentView } | { kind: 'withdraw'; document: DocumentView }

/** The documents of a dossier, and for supervisors and the DPO: attach, read, withdraw. */
export function DossierDocuments({ module, documents }: { module: ModuleStatus; documents: DocumentView[] }) {
  const { t } = useTranslation()
  const mayManage = usePermission('compliance.manage')
  const withdraw = useCompliance((state) => state.withdraw)
  const [dialog, setDialog] = useState<OpenDialog | null>(null)
  const close = (): void => setDialog(null)

  return (
    <section className="compliance-panel" aria-labelledby="dossier-documents-title">
      <div className="compliance-panel__header">
        <h2 id="dossier-documents-title" className="compliance-panel__title">
          {t('compliance.dossier.documents')}
        </h2>
        {mayManage ? (
          <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'attach' })} data-testid="attach-open">
            {t('compliance.attach.open')}
          </button>
        ) : null}
      </div>
      {documents.length === 0 ? (
        <p className="empty-state">{t('compliance.dossier.documentsNone')}</p>
      ) : (
        <DocumentsTable
          documents={documents}
          onPreview={mayManage ? (document) => setDialog({ kind: 'preview', document }) : undefined}
          onWithdraw={mayManage ? (document) => setDialog({ kind: 'withdraw', document }) : undefined}
        />
      )}
      {dialog?.kind === 'attach' ? <AttachDocumentDialog module={module} onClose={close} /> : null}
      {dialog?.kind === 'preview' ? <DocumentPreviewDialog document={dialog.document} onClose={close} /> : null}
      {dialog?.kind === 'withdraw' ? (
        <JustificationDialog
          title={t('compliance.withdraw.title', { reference: dialog.document.reference })}
          description={t('compliance.withdraw.description')}
          submitLabel={t('compliance.withdraw.submit')}
          submittingLabel={t('compliance.withdraw.submitting')}
          onSubmit={(justification) => withdraw(dialog.document.id, justification)}
          onClose={close}
          testIdPrefix="withdraw"
        />
      ) : null}
    </section>
  )
}
