import { memo, useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../electron/shared/alerts'
import type { Scene } from '../../../../electron/shared/scene'
import { Badge } from '../../components/Badge'
import { ErrorNote } from '../../components/ErrorNote'
import { useFormatters } from '../../i18n/format'
import { useAlertHistory, useCameras, useScenes } from '../../stores/stores-context'
import { useEventText } from '../events/use-event-text'
import { AlertDetailDialog } from './AlertDetailDialog'
import { HistoryFilters } from './HistoryFilters'
import { PRIORITY_TONE, STATE_TONE } from './tones'
import { useAlertText, type AlertText } from './use-alert-text'
import { VirtualList } from './VirtualList'
import { needsMore, type WindowRange } from './virtual-window'

/** One line per alert, always this tall: the windowing counts on it. */
export const HISTORY_ROW_HEIGHT = 44
/** How close to the end of what is loaded the next page is asked for. */
const PREFETCH_ROWS = 150

/** Every alert, decided or not, newest first, filtered and paged as the reader scrolls. */
export function AlertHistory() {
  const { t } = useTranslation()
  const format = useFormatters()
  const filters = useAlertHistory((state) => state.filters)
  const alerts = useAlertHistory((state) => state.alerts)
  const status = useAlertHistory((state) => state.status)
  const error = useAlertHistory((state) => state.error)
  const nextBefore = useAlertHistory((state) => state.nextBefore)
  const loadingMore = useAlertHistory((state) => state.loadingMore)
  const apply = useAlertHistory((state) => state.apply)
  const revalidate = useAlertHistory((state) => state.revalidate)
  const loadMore = useAlertHistory((state) => state.loadMore)
  const cameras = useCameras((state) => state.cameras)
  const scenesByCamera = useScenes((state) => state.byCamera)
  const scenes = useMemo(
    () => Object.fromEntries(Object.entries(scenesByCamera).map(([cameraId, entry]) => [cameraId, entry.scene])) as Record<string, Scene | null>,
    [scenesByCamera]
  )
  const text = useEventText(scenes)
  const [opened, setOpened] = useState<Alert | null>(null)
  const [range, setRange] = useState<WindowRange | null>(null)

  // Each visit shows the history as it is now, with the filters last chosen: the rows followed live
  // stay on screen at once and are brought up to date; anything else is searched again.
  useEffect(() => {
    void revalidate()
  }, [revalidate])

  const hasMore = nextBefore !== null
  // Asked for well before the end: a fast scroll must not catch up with the loading.
  useEffect(() => {
    if (range && status === 'ready' && needsMore(range, alerts.length, hasMore, loadingMore, PREFETCH_ROWS)) void loadMore()
  }, [range, alerts.length, hasMore, loadingMore, status, loadMore])

  const words = useAlertText()
  const renderRow = useCallback((alert: Alert) => <HistoryRow alert={alert} camera={text.cameraName(alert.cameraId)} words={words} onOpen={setOpened} />, [text, words])

  return (
    <div className="alert-history" data-testid="alert-history">
      <HistoryFilters filters={filters} cameras={cameras} onChange={(next) => void apply(next)} />
      {error ? <ErrorNote message={t('alerts.history.loadFailed', { message: error.message })} code={error.code} testId="alert-history-error" /> : null}
      <div className="alert-history__table" role="table" aria-label={t('alerts.history.label')} aria-rowcount={alerts.length + 1} data-status={status} data-testid="alert-history-results" aria-busy={status === 'loading'}>
        <div className="alert-history__row alert-history__row--head" role="row">
          <span role="columnheader">{t('alerts.history.columns.at')}</span>
          <span role="columnheader">{t('alerts.history.columns.camera')}</span>
          <span role="columnheader">{t('alerts.history.columns.rule')}</span>
          <span role="columnheader">{t('alerts.history.columns.priority')}</span>
          <span role="columnheader">{t('alerts.history.columns.state')}</span>
          <span role="columnheader">{t('alerts.history.columns.operator')}</span>
          <span role="columnheader">{t('alerts.history.columns.reason')}</span>
        </div>
        {status === 'loading' ? <p className="alert-history__message">{t('app.loading')}</p> : null}
        {status === 'ready' && alerts.length === 0 ? <p className="alert-history__message empty-state">{t('alerts.history.empty')}</p> : null}
        {alerts.length > 0 ? (
          <VirtualList
            items={alerts}
            rowHeight={HISTORY_ROW_HEIGHT}
            rowKey={(alert) => alert.id}
            renderRow={renderRow}
            onRangeChange={setRange}
            className="alert-history__scroller"
            label={t('alerts.history.label')}
            testId="alert-history-scroller"
            footer={
              <p className="alert-history__footer" data-testid="alert-history-footer">
                {loadingMore ? t('alerts.history.loadingMore') : hasMore ? '' : t('alerts.history.end')}
              </p>
            }
          />
        ) : null}
      </div>
      {status === 'ready' ? (
        <p className="form__hint" data-testid="alert-history-loaded">
          {t('alerts.history.loaded', { count: alerts.length, value: format.integer(alerts.length) })}
        </p>
      ) : null}
      {opened ? <AlertDetailDialog alert={opened} text={text} onClose={() => setOpened(null)} /> : null}
    </div>
  )
}

interface HistoryRowProps {
  alert: Alert
  camera: string
  /** The list's words and formatters, shared by every row. */
  words: AlertText
  onOpen: (alert: Alert) => void
}

const HistoryRow = memo(function HistoryRow({ alert, camera, words, onOpen }: HistoryRowProps) {
  const { t } = words
  const date = words.format.dateTime(alert.at)
  const operator = words.operator(alert)
  const reason = alert.reason ? words.reason(alert.reason) : ''
  const note = alert.note ?? ''
  return (
    <div
      className="alert-history__row"
      role="row"
      tabIndex={-1}
      onClick={() => onOpen(alert)}
      data-testid={`alert-history-row-${alert.id}`}
      data-alert-id={alert.id}
      data-state={alert.state}
      data-operator={operator ?? undefined}
    >
      <span role="cell" className="alert-history__at">
        <button type="button" className="link-button" onClick={(event) => {
            event.stopPropagation()
            onOpen(alert)
          }} aria-label={t('alerts.history.open', { date })}>
          <time dateTime={new Date(alert.at).toISOString()}>{date}</time>
        </button>
      </span>
      <span role="cell" className="alert-history__cell" title={camera}>
        {camera}
      </span>
      <span role="cell" className="alert-history__cell" title={alert.ruleName}>
        {alert.ruleName}
        <span className="alert-history__kind">{t(`analytics.eventKinds.${alert.kind}`)}</span>
      </span>
      <span role="cell">
        <Badge tone={PRIORITY_TONE[alert.priority]}>{t(`analytics.priorities.${alert.priority}`)}</Badge>
      </span>
      <span role="cell">
        <Badge tone={STATE_TONE[alert.state]}>{words.state(alert)}</Badge>
      </span>
      <span role="cell" className="alert-history__cell" data-testid={`alert-history-operator-${alert.id}`}>
        {operator ?? ''}
      </span>
      <span role="cell" className="alert-history__cell" title={note ? `${reason} — ${note}` : reason}>
        {reason}
        {note ? <span className="alert-history__note"> — {note}</span> : null}
      </span>
    </div>
  )
})
