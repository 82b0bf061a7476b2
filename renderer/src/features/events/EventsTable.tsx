import { useTranslation } from 'react-i18next'
import type { AnalyticsEvent } from '../../../../electron/shared/analytics-events'
import { Badge, type BadgeTone } from '../../components/Badge'
import { useFormatters } from '../../i18n/format'
import { EventThumbnail } from './EventThumbnail'
import type { useEventText } from './use-event-text'

const PRIORITY_TONE: Record<AnalyticsEvent['priority'], BadgeTone> = { low: 'neutral', normal: 'info', high: 'danger' }

export interface EventsTableProps {
  events: AnalyticsEvent[]
  liveIds: Record<number, true>
  text: ReturnType<typeof useEventText>
  onOpen: (event: AnalyticsEvent) => void
}

/** Newest first. A row that arrived live is marked « nouveau » for a moment. */
export function EventsTable({ events, liveIds, text, onOpen }: EventsTableProps) {
  const { t } = useTranslation()
  return (
    <div className="table-scroll">
      <table className="data-table events-table" data-testid="events-table">
        <thead>
          <tr>
            <th scope="col">{t('events.columns.image')}</th>
            <th scope="col">{t('events.columns.at')}</th>
            <th scope="col">{t('events.columns.camera')}</th>
            <th scope="col">{t('events.columns.rule')}</th>
            <th scope="col">{t('events.columns.kind')}</th>
            <th scope="col">{t('events.columns.priority')}</th>
            <th scope="col">{t('events.columns.details')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('events.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <EventRow key={event.id} event={event} live={liveIds[event.id] === true} text={text} onOpen={() => onOpen(event)} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface EventRowProps {
  event: AnalyticsEvent
  live: boolean
  text: ReturnType<typeof useEventText>
  onOpen: () => void
}

function EventRow({ event, live, text, onOpen }: EventRowProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const date = format.dateTime(event.at)
  const details = text.details(event)
  return (
    <tr
      data-testid={`event-row-${event.id}`}
      data-kind={event.kind}
      data-camera-id={event.cameraId}
      data-priority={event.priority}
      data-alert={event.alert}
      data-live={live || undefined}
    >
      <td className="events-table__image">
        <EventThumbnail event={event} onOpen={onOpen} />
      </td>
      <td className="events-table__at">
        <time dateTime={new Date(event.at).toISOString()}>{date}</time>
        {live ? (
          <>
            {' '}
            <Badge tone="ok">{t('events.fresh')}</Badge>
          </>
        ) : null}
      </td>
      <td>{text.cameraName(event.cameraId)}</td>
      <td>{event.ruleName}</td>
      <td>{t(`analytics.eventKinds.${event.kind}`)}</td>
      <td>
        {event.alert ? (
          <Badge tone={PRIORITY_TONE[event.priority]} testId={`event-priority-${event.id}`}>
            {t(`analytics.priorities.${event.priority}`)}
          </Badge>
        ) : (
          <span className="data-table__detail">{t('events.notAlert')}</span>
        )}
      </td>
      <td className="events-table__details">
        {details.map((detail) => (
          <span key={detail.key} className="events-table__detail">
            <span className="events-table__detail-key">{detail.label}</span> {detail.value}
          </span>
        ))}
      </td>
      <td className="data-table__actions">
        <button type="button" className="button button--small" onClick={onOpen} aria-label={t('events.openNamed', { date })} data-testid={`event-open-${event.id}`}>
          {t('events.open')}
        </button>
      </td>
    </tr>
  )
}
