import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnalyticsEvent } from '../../../../electron/shared/analytics-events'
import type { Scene } from '../../../../electron/shared/scene'
import { ErrorNote } from '../../components/ErrorNote'
import { useCameras, useEvents, useScenes } from '../../stores/stores-context'
import { EventDetailDialog } from './EventDetailDialog'
import { EventFiltersBar } from './EventFiltersBar'
import { EventsTable } from './EventsTable'
import { useEventText } from './use-event-text'
import { ScreenHeader } from '../../components/ScreenHeader'

/** The analytics events journal: alerts as they are raised, filtered by camera and type, with their images. */
export function EventsScreen() {
  const { t } = useTranslation()
  const filters = useEvents((state) => state.filters)
  const events = useEvents((state) => state.events)
  const liveIds = useEvents((state) => state.liveIds)
  const status = useEvents((state) => state.status)
  const error = useEvents((state) => state.error)
  const apply = useEvents((state) => state.apply)
  const refresh = useEvents((state) => state.refresh)
  const cameras = useCameras((state) => state.cameras)
  const ensureScene = useScenes((state) => state.ensure)
  const scenesByCamera = useScenes((state) => state.byCamera)
  const [opened, setOpened] = useState<AnalyticsEvent | null>(null)

  // Each visit shows the journal as it is now, with the filters last chosen.
  useEffect(() => {
    void refresh()
  }, [refresh])

  // Zone names for the details column come from the cameras' scenes.
  const cameraIds = useMemo(() => [...new Set(events.map((event) => event.cameraId))].sort().join(','), [events])
  useEffect(() => {
    for (const cameraId of cameraIds.split(',')) if (cameraId) ensureScene(cameraId)
  }, [cameraIds, ensureScene])
  const scenes = useMemo(
    () => Object.fromEntries(Object.entries(scenesByCamera).map(([cameraId, entry]) => [cameraId, entry.scene])) as Record<string, Scene | null>,
    [scenesByCamera]
  )
  const text = useEventText(scenes)

  return (
    <section className="admin-screen events-screen" aria-labelledby="events-title">
      <ScreenHeader titleId="events-title" title={t('events.title')} intro={t('events.intro')}>
        <span className="events-live" data-testid="events-live">
          <span className="events-live__dot" aria-hidden="true" />
          {t('events.live')}
        </span>
      </ScreenHeader>
      <EventFiltersBar filters={filters} cameras={cameras} onChange={(next) => void apply(next)} />
      {error ? <ErrorNote message={t('events.loadFailed', { message: error.message })} code={error.code} testId="events-error" /> : null}
      <div className="audit-results" data-testid="events-results" data-status={status} aria-busy={status === 'loading'}>
        {status === 'loading' ? <p>{t('app.loading')}</p> : null}
        {status === 'ready' && events.length === 0 ? <p className="empty-state">{t('events.empty')}</p> : null}
        {events.length > 0 ? <EventsTable events={events} liveIds={liveIds} text={text} onOpen={setOpened} /> : null}
        <OlderEvents />
      </div>
      {opened ? <EventDetailDialog event={opened} text={text} onClose={() => setOpened(null)} /> : null}
    </section>
  )
}

function OlderEvents() {
  const { t } = useTranslation()
  const status = useEvents((state) => state.status)
  const nextBefore = useEvents((state) => state.nextBefore)
  const loadingOlder = useEvents((state) => state.loadingOlder)
  const loadOlder = useEvents((state) => state.loadOlder)
  const hasEvents = useEvents((state) => state.events.length > 0)
  if (status !== 'ready' || !hasEvents) return null
  if (nextBefore === null) return <p className="empty-state" data-testid="events-start">{t('events.start')}</p>
  return (
    <div className="audit-more">
      <button type="button" className="button" onClick={() => void loadOlder()} disabled={loadingOlder} data-testid="events-more">
        {loadingOlder ? t('events.loadingMore') : t('events.more')}
      </button>
    </div>
  )
}
