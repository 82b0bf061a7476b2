import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../electron/shared/alerts'
import { ShortcutKeys } from './Shortcuts'

export interface DecisionBarProps {
  alert: Alert
  username: string
  /** The burst selected with B, or null for this alert alone. */
  burst: readonly Alert[] | null
  burstSpan: string
  busy: boolean
  onClaim: () => void
  onConfirm: () => void
  onFalseAlarm: () => void
  onEscalate: () => void
  onToggleBurst: () => void
}

/** The decisions, each with its key: what the keyboard does is always written on screen. */
export function DecisionBar({ alert, username, burst, burstSpan, busy, onClaim, onConfirm, onFalseAlarm, onEscalate, onToggleBurst }: DecisionBarProps) {
  const { t } = useTranslation()
  const othersReview = alert.state === 'in_review' && alert.owner !== null && alert.owner !== username
  const mine = alert.state === 'in_review' && alert.owner === username
  const canDecide = !othersReview && !busy
  return (
    <div className="decision-bar" role="group" aria-label={t('alerts.actions.label')} data-testid="alert-decision-bar">
      <div className="decision-bar__buttons">
        <button type="button" className="button" onClick={onClaim} disabled={busy || othersReview || mine} aria-keyshortcuts="Enter" data-testid="alert-claim">
          {mine ? t('alerts.actions.claimed') : t('alerts.actions.claim')}
          <ShortcutKeys action="claim" />
        </button>
        <button type="button" className="button button--primary" onClick={onConfirm} disabled={!canDecide} aria-keyshortcuts="C" data-testid="alert-confirm">
          {t('alerts.actions.confirm')}
          <ShortcutKeys action="confirm" />
        </button>
        <button type="button" className="button" onClick={onFalseAlarm} disabled={!canDecide} aria-keyshortcuts="F" data-testid="alert-false-alarm">
          {t('alerts.actions.falseAlarm')}
          <ShortcutKeys action="falseAlarm" />
        </button>
        <button type="button" className="button button--danger-ghost" onClick={onEscalate} disabled={!canDecide || alert.state === 'escalated'} aria-keyshortcuts="E" data-testid="alert-escalate">
          {t('alerts.actions.escalate')}
          <ShortcutKeys action="escalate" />
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-pressed={burst !== null}
          onClick={onToggleBurst}
          disabled={busy}
          title={t('alerts.actions.burstHint')}
          aria-keyshortcuts="B" data-testid="alert-burst"
          data-count={burst?.length ?? 0}
        >
          {burst ? t('alerts.actions.burstOn', { count: burst.length, span: burstSpan }) : t('alerts.actions.burst')}
          <ShortcutKeys action="burst" />
        </button>
      </div>
      {othersReview ? <p className="note">{t('alerts.actions.otherOwner', { name: alert.owner ?? '' })}</p> : null}
    </div>
  )
}
