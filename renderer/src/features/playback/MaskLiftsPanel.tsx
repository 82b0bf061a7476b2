import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MaskLift } from '../../../../electron/shared/recording'
import { toShownError, type ShownError } from '../../api/errors'
import { useCoreAction } from '../../api/use-core-action'
import { Badge, type BadgeTone } from '../../components/Badge'
import { ClampedText } from '../../components/ClampedText'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { SelectField } from '../../components/SelectField'
import { TextAreaField } from '../../components/TextAreaField'
import { TextField } from '../../components/TextField'
import { useFormatters } from '../../i18n/format'
import { useMaskLifts } from '../../stores/stores-context'
import { useNow } from '../compliance/use-now'
import { LIFT_MINUTES, LIFT_REASON, LIFT_REFERENCE, withinLength } from './limits'
import { approvalBlock, liftStateAt, type LiftState } from './mask-lift'
import type { CameraChoice } from './PlaceHoldDialog'

export interface MaskLiftsPanelProps {
  /** The signed-in person: one's own request is approved by someone else. */
  username: string
  cameras: CameraChoice[]
  cameraName: (cameraId: string) => string
  /** The camera a new request is about, by default (the active tile's). */
  defaultCameraId: string | null
  /** May ask, approve and end lifts (mask.lift); without it the panel only lists them. */
  mayAct: boolean
}

const STATE_TONE: Record<LiftState, BadgeTone> = { pending: 'info', active: 'warn', expired: 'neutral', ended: 'neutral' }

/**
 * Lifts of privacy masks, four eyes: one supervisor or DPO asks (reference, reason, duration), another
 * approves; the lift then runs for its minutes, or until ended. Changes arrive live from every workstation.
 */
export function MaskLiftsPanel({ username, cameras, cameraName, defaultCameraId, mayAct }: MaskLiftsPanelProps) {
  const { t } = useTranslation()
  const lifts = useMaskLifts((state) => state.lifts)
  const status = useMaskLifts((state) => state.status)
  const error = useMaskLifts((state) => state.error)
  const now = useNow(5_000)
  const [requesting, setRequesting] = useState(false)

  return (
    <section className="side-panel" aria-labelledby="lifts-title" data-testid="lifts-panel" data-status={status}>
      <div className="side-panel__header">
        <h2 id="lifts-title" className="side-panel__title">
          {t('playback.lifts.title')}
        </h2>
        {mayAct ? (
          <button type="button" className="button button--small button--primary" onClick={() => setRequesting(true)} data-testid="lift-request">
            {t('playback.lifts.request')}
          </button>
        ) : null}
      </div>
      <p className="side-panel__intro">{t('playback.lifts.intro')}</p>
      {error ? <ErrorNote message={t('playback.lifts.loadFailed', { message: error.message })} code={error.code} /> : null}
      {status === 'loading' ? <p className="empty-state">{t('app.loading')}</p> : null}
      {status === 'ready' && lifts.length === 0 ? <p className="empty-state">{t('playback.lifts.empty')}</p> : null}
      <ul className="cards">
        {lifts.map((lift) => (
          <LiftCard key={lift.id} lift={lift} camera={cameraName(lift.cameraId)} username={username} now={now} mayAct={mayAct} />
        ))}
      </ul>
      {requesting ? (
        <RequestLiftDialog cameras={cameras} defaultCameraId={defaultCameraId} onClose={() => setRequesting(false)} />
      ) : null}
    </section>
  )
}

function LiftCard({ lift, camera, username, now, mayAct }: { lift: MaskLift; camera: string; username: string; now: number; mayAct: boolean }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const approve = useMaskLifts((state) => state.approve)
  const end = useMaskLifts((state) => state.end)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)
  const state = liftStateAt(lift, now)
  const block = approvalBlock(lift, username, now)

  const act = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (failure) {
      setError(toShownError(failure))
    } finally {
      setBusy(false)
    }
  }

  const stateText =
    state === 'active' && lift.until !== null ? t('playback.lifts.activeUntil', { time: format.until(lift.until, now) }) : t(`playback.lifts.states.${state}`)
  const ownNoteId = `lift-own-${lift.id}`

  return (
    <li className="card" data-testid={`lift-${lift.id}`} data-state={state} data-camera-id={lift.cameraId}>
      <div className="card__head">
        <strong className="card__title">{lift.reference}</strong>
        <Badge tone={STATE_TONE[state]} testId={`lift-state-${lift.id}`}>
          {stateText}
        </Badge>
      </div>
      <p className="card__line">
        {camera} · {t('playback.lifts.duration', { count: lift.minutes })}
      </p>
      <ClampedText text={lift.reason} moreLabel={t('playback.more')} lessLabel={t('playback.less')} />
      <p className="card__meta">{t('playback.lifts.requestedBy', { by: lift.requestedBy, at: format.dateTime(lift.requestedAt) })}</p>
      {lift.approvedBy !== null && lift.approvedAt !== null ? (
        <p className="card__meta">{t('playback.lifts.approvedBy', { by: lift.approvedBy, at: format.dateTime(lift.approvedAt) })}</p>
      ) : null}
      {mayAct && (state === 'pending' || state === 'active') ? (
        <div className="card__actions">
          {state === 'pending' ? (
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => void act(() => approve(lift.id))}
              disabled={busy || block !== null}
              aria-describedby={block === 'own-request' ? ownNoteId : undefined}
              data-testid={`lift-approve-${lift.id}`}
            >
              {t('playback.lifts.approve')}
            </button>
          ) : null}
          <button
            type="button"
            className="button button--small button--danger-ghost"
            onClick={() => void act(() => end(lift.id))}
            disabled={busy}
            data-testid={`lift-end-${lift.id}`}
          >
            {state === 'pending' ? t('playback.lifts.cancel') : t('playback.lifts.end')}
          </button>
        </div>
      ) : null}
      {mayAct && block === 'own-request' ? (
        <p id={ownNoteId} className="card__note" data-testid={`lift-own-note-${lift.id}`}>
          {t('playback.lifts.ownRequest')}
        </p>
      ) : null}
      {error ? <ErrorNote message={error.message} code={error.code} testId={`lift-error-${lift.id}`} /> : null}
    </li>
  )
}

