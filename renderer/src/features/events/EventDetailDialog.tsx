import { useTranslation } from 'react-i18next'
import type { AnalyticsEvent } from '../../../../electron/shared/analytics-events'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { useFormatters } from '../../i18n/format'
import { alertPlaybackHref } from '../playback/playback-route'
import { usePermission } from '../session/use-permission'
import { SnapshotView } from './SnapshotView'
import type { useEventText } from './use-event-text'
import { useSnapshot } from './use-snapshot'
import { FactList } from '../../components/FactList'

export interface EventDetailDialogProps {
  event: AnalyticsEvent
  text: ReturnType<typeof useEventText>
  onClose: () => void
}

/** One event in full: its image with the boxes, what was seen, which rule and detector, with which thresholds. */
export function EventDetailDialog({ event, text, onClose }: EventDetailDialogProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const snapshot = useSnapshot(event.id, event.hasSnapshot)
  const camera = text.cameraName(event.cameraId)
  const kind = t(`analytics.eventKinds.${event.kind}`)
  const details = text.details(event)
  const labels = event.trackIds.length === event.boxes.length ? event.trackIds.map((id) => t('events.detail.track', { id })) : undefined
  const parameters = Object.entries(event.parameters)
  const mayPlayBack = usePermission('playback.view')

  return (
    <Modal
      open
      wide
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('events.detail.title', { kind, camera })}
      description={`${format.dateTime(event.at)} · ${event.ruleName}`}
      testId="event-detail-dialog"
    >
      {!event.hasSnapshot ? <p className="note">{t('events.detail.noImage')}</p> : null}
      <div className="event-detail" data-image={event.hasSnapshot}>
        <div className="event-detail__image">
          {snapshot.status === 'loading' ? <p className="event-detail__placeholder">{t('events.imageLoading')}</p> : null}
          {snapshot.status === 'error' ? (
            <ErrorNote message={t('events.imageFailed', { message: snapshot.error.message })} code={snapshot.error.code} />
          ) : null}
          {snapshot.status === 'ready' ? (
            <>
              <SnapshotView
                snapshot={snapshot.snapshot}
                boxes={event.boxes}
                labels={labels}
                alt={t('events.thumbnailAlt', { date: format.dateTime(event.at) })}
                className="snapshot--large"
                testId="event-detail-snapshot"
              />
              <p className="form__hint">{t('events.detail.image')}</p>
            </>
          ) : null}
        </div>
        <dl className="facts event-detail__facts">
          <dt>{t('events.detail.at')}</dt>
          <dd>
            <time dateTime={new Date(event.at).toISOString()}>{format.dateTime(event.at)}</time>
          </dd>
          <dt>{t('events.detail.latency')}</dt>
          <dd>{t('events.detail.latencyValue', { value: format.seconds(Math.max(0, event.recordedAt - event.at)) })}</dd>
          <dt>{t('events.detail.camera')}</dt>
          <dd>{camera}</dd>
          <dt>{t('events.detail.rule')}</dt>
          <dd>
            {event.ruleName}
            <span className="facts__detail">{t(`analytics.ruleKinds.${event.ruleKind}`)}</span>
          </dd>
          <dt>{t('events.detail.module')}</dt>
          <dd>{t(`compliance.modules.${event.moduleId}`)}</dd>
          {event.alert ? (
            <>
              <dt>{t('events.detail.priority')}</dt>
              <dd>{t(`analytics.priorities.${event.priority}`)}</dd>
            </>
          ) : null}
          <FactList term={t('events.detail.details')} facts={details} />
          {event.trackIds.length > 0 ? (
            <>
              <dt>{t('events.detail.tracks')}</dt>
              <dd>{event.trackIds.map((id) => t('events.detail.track', { id })).join(', ')}</dd>
            </>
          ) : null}
          <dt>{t('events.detail.model')}</dt>
          <dd>
            {t('events.detail.modelValue', {
              name: event.model.name,
              threshold: format.decimal(event.model.scoreThreshold),
              iou: format.decimal(event.model.nmsIou)
            })}
          </dd>
          <FactList
            term={t('events.detail.parameters')}
            facts={parameters.map(([key, value]) => ({ key, label: text.parameterLabel(key), value: text.parameterValue(key, value) }))}
          />
        </dl>
      </div>
      <div className="form__actions">
        {mayPlayBack ? (
          // An anchor: the playback screen lives at its own address (cameras and moment in the hash).
          <a
            className="button button--primary"
            href={alertPlaybackHref(event.cameraId, event.at)}
            onClick={onClose}
            data-testid="event-detail-playback"
          >
            {t('events.detail.playback')}
          </a>
        ) : null}
        <span className="form__spacer" />
        <button type="button" className="button" onClick={onClose} data-testid="event-detail-close">
          {t('events.detail.close')}
        </button>
      </div>
    </Modal>
  )
}
