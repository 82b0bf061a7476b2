import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useCoreAction } from '../../api/use-core-action'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { TextAreaField } from '../../components/TextAreaField'
import { isLongEnough, MAX_JUSTIFICATION_LENGTH, MIN_JUSTIFICATION_LENGTH } from './justification'

export interface JustificationDialogProps {
  title: string
  description: string
  /** Said above the field when the decision looks pointless in the module's state (the core still decides). */
  warning?: ReactNode
  submitLabel: string
  submittingLabel: string
  /** Rejects with the core's error: the dialog then stays open, with the text typed. */
  onSubmit: (justification: string) => Promise<unknown>
  onClose: () => void
  /** « decision » gives decision-justification, decision-submit, decision-error… */
  testIdPrefix: string
}

/**
 * A decision that must be explained in writing: an approval, a revocation, a withdrawal. The reason
 * goes into the audit trail and the register, so it is asked for every time, never defaulted.
 */
export function JustificationDialog(props: JustificationDialogProps) {
  const { title, description, warning, submitLabel, submittingLabel, onSubmit, onClose, testIdPrefix } = props
  const { t } = useTranslation()
  const [justification, setJustification] = useState('')
  const { busy: saving, error, setError, run } = useCoreAction(onClose)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!isLongEnough(justification)) {
      setError({ code: null, message: t('compliance.decision.tooShort', { count: MIN_JUSTIFICATION_LENGTH }) })
      return
    }
    await run(() => onSubmit(justification.trim()))
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={title}
      description={description}
      testId={`${testIdPrefix}-dialog`}
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {warning ? <p className="note note--warn">{warning}</p> : null}
        <TextAreaField
          label={t('compliance.decision.justification')}
          value={justification}
          onChange={setJustification}
          hint={t('compliance.decision.justificationHint', { count: MIN_JUSTIFICATION_LENGTH })}
          minLength={MIN_JUSTIFICATION_LENGTH}
          maxLength={MAX_JUSTIFICATION_LENGTH}
          required
          autoFocus
          testId={`${testIdPrefix}-justification`}
        />
        {error ? <ErrorNote message={error.message} code={error.code} testId={`${testIdPrefix}-error`} /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose} data-testid={`${testIdPrefix}-cancel`}>
            {t('compliance.decision.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving} data-testid={`${testIdPrefix}-submit`}>
            {saving ? submittingLabel : submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  )
}
