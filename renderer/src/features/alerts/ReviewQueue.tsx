import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alert, AlertDecision } from '../../../../electron/shared/alerts'
import type { Scene } from '../../../../electron/shared/scene'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { useFormatters } from '../../i18n/format'
import { decidableBy, followSelection, isOpen, stepSelection } from '../../stores/alert-order'
import { useAlerts, useScenes } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'
import { useEventText } from '../events/use-event-text'
import { AlertClip, type ClipHandle } from './AlertClip'
import { AlertDetailDialog } from './AlertDetailDialog'
import { AlertFacts } from './AlertFacts'
import { AlertLive } from './AlertLive'
import { AlertSnapshot } from './AlertSnapshot'
import { burstOf, burstSpanMs } from './bursts'
import { DecisionBar } from './DecisionBar'
import { DecisionDialog } from './DecisionDialog'
import type { Reason, ReasonedDecision } from './decision-form'
import { QueueList } from './QueueList'
import { RelatedAlerts } from './RelatedAlerts'
import type { ReviewAction } from './review-keys'
import { ShortcutKeys } from './Shortcuts'
import { useAlertText } from './use-alert-text'
import { useReviewKeys } from './use-review-keys'
import { useSettled } from './use-settled'

export interface ReviewQueueProps {
  username: string
  /** Supervisors: escalated alerts are theirs to decide, and set apart. */
  supervisor: boolean
  /** The help opened by « ? » lives in the screen's toolbar. */
  onToggleHelp: () => void
  /** An alert the address names (#/alerts/123): selected while open, shown in full once decided. */
  focusId?: number | null
}

type Notice = { kind: 'done'; count: number } | { kind: 'error'; error: ShownError; action: 'claim' | 'decide' }

/** How long the selection must rest before the recording and the live view open. */
const SETTLE_MS = 350

