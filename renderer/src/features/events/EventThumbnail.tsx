import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnalyticsEvent } from '../../../../electron/shared/analytics-events'
import { useFormatters } from '../../i18n/format'
import { SnapshotView } from './SnapshotView'
import { useSnapshot } from './use-snapshot'

/** A row's image, fetched only once the row scrolls into view; a click opens the event. */
export function EventThumbnail({ event, onOpen }: { event: AnalyticsEvent; onOpen: () => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const ref = useRef<HTMLButtonElement>(null)
  const [visible, setVisible] = useState(false)
  const state = useSnapshot(event.id, event.hasSnapshot && visible)

  useEffect(() => {
    const element = ref.current
    if (!element || !event.hasSnapshot) return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setVisible(true)
        observer.disconnect()
      }
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [event.hasSnapshot])

  if (!event.hasSnapshot) return <span className="event-thumb event-thumb--none">{t('events.noImage')}</span>
  const date = format.dateTime(event.at)
  return (
    <button
      ref={ref}
      type="button"
      className="event-thumb"
      onClick={onOpen}
      aria-label={t('events.openNamed', { date })}
      data-state={state.status}
      data-testid={`event-thumb-${event.id}`}
    >
      {state.status === 'ready' ? (
        <SnapshotView snapshot={state.snapshot} boxes={event.boxes} alt={t('events.thumbnailAlt', { date })} />
      ) : (
        <span className="event-thumb__placeholder" title={state.status === 'error' ? t('events.imageFailed', { message: state.error.message }) : undefined}>
          {state.status === 'error' ? '—' : ''}
        </span>
      )}
    </button>
  )
}
