import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditExportFormat } from '../../../../electron/shared/audit'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { useFormatters } from '../../i18n/format'
import { useAudit } from '../../stores/stores-context'
import type { AuditExport as ExportedFile } from '../../stores/audit-store'
import { downloadBase64File } from '../../files/download'

type ExportState =
  | { status: 'idle' }
  | { status: 'running'; format: AuditExportFormat }
  | { status: 'done'; file: ExportedFile }
  | { status: 'error'; error: ShownError }

/** CSV for a spreadsheet, PDF for a file or a requisition; both carry the chain check's result. */
export function AuditExport() {
  const { t } = useTranslation()
  const format = useFormatters()
  const exportFile = useAudit((state) => state.exportFile)
  const [state, setState] = useState<ExportState>({ status: 'idle' })

  const run = async (fileFormat: AuditExportFormat): Promise<void> => {
    setState({ status: 'running', format: fileFormat })
    try {
      const file = await exportFile(fileFormat)
      downloadBase64File(file.fileName, file.mimeType, file.base64)
      setState({ status: 'done', file })
    } catch (error) {
      setState({ status: 'error', error: toShownError(error) })
    }
  }

  const button = (fileFormat: AuditExportFormat) => (
    <button
      type="button"
      className="button"
      onClick={() => void run(fileFormat)}
      disabled={state.status === 'running'}
      data-testid={`audit-export-${fileFormat}`}
    >
      {state.status === 'running' && state.format === fileFormat
        ? t('audit.exporting')
        : t(fileFormat === 'csv' ? 'audit.exportCsv' : 'audit.exportPdf')}
    </button>
  )

  return (
    <div className="audit-export">
      <div className="audit-export__buttons">
        {button('csv')}
        {button('pdf')}
      </div>
      <p className="form__hint">{t('audit.exportHint')}</p>
      {state.status === 'done' ? (
        <p className="audit-export__result" role="status" data-testid="audit-export-result">
          {t('audit.exported', { count: state.file.entries, total: format.integer(state.file.entries), fileName: state.file.fileName })}
        </p>
      ) : null}
      {state.status === 'error' ? <ErrorNote message={state.error.message} code={state.error.code} testId="audit-export-error" /> : null}
    </div>
  )
}
