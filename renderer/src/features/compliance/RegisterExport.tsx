import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { downloadBase64File } from '../../files/download'
import type { RegisterFormat } from '../../stores/compliance-store'
import { useCompliance } from '../../stores/stores-context'

type ExportState =
  | { status: 'idle' }
  | { status: 'running'; format: RegisterFormat }
  | { status: 'done'; fileName: string }
  | { status: 'error'; error: ShownError }

const FORMATS: readonly RegisterFormat[] = ['pdf', 'json']

/** The « registre » a CNIL inspector asks for: PDF to read, JSON to process. */
export function RegisterExport() {
  const { t } = useTranslation()
  const exportRegister = useCompliance((state) => state.exportRegister)
  const [state, setState] = useState<ExportState>({ status: 'idle' })

  const run = async (format: RegisterFormat): Promise<void> => {
    setState({ status: 'running', format })
    try {
      const file = await exportRegister(format)
      downloadBase64File(file.fileName, file.mimeType, file.base64)
      setState({ status: 'done', fileName: file.fileName })
    } catch (error) {
      setState({ status: 'error', error: toShownError(error) })
    }
  }

  return (
    <div className="register-export">
      <div className="register-export__buttons">
        {FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            onClick={() => void run(format)}
            disabled={state.status === 'running'}
            data-testid={`register-export-${format}`}
          >
            {state.status === 'running' && state.format === format
              ? t('compliance.register.exporting')
              : t(format === 'pdf' ? 'compliance.register.exportPdf' : 'compliance.register.exportJson')}
          </button>
        ))}
      </div>
      <p className="form__hint">{t('compliance.register.hint')}</p>
      {state.status === 'done' ? (
        <p className="register-export__result" role="status" data-testid="register-export-result">
          {t('compliance.register.exported', { fileName: state.fileName })}
        </p>
      ) : null}
      {state.status === 'error' ? <ErrorNote message={state.error.message} code={state.error.code} testId="register-export-error" /> : null}
    </div>
  )
}
