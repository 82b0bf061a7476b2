import { memo, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../electron/shared/alerts'
import { Badge } from '../../components/Badge'
import { useNow } from '../compliance/use-now'
import { PRIORITY_TONE, STATE_TONE } from './tones'
import { useAlertText, type AlertText } from './use-alert-text'

export interface QueueListProps {
  queue: readonly Alert[]
  selectedId: number | null
  burstIds: ReadonlySet<number>
  freshIds: Readonly<Record<number, true>>
  username: string
  /** Supervisors see escalated alerts set apart: they are waiting for them. */
  highlightEscalated: boolean
  cameraName: (cameraId: string) => string
  onSelect: (alertId: number) => void
}

/**
 * The open alerts as a listbox: one row per alert, the selected one followed by the keyboard
 * (the list keeps it in view). Rows say what, where, when, and who has it.
 */
export function QueueList({ queue, selectedId, burstIds, freshIds, username, highlightEscalated, cameraName, onSelect }: QueueListProps) {
  const { t } = useTranslation()
  const now = useNow(5000)
  const words = useAlertText()
  const listRef = useRef<HTMLUListElement>(null)

  // Keyboard first: arriving on the queue from the navigation, the keys act on it at once.
  useEffect(() => {
    const active = document.activeElement
    if (!active || active === document.body || active.closest('.app-nav, .alerts-tabs')) listRef.current?.focus({ preventScroll: true })
  }, [])

  useEffect(() => {
    if (selectedId === null) return
    listRef.current?.querySelector(`[data-alert-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [selectedId])

  return (
    <ul
      ref={listRef}
      className="alert-queue"
      role="listbox"
      tabIndex={0}
      aria-label={t('alerts.queue.label')}
      aria-activedescendant={selectedId !== null ? `alert-option-${selectedId}` : undefined}
      data-testid="alert-queue"
      data-count={queue.length}
    >
      {queue.map((alert) => (
        <QueueRow
          key={alert.id}
          alert={alert}
          selected={alert.id === selectedId}
          inBurst={burstIds.has(alert.id)}
          fresh={freshIds[alert.id] === true}
          mine={alert.owner === username}
          highlight={highlightEscalated && alert.state === 'escalated'}
          camera={cameraName(alert.cameraId)}
          now={now}
          words={words}
          onSelect={onSelect}
        />
      ))}
    </ul>
  )
}

interface QueueRowProps {
  alert: Alert
  selected: boolean
  inBurst: boolean
  fresh: boolean
  mine: boolean
  highlight: boolean
  camera: string
  now: number
  /** The list's words and formatters, shared by every row. */
  words: AlertText
  onSelect: (alertId: number) => void
}

const QueueRow = memo(function QueueRow({ alert, selected, inBurst, fresh, mine, highlight, camera, now, words, onSelect }: QueueRowProps) {
  const { t } = words
  const format = words.format
  const who =
    alert.state === 'in_review' && alert.owner
      ? mine
        ? t('alerts.queue.mine')
        : t('alerts.queue.owner', { name: alert.owner })
      : alert.state === 'escalated'
        ? alert.escalatedBy === 'system'
          ? t('alerts.queue.escalatedBySystem')
          : t('alerts.queue.escalatedBy', { name: alert.escalatedBy ?? '' })
        : null
  return (
    <li
      id={`alert-option-${alert.id}`}
      role="option"
      aria-selected={selected}
      className="alert-queue__row"
      onClick={() => onSelect(alert.id)}
      data-testid={`alert-row-${alert.id}`}
      data-alert-id={alert.id}
      data-camera-id={alert.cameraId}
      data-rule-id={alert.ruleId}
      data-state={alert.state}
      data-priority={alert.priority}
      data-at={alert.at}
      data-recorded-at={alert.recordedAt}
      data-selected={selected || undefined}
      data-in-burst={inBurst || undefined}
      data-highlight={highlight || undefined}
      data-fresh={fresh || undefined}
    >
      <span className="alert-queue__line">
        <span className="alert-queue__kind">{t(`analytics.eventKinds.${alert.kind}`)}</span>
        <Badge tone={PRIORITY_TONE[alert.priority]}>{t(`analytics.priorities.${alert.priority}`)}</Badge>
        <span className="alert-queue__age" title={format.dateTime(alert.at)}>
          {t('alerts.queue.age', { value: words.age(now - alert.at) })}
        </span>
      </span>
      <span className="alert-queue__line alert-queue__where">
        <span className="alert-queue__camera">{camera}</span>
        <span className="alert-queue__rule">{alert.ruleName}</span>
      </span>
      <span className="alert-queue__line">
        <Badge tone={STATE_TONE[alert.state]} testId={`alert-row-state-${alert.id}`}>
          {words.state(alert)}
        </Badge>
        {who ? <span className="alert-queue__who">{who}</span> : null}
        {inBurst ? <span className="alert-queue__burst">{t('alerts.queue.inBurst')}</span> : null}
        <time className="alert-queue__time" dateTime={new Date(alert.at).toISOString()}>
          {format.time(alert.at)}
        </time>
      </span>
    </li>
  )
})