interface RequestLiftDialogProps {
  cameras: CameraChoice[]
  defaultCameraId: string | null
  onClose: () => void
}

const DEFAULT_MINUTES = 30

function RequestLiftDialog({ cameras, defaultCameraId, onClose }: RequestLiftDialogProps) {
  const { t } = useTranslation()
  const request = useMaskLifts((state) => state.request)
  const [cameraId, setCameraId] = useState(defaultCameraId ?? cameras[0]?.id ?? '')
  const [reference, setReference] = useState('')
  const [reason, setReason] = useState('')
  const [minutes, setMinutes] = useState(String(DEFAULT_MINUTES))
  const { busy, error, setError, run } = useCoreAction(onClose)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const duration = Number(minutes)
    if (cameraId.trim() === '') return setError({ code: null, message: t('playback.lifts.dialog.cameraMissing') })
    if (!withinLength(reference, LIFT_REFERENCE)) return setError({ code: null, message: t('playback.lifts.dialog.referenceLength', LIFT_REFERENCE) })
    if (!withinLength(reason, LIFT_REASON)) return setError({ code: null, message: t('playback.lifts.dialog.reasonLength', { count: LIFT_REASON.min }) })
    if (!Number.isInteger(duration) || duration < LIFT_MINUTES.min || duration > LIFT_MINUTES.max) {
      return setError({ code: null, message: t('playback.lifts.dialog.minutesRange', LIFT_MINUTES) })
    }
    await run(() => request({ cameraId: cameraId.trim(), reference: reference.trim(), reason: reason.trim(), minutes: duration }))
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('playback.lifts.dialog.title')}
      description={t('playback.lifts.dialog.description')}
      testId="lift-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {cameras.length > 0 ? (
          <SelectField
            label={t('playback.lifts.dialog.camera')}
            value={cameraId}
            options={[
              ...(cameras.some((camera) => camera.id === cameraId) ? [] : [{ value: cameraId, label: t('playback.lifts.dialog.chooseCamera') }]),
              ...cameras.map((camera) => ({ value: camera.id, label: camera.name }))
            ]}
            onChange={setCameraId}
            required
            testId="lift-camera"
          />
        ) : (
          // Without the camera list (a DPO), the camera is named by its identifier.
          <TextField
            label={t('playback.lifts.dialog.cameraId')}
            value={cameraId}
            onChange={setCameraId}
            hint={t('playback.lifts.dialog.cameraIdHint')}
            autoComplete="off"
            spellCheck={false}
            required
            testId="lift-camera"
          />
        )}
        <TextField
          label={t('playback.lifts.dialog.reference')}
          value={reference}
          onChange={setReference}
          placeholder={t('playback.lifts.dialog.referencePlaceholder')}
          minLength={LIFT_REFERENCE.min}
          maxLength={LIFT_REFERENCE.max}
          autoComplete="off"
          required
          autoFocus
          testId="lift-reference"
        />
        <TextAreaField
          label={t('playback.lifts.dialog.reason')}
          value={reason}
          onChange={setReason}
          hint={t('playback.lifts.dialog.reasonHint', { count: LIFT_REASON.min })}
          minLength={LIFT_REASON.min}
          maxLength={LIFT_REASON.max}
          required
          testId="lift-reason"
        />
        <TextField
          label={t('playback.lifts.dialog.minutes')}
          type="number"
          inputMode="numeric"
          min={LIFT_MINUTES.min}
          max={LIFT_MINUTES.max}
          step={5}
          value={minutes}
          onChange={setMinutes}
          hint={t('playback.lifts.dialog.minutesHint', LIFT_MINUTES)}
          required
          testId="lift-minutes"
        />
        {error ? <ErrorNote message={error.message} code={error.code} testId="lift-dialog-error" /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose} data-testid="lift-dialog-cancel">
            {t('playback.lifts.dialog.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="lift-submit">
            {busy ? t('playback.lifts.dialog.submitting') : t('playback.lifts.dialog.submit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
