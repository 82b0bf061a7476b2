import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useCoreAction } from '../../api/use-core-action'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { SelectField } from '../../components/SelectField'
import { TextAreaField } from '../../components/TextAreaField'
import { TextField } from '../../components/TextField'
import { useHolds } from '../../stores/stores-context'
import { fromLocalInputValue, toLocalInputValue } from './datetime-input'
import { HOLD_REASON, HOLD_REFERENCE, withinLength } from './limits'

export interface CameraChoice {
  id: string
  name: string
}

export interface PlaceHoldDialogProps {
  cameras: CameraChoice[]
  cameraId: string
  from: number
  to: number
  onClose: () => void
}

/**
 * « Placer sous réquisition »: a camera's period kept from the purge until released, for the
 * procedure its reference names. The period comes from the timeline's selection.
 */
export function PlaceHoldDialog({ cameras, cameraId: initialCamera, from: initialFrom, to: initialTo, onClose }: PlaceHoldDialogProps) {
  const { t } = useTranslation()
  const place = useHolds((state) => state.place)
  const [cameraId, setCameraId] = useState(initialCamera)
  const [from, setFrom] = useState(() => toLocalInputValue(initialFrom))
  const [to, setTo] = useState(() => toLocalInputValue(initialTo))
  const [reference, setReference] = useState('')
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useCoreAction(onClose)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const start = fromLocalInputValue(from)
    const end = fromLocalInputValue(to)
    if (start === null || end === null) return setError({ code: null, message: t('playback.holds.dialog.invalidDate') })
    if (end <= start) return setError({ code: null, message: t('playback.holds.dialog.endBeforeStart') })
    if (!withinLength(reference, HOLD_REFERENCE)) return setError({ code: null, message: t('playback.holds.dialog.referenceLength', HOLD_REFERENCE) })
    if (!withinLength(reason, HOLD_REASON)) return setError({ code: null, message: t('playback.holds.dialog.reasonLength', { count: HOLD_REASON.min }) })
    await run(() => place({ cameraId, from: start, to: end, reference: reference.trim(), reason: reason.trim() }))
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('playback.holds.dialog.title')}
      description={t('playback.holds.dialog.description')}
      testId="hold-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <SelectField
          label={t('playback.holds.dialog.camera')}
          value={cameraId}
          options={cameras.map((camera) => ({ value: camera.id, label: camera.name }))}
          onChange={setCameraId}
          required
          testId="hold-camera"
        />
        <div className="form__row form__row--two">
          <TextField label={t('playback.holds.dialog.from')} type="datetime-local" step={1} value={from} onChange={setFrom} required testId="hold-from" />
          <TextField label={t('playback.holds.dialog.to')} type="datetime-local" step={1} value={to} onChange={setTo} required testId="hold-to" />
        </div>
        <TextField
          label={t('playback.holds.dialog.reference')}
          value={reference}
          onChange={setReference}
          placeholder={t('playback.holds.dialog.referencePlaceholder')}
          hint={t('playback.holds.dialog.referenceHint')}
          minLength={HOLD_REFERENCE.min}
          maxLength={HOLD_REFERENCE.max}
          autoComplete="off"
          required
          autoFocus
          testId="hold-reference"
        />
        <TextAreaField
          label={t('playback.holds.dialog.reason')}
          value={reason}
          onChange={setReason}
          hint={t('playback.holds.dialog.reasonHint', { count: HOLD_REASON.min })}
          minLength={HOLD_REASON.min}
          maxLength={HOLD_REASON.max}
          required
          testId="hold-reason"
        />
        {error ? <ErrorNote message={error.message} code={error.code} testId="hold-error" /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose} data-testid="hold-cancel">
            {t('playback.holds.dialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="hold-submit">
            {busy ? t('playback.holds.dialog.submitting') : t('playback.holds.dialog.submit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
