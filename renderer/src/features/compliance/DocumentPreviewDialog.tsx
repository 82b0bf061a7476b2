import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentView } from '../../../../electron/shared/compliance'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { textFromBase64 } from '../../files/base64'
import { downloadBase64File } from '../../files/download'
import { useFormatters } from '../../i18n/format'
import type { CoreFile } from '../../stores/compliance-store'
import { useCompliance } from '../../stores/stores-context'
import { isJsonDocument } from './documents'

type ContentState = { status: 'loading' } | { status: 'ready'; file: CoreFile } | { status: 'error'; error: ShownError }

/** Past this, the text preview stops: the file itself is one click away. */
const MAX_PREVIEW_CHARS = 200_000

/** Indented when it parses (a PIA export on one line is unreadable), as received otherwise. */
function readableJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/**
 * A document's file. JSON is shown as text. A PDF cannot be shown in the page: the Content-Security-Policy
 * refuses blob: frames (no frame-src, so default-src 'self') and plugins (object-src 'none'), so it is
 * opened as a download, in the workstation's own viewer.
 */
export function DocumentPreviewDialog({ document, onClose }: { document: DocumentView; onClose: () => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const documentContent = useCompliance((state) => state.documentContent)
  const [content, setContent] = useState<ContentState>({ status: 'loading' })

  useEffect(() => {
    let current = true
    documentContent(document.id).then(
      (file) => {
        if (current) setContent({ status: 'ready', file })
      },
      (error: unknown) => {
        if (current) setContent({ status: 'error', error: toShownError(error) })
      }
    )
    return () => {
      current = false
    }
  }, [documentContent, document.id])

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={document.fileName}
      description={`${document.typeLabel} · ${document.reference} · ${format.fileSize(document.bytes)}`}
      testId="document-preview-dialog"
    >
      {content.status === 'loading' ? <p>{t('compliance.preview.loading')}</p> : null}
      {content.status === 'error' ? (
        <ErrorNote message={t('compliance.preview.loadFailed', { message: content.error.message })} code={content.error.code} testId="document-preview-error" />
      ) : null}
      {content.status === 'ready' ? <PreviewBody document={document} file={content.file} /> : null}
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button button--ghost" onClick={onClose} data-testid="document-preview-close">
          {t('compliance.preview.close')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={content.status !== 'ready'}
          onClick={() => {
            if (content.status === 'ready') downloadBase64File(content.file.fileName, content.file.mimeType, content.file.base64)
          }}
          data-testid="document-preview-open"
        >
          {t('compliance.preview.open')}
        </button>
      </div>
    </Modal>
  )
}

function PreviewBody({ document, file }: { document: DocumentView; file: CoreFile }) {
  const { t } = useTranslation()
  if (!isJsonDocument(document)) return <p className="note">{t('compliance.preview.pdfNotEmbedded')}</p>
  const text = readableJson(textFromBase64(file.base64))
  const truncated = text.length > MAX_PREVIEW_CHARS
  return (
    <>
      <pre className="document-preview__text" tabIndex={0} data-testid="document-preview-text">
        {truncated ? text.slice(0, MAX_PREVIEW_CHARS) : text}
      </pre>
      {truncated ? <p className="form__hint">{t('compliance.preview.truncated')}</p> : null}
    </>
  )
}
