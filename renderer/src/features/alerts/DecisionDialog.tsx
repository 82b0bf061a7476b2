import { useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { DECISION_REASONS, type Alert } from '../../../../electron/shared/alerts'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { SelectField } from '../../components/SelectField'
import { TextAreaField } from '../../components/TextAreaField'
import { useFormatters } from '../../i18n/format'
import { decisionFormProblem, type Reason, type ReasonedDecision } from './decision-form'


export interface DecisionDialogProps {
  decision: ReasonedDecision
  /** The alert selected, and the burst when one is (all decided at once). */
  alerts: readonly Alert[]
  cameraName: string
  onSubmit: (reason: Reason, note: string) => Promise<unknown>
  onClose: () => void
}

/** Dismissing or escalating needs a reason from the list and a note: the small form both open. */
export function DecisionDialog({ decision, alerts, cameraName, onSubmit, onClose }: DecisionDialogProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const [reason, setReason] = useState<Reason | ''>(decision === 'escalated' ? 'needs-supervisor' : '')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)
  const [tried, setTried] = useState(false)
  const first = alerts[0]
  const problem = decisionFormProblem(reason, note)

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault()
    setTried(true)
    if (problem || reason === '' || busy) return
    setBusy(true)
    setError(null)
    try {
      await onSubmit(reason, note.trim())
      onClose()
    } catch (failure) {
      setError(toShownError(failure))
      setBusy(false)
    }
  }

  const onNoteKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit()
  }

  const description =
    alerts.length === 1
      ? t('alerts.decide.description', { count: 1, kind: t(`analytics.eventKinds.${first.kind}`), camera: cameraName, date: format.dateTime(first.at) })
      : t('alerts.decide.description', { count: alerts.length, camera: cameraName, rule: first.ruleName })

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open && !busy) onClose()
      }}
      title={decision === 'false_alarm' ? t('alerts.decide.falseAlarmTitle') : t('alerts.decide.escalateTitle')}
      description={description}
      testId="alert-decision-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate data-decision={decision}>
        <SelectField<Reason | ''>
          label={t('alerts.decide.reason')}
          value={reason}
          options={[{ value: '', label: t('alerts.decide.chooseReason') }, ...DECISION_REASONS.map((code) => ({ value: code, label: t(`alerts.reasons.${code}`) }))]}
          onChange={setReason}
          required
          hint={tried && problem === 'reason' ? <span className="form__error">{t('alerts.decide.missingReason')}</span> : undefined}
          testId="alert-decision-reason"
        />
        <TextAreaField
          label={t('alerts.decide.note')}
          value={note}
          onChange={setNote}
          onKeyDown={onNoteKeyDown}
          rows={3}
          maxLength={2000}
          required
          hint={tried && problem === 'note' ? <span className="form__error">{t('alerts.decide.missingNote')}</span> : t('alerts.decide.noteHint')}
          testId="alert-decision-note"
        />
        {error ? <ErrorNote message={error.message} code={error.code} testId="alert-decision-error" /> : null}
        <div className="form__actions">
          <span className="form__hint">{t('alerts.decide.submitHint')}</span>
          <span className="form__spacer" />
          <button type="button" className="button" onClick={onClose} disabled={busy} data-testid="alert-decision-cancel">
            {t('alerts.decide.cancel')}
          </button>
          <button type="submit" className={decision === 'escalated' ? 'button button--danger' : 'button button--primary'} disabled={busy} data-testid="alert-decision-submit">
            {busy ? t('alerts.actions.busy') : decision === 'false_alarm' ? t('alerts.decide.submitFalseAlarm') : t('alerts.decide.submitEscalate')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
