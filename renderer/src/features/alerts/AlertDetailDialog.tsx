import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../electron/shared/alerts'
import { Modal } from '../../components/Modal'
import { useFormatters } from '../../i18n/format'
import { useScenes } from '../../stores/stores-context'
import type { useEventText } from '../events/use-event-text'
import { AlertFacts } from './AlertFacts'
import { AlertSnapshot } from './AlertSnapshot'
import { EvidenceExport } from './EvidenceExport'
import { usePermission } from '../session/use-permission'

export interface AlertDetailDialogProps {
  alert: Alert
  text: ReturnType<typeof useEventText>
  onClose: () => void
}

/** One alert of the history in full: its image with the rule's zone and the boxes, what was decided, by whom. */
export function AlertDetailDialog({ alert, text, onClose }: AlertDetailDialogProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const ensureScene = useScenes((state) => state.ensure)
  const scene = useScenes((state) => state.byCamera[alert.cameraId]?.scene ?? null)
  const cameraId = alert.cameraId
  useEffect(() => ensureScene(cameraId), [cameraId, ensureScene])
  const mayExport = usePermission('evidence.export')
  return (
    <Modal
      open
      wide
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('alerts.detail.title', { kind: t(`analytics.eventKinds.${alert.kind}`), camera: text.cameraName(alert.cameraId) })}
      description={`${format.dateTime(alert.at)} · ${alert.ruleName}`}
      testId="alert-detail-dialog"
    >
      <div className="event-detail" data-image={alert.hasSnapshot}>
        <div className="event-detail__image">
          <AlertSnapshot alert={alert} scene={scene} testId="alert-detail-snapshot" />
          <p className="form__hint">{t('alerts.detail.snapshotHint')}</p>
        </div>
        <AlertFacts alert={alert} text={text} />
      </div>
      {mayExport ? (
        <section aria-label={t('alerts.export.title')}>
          <h3>{t('alerts.export.title')}</h3>
          <EvidenceExport alert={alert} />
        </section>
      ) : null}
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button" onClick={onClose} data-testid="alert-detail-close">
          {t('alerts.close')}
        </button>
      </div>
    </Modal>
  )
}
