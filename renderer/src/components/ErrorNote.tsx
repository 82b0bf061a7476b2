import { useTranslation } from 'react-i18next'

export interface ErrorNoteProps {
  message: string
  /** The core's machine code, shown so a support call can quote it. */
  code?: string | null
  testId?: string
}

/** A failure told to the operator as it is: announced to screen readers, never hidden. */
export function ErrorNote({ message, code, testId }: ErrorNoteProps) {
  const { t } = useTranslation()
  return (
    <p className="error-note" role="alert" data-testid={testId} data-error-code={code ?? undefined}>
      {code ? t('errors.withCode', { message, code }) : message}
    </p>
  )
}