/** The review queue: open alerts on the left, the selected one on the right with everything needed to decide. */
export function ReviewQueue({ username, supervisor, onToggleHelp, focusId = null }: ReviewQueueProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const words = useAlertText()
  const queue = useAlerts((state) => state.queue)
  const status = useAlerts((state) => state.status)
  const error = useAlerts((state) => state.error)
  const freshIds = useAlerts((state) => state.freshIds)
  const load = useAlerts((state) => state.load)
  const claim = useAlerts((state) => state.claim)
  const decide = useAlerts((state) => state.decide)
  const getAlert = useAlerts((state) => state.get)
  const ensureScene = useScenes((state) => state.ensure)
  const scenesByCamera = useScenes((state) => state.byCamera)
  const mayPlayBack = usePermission('playback.view')
  const clipRef = useRef<ClipHandle>(null)

  // The selection follows the queue: when the selected alert leaves, the next one takes its place.
  const [tracked, setTracked] = useState<{ queue: readonly Alert[]; id: number | null }>(() => ({ queue, id: queue[0]?.id ?? null }))
  let selectedId = tracked.id
  if (tracked.queue !== queue) {
    selectedId = followSelection(tracked.queue, queue, tracked.id)
    setTracked({ queue, id: selectedId })
  }
  const select = useCallback((id: number | null) => setTracked((current) => ({ ...current, id })), [])
  const selected = queue.find((alert) => alert.id === selectedId) ?? null

  const [burstIds, setBurstIds] = useState<ReadonlySet<number> | null>(null)
  const burst = useMemo(() => {
    if (!burstIds || !selected || !burstIds.has(selected.id)) return null
    return queue.filter((alert) => burstIds.has(alert.id))
  }, [burstIds, queue, selected])

  // The alerts a dialog decides are fixed when it opens: the selection may move under it meanwhile.
  const [dialog, setDialog] = useState<{ decision: ReasonedDecision; alerts: Alert[] } | null>(null)
  const [opened, setOpened] = useState<Alert | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [focusError, setFocusError] = useState<{ id: number; error: ShownError } | null>(null)

  // The alert a link named: once the queue is there, select it if still open, else show it in full.
  const queueReady = status === 'ready'
  useEffect(() => {
    if (focusId === null || !queueReady) return
    let current = true
    setFocusError(null)
    getAlert(focusId).then(
      (alert) => {
        if (!current) return
        if (isOpen(alert)) select(alert.id)
        else setOpened(alert)
      },
      (failure: unknown) => {
        if (current) setFocusError({ id: focusId, error: toShownError(failure) })
      }
    )
    return () => {
      current = false
    }
  }, [focusId, queueReady, getAlert, select])

  // A refusal is about the alert it was made on: moving on clears it.
  useEffect(() => {
    setNotice((current) => (current?.kind === 'error' ? null : current))
  }, [selectedId])

  const settled = useSettled(selected, SETTLE_MS)
  const settledCamera = settled?.cameraId ?? null
  useEffect(() => {
    if (settledCamera) ensureScene(settledCamera)
  }, [settledCamera, ensureScene])
  const scenes = useMemo(
    () => Object.fromEntries(Object.entries(scenesByCamera).map(([cameraId, entry]) => [cameraId, entry.scene])) as Record<string, Scene | null>,
    [scenesByCamera]
  )
  const text = useEventText(scenes)

  /** What a decision applies to: the burst, or the alert alone; never one the core would refuse for the lot. */
  const targets = useCallback(
    (decision: AlertDecision): Alert[] => {
      if (!selected) return []
      const candidates = burst ?? [selected]
      return candidates.filter((alert) => decidableBy(alert, username) && !(decision === 'escalated' && alert.state === 'escalated'))
    },
    [burst, selected, username]
  )

  const runDecision = useCallback(
    async (decision: AlertDecision, alerts: readonly Alert[], reason?: Reason, note?: string): Promise<void> => {
      if (alerts.length === 0) return
      setBusy(true)
      setNotice(null)
      try {
        const decided = await decide({ eventIds: alerts.map((alert) => alert.id), decision, ...(reason ? { reason } : {}), ...(note ? { note } : {}) })
        setBurstIds(null)
        setNotice({ kind: 'done', count: decided.length })
      } finally {
        setBusy(false)
      }
    },
    [decide]
  )

  const confirm = useCallback(() => {
    runDecision('confirmed', targets('confirmed')).catch((failure: unknown) => setNotice({ kind: 'error', error: toShownError(failure), action: 'decide' }))
  }, [runDecision, targets])

  const openDialog = useCallback(
    (decision: ReasonedDecision) => {
      const alerts = targets(decision)
      if (alerts.length > 0) setDialog({ decision, alerts })
    },
    [targets]
  )

  const takeIntoReview = useCallback(() => {
    if (!selected || selected.state === 'in_review') return
    setNotice(null)
    claim(selected.id).catch((failure: unknown) => setNotice({ kind: 'error', error: toShownError(failure), action: 'claim' }))
  }, [claim, selected])

  const toggleBurst = useCallback(() => {
    if (!selected) return
    if (burst) {
      setBurstIds(null)
      return
    }
    const members = burstOf(selected, queue, { eligible: (alert) => decidableBy(alert, username) })
    setBurstIds(new Set(members.map((alert) => alert.id)))
  }, [burst, queue, selected, username])

  const onAction = (action: ReviewAction): void => {
    switch (action) {
      case 'next':
      case 'previous': {
        const next = stepSelection(queue, selectedId, action === 'next' ? 1 : -1)
        select(next)
        if (burstIds && next !== null && !burstIds.has(next)) setBurstIds(null)
        return
      }
      case 'claim':
        takeIntoReview()
        return
      case 'confirm':
        if (selected && decidableBy(selected, username) && !busy) confirm()
        return
      case 'falseAlarm':
        if (selected && decidableBy(selected, username) && !busy) openDialog('false_alarm')
        return
      case 'escalate':
        if (selected && decidableBy(selected, username) && selected.state !== 'escalated' && !busy) openDialog('escalated')
        return
      case 'togglePlay':
        clipRef.current?.toggle()
        return
      case 'burst':
        toggleBurst()
        return
      case 'help':
        onToggleHelp()
        return
      case 'clear':
        setBurstIds(null)
        return
    }
  }
  useReviewKeys(onAction, true)

  const onSelect = useCallback(
    (id: number) => {
      select(id)
      setBurstIds((current) => (current && !current.has(id) ? null : current))
    },
    [select]
  )

  const cameraName = text.cameraName
  const burstSpan = burst ? words.age(burstSpanMs(burst)) : ''

  return (
    <div className="review" data-testid="alert-review" data-status={status}>
      <div className="review__queue">
        {error ? (
          <div>
            <ErrorNote message={t('alerts.queue.loadFailed', { message: error.message })} code={error.code} testId="alert-queue-error" />
            <button type="button" className="button button--small" onClick={() => void load()}>
              {t('alerts.queue.retry')}
            </button>
          </div>
        ) : null}
        {focusError ? (
          <ErrorNote
            message={t('alerts.queue.focusFailed', { id: focusError.id, message: focusError.error.message })}
            code={focusError.error.code}
            testId="alert-focus-error"
          />
        ) : null}
        {status === 'loading' && queue.length === 0 ? <p>{t('app.loading')}</p> : null}
        {status === 'ready' && queue.length === 0 ? (
          <div className="empty-state alert-queue__empty" data-testid="alert-queue-empty">
            <p>{t('alerts.queue.empty')}</p>
            <p className="form__hint">{t('alerts.queue.emptyHint')}</p>
          </div>
        ) : null}
        {queue.length > 0 ? (
          <QueueList
            queue={queue}
            selectedId={selectedId}
            burstIds={burstIds ?? EMPTY_SET}
            freshIds={freshIds}
            username={username}
            highlightEscalated={supervisor}
            cameraName={cameraName}
            onSelect={onSelect}
          />
        ) : null}
      </div>
      <section className="review__detail" aria-label={t('alerts.detail.label')} data-testid="alert-detail" data-alert-id={selected?.id}>
        {notice?.kind === 'done' ? (
          <p className="review__notice" role="status" data-testid="alert-notice">
            {t('alerts.actions.done', { count: notice.count })}
          </p>
        ) : null}
        {selected ? (
          <>
            <header className="review__header">
              <h2 className="review__title">{t('alerts.detail.title', { kind: t(`analytics.eventKinds.${selected.kind}`), camera: cameraName(selected.cameraId) })}</h2>
              <p className="review__subtitle">
                <time dateTime={new Date(selected.at).toISOString()}>{format.dateTime(selected.at)}</time> · {selected.ruleName}
              </p>
            </header>
            <DecisionBar
              alert={selected}
              username={username}
              burst={burst}
              burstSpan={burstSpan}
              busy={busy}
              onClaim={takeIntoReview}
              onConfirm={confirm}
              onFalseAlarm={() => openDialog('false_alarm')}
              onEscalate={() => openDialog('escalated')}
              onToggleBurst={toggleBurst}
            />
            {notice?.kind === 'error' ? (
              <ErrorNote
                message={t(notice.action === 'claim' ? 'alerts.actions.claimFailed' : 'alerts.actions.failed', { message: notice.error.message })}
                code={notice.error.code}
                testId="alert-action-error"
              />
            ) : null}
            <div className="review__media">
              <figure className="review__panel">
                <figcaption className="review__panel-title">{t('alerts.detail.snapshot')}</figcaption>
                <AlertSnapshot alert={selected} scene={scenes[selected.cameraId] ?? null} testId="alert-snapshot" />
              </figure>
              <figure className="review__panel">
                <figcaption className="review__panel-title">
                  {t('alerts.detail.clip')} <ShortcutKeys action="togglePlay" />
                </figcaption>
                {settled && settled.id === selected.id ? (
                  <AlertClip key={settled.id} alert={settled} allowed={mayPlayBack} hasMasks={(scenes[settled.cameraId]?.masks.length ?? 0) > 0} handle={clipRef} />
                ) : (
                  <p className="alert-clip__status">{t('alerts.clip.waiting')}</p>
                )}
              </figure>
              <figure className="review__panel">
                <figcaption className="review__panel-title">{t('alerts.detail.live')}</figcaption>
                {settledCamera ? <AlertLive key={settledCamera} cameraId={settledCamera} cameraName={cameraName(settledCamera)} /> : null}
              </figure>
            </div>
            <div className="review__info">
              <div>
                <h3 className="review__section-title">{t('alerts.detail.facts')}</h3>
                <AlertFacts alert={selected} text={text} />
              </div>
              <div>
                <h3 className="review__section-title">{t('alerts.detail.related')}</h3>
                {settled && settled.id === selected.id ? (
                  <RelatedAlerts
                    alert={settled}
                    queue={queue}
                    onOpen={(other) => (queue.some((alert) => alert.id === other.id) ? onSelect(other.id) : setOpened(other))}
                  />
                ) : null}
              </div>
            </div>
          </>
        ) : status === 'ready' && queue.length > 0 ? (
          <p className="empty-state">{t('alerts.queue.selectPrompt')}</p>
        ) : null}
      </section>
      {dialog ? (
        <DecisionDialog
          decision={dialog.decision}
          alerts={dialog.alerts}
          cameraName={cameraName(dialog.alerts[0].cameraId)}
          onSubmit={(reason, note) => runDecision(dialog.decision, dialog.alerts, reason, note)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {opened ? <AlertDetailDialog alert={opened} text={text} onClose={() => setOpened(null)} /> : null}
    </div>
  )
}

const EMPTY_SET: ReadonlySet<number> = new Set()
