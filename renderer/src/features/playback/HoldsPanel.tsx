import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { LegalHold } from '../../../../electron/shared/recording'
import { useCoreAction } from '../../api/use-core-action'
import { Badge } from '../../components/Badge'
import { ClampedText } from '../../components/ClampedText'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { TextAreaField } from '../../components/TextAreaField'
import { useFormatters } from '../../i18n/format'
import { useHolds } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'
import { RELEASE_REASON, withinLength } from './limits'

export interface HoldsPanelProps {
  cameraName: (cameraId: string) => string
  /** Opens the placement dialog with the timeline's selection; absent when the person may not place holds. */
  onPlace?: () => void
  /** Shows the start of a hold on its camera; absent when the person may not watch recordings. */
  onShow?: (hold: LegalHold) => void
}

/** Legal holds (réquisitions): the periods kept from the purge, the ones in force first. */
export function HoldsPanel({ cameraName, onPlace, onShow }: HoldsPanelProps) {
  const { t } = useTranslation()
  const holds = useHolds((state) => state.holds)
  const status = useHolds((state) => state.status)
  const error = useHolds((state) => state.error)
  const mayRelease = usePermission('recording.hold')
  const [releasing, setReleasing] = useState<LegalHold | null>(null)
  const ordered = [...holds].sort((a, b) => Number(a.releasedAt !== null) - Number(b.releasedAt !== null))

  return (
    <section className="side-panel" aria-labelledby="holds-title" data-testid="holds-panel" data-status={status}>
      <div className="side-panel__header">
        <h2 id="holds-title" className="side-panel__title">
          {t('playback.holds.title')}
        </h2>
        {onPlace ? (
          <button type="button" className="button button--small button--primary" onClick={onPlace} data-testid="hold-place">
            {t('playback.holds.place')}
          </button>
        ) : null}
      </div>
      <p className="side-panel__intro">{t('playback.holds.intro')}</p>
      {error ? <ErrorNote message={t('playback.holds.loadFailed', { message: error.message })} code={error.code} /> : null}
      {status === 'loading' ? <p className="empty-state">{t('app.loading')}</p> : null}
      {status === 'ready' && holds.length === 0 ? <p className="empty-state">{t('playback.holds.empty')}</p> : null}
      <ul className="cards">
        {ordered.map((hold) => (
          <HoldCard
            key={hold.id}
            hold={hold}
            camera={cameraName(hold.cameraId)}
            onShow={onShow ? () => onShow(hold) : undefined}
            onRelease={mayRelease && hold.releasedAt === null ? () => setReleasing(hold) : undefined}
          />
        ))}
      </ul>
      {releasing ? <ReleaseHoldDialog hold={releasing} camera={cameraName(releasing.cameraId)} onClose={() => setReleasing(null)} /> : null}
    </section>
  )
}

interface HoldCardProps {
  hold: LegalHold
  camera: string
  onShow?: () => void
  onRelease?: () => void
}

function HoldCard({ hold, camera, onShow, onRelease }: HoldCardProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const released = hold.releasedAt !== null
  return (
    <li className="card" data-testid={`hold-${hold.id}`} data-released={released} data-camera-id={hold.cameraId}>
      <div className="card__head">
        <strong className="card__title">{hold.reference}</strong>
        {released ? <Badge>{t('playback.holds.released')}</Badge> : <Badge tone="warn">{t('playback.holds.inForce')}</Badge>}
      </div>
      <p className="card__line">{camera}</p>
      <p className="card__line">{t('playback.holds.period', { from: format.dateTime(hold.from), to: format.dateTime(hold.to) })}</p>
      <ClampedText text={hold.reason} moreLabel={t('playback.more')} lessLabel={t('playback.less')} />
      <p className="card__meta">{t('playback.holds.placedBy', { by: hold.createdBy, at: format.dateTime(hold.createdAt) })}</p>
      {released && hold.releasedAt !== null ? (
        <p className="card__meta">{t('playback.holds.releasedBy', { by: hold.releasedBy ?? '—', at: format.dateTime(hold.releasedAt) })}</p>
      ) : null}
      <div className="card__actions">
        {onShow ? (
          <button type="button" className="button button--small" onClick={onShow} data-testid={`hold-show-${hold.id}`}>
            {t('playback.holds.show')}
          </button>
        ) : null}
        {onRelease ? (
          <button type="button" className="button button--small button--danger-ghost" onClick={onRelease} data-testid={`hold-release-${hold.id}`}>
            {t('playback.holds.release')}
          </button>
        ) : null}
      </div>
    </li>
  )
}

function ReleaseHoldDialog({ hold, camera, onClose }: { hold: LegalHold; camera: string; onClose: () => void }) {
  const { t } = useTranslation()
  const release = useHolds((state) => state.release)
  const [reason, setReason] = useState('')
  const { busy, error, setError, run } = useCoreAction(onClose)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (!withinLength(reason, RELEASE_REASON)) {
      setError({ code: null, message: t('playback.holds.releaseDialog.tooShort', { count: RELEASE_REASON.min }) })
      return
    }
    await run(() => release(hold.id, reason.trim()))
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('playback.holds.releaseDialog.title', { reference: hold.reference })}
      description={t('playback.holds.releaseDialog.description', { camera })}
      testId="hold-release-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextAreaField
          label={t('playback.holds.releaseDialog.reason')}
          value={reason}
          onChange={setReason}
          hint={t('playback.holds.releaseDialog.reasonHint', { count: RELEASE_REASON.min })}
          minLength={RELEASE_REASON.min}
          maxLength={RELEASE_REASON.max}
          required
          autoFocus
          testId="hold-release-reason"
        />
        {error ? <ErrorNote message={error.message} code={error.code} testId="hold-release-error" /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose} data-testid="hold-release-cancel">
            {t('playback.holds.releaseDialog.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={busy} data-testid="hold-release-submit">
            {busy ? t('playback.holds.releaseDialog.submitting') : t('playback.holds.releaseDialog.submit')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
