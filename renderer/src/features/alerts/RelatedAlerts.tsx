import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../electron/shared/alerts'
import { useApi } from '../../api/api-context'
import { toShownError, type ShownError } from '../../api/errors'
import { Badge } from '../../components/Badge'
import { useFormatters } from '../../i18n/format'
import { RELATED_WINDOW_MS, relatedAlerts } from './related'
import { STATE_TONE } from './tones'
import { useAlertText } from './use-alert-text'

type RelatedState = { status: 'loading' } | { status: 'ready'; alerts: Alert[] } | { status: 'error'; error: ShownError }

export interface RelatedAlertsProps {
  alert: Alert
  /** The open queue: what it holds is newer than any answer. */
  queue: readonly Alert[]
  onOpen: (alert: Alert) => void
}

const MAX_SHOWN = 12

/** Alerts raised about the same tracked objects on the same camera, around the same time. */
export function RelatedAlerts({ alert, queue, onOpen }: RelatedAlertsProps) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const words = useAlertText()
  const [state, setState] = useState<RelatedState>({ status: 'loading' })

  const { id, cameraId, at } = alert
  const hasTracks = alert.trackIds.length > 0
  useEffect(() => {
    if (!hasTracks) {
      setState({ status: 'ready', alerts: [] })
      return
    }
    let current = true
    setState({ status: 'loading' })
    api.call('alerts.list', { cameraId, from: at - RELATED_WINDOW_MS, to: at + RELATED_WINDOW_MS, limit: 500 }).then(
      (page) => {
        if (current) setState({ status: 'ready', alerts: page.alerts })
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', error: toShownError(error) })
      }
    )
    return () => {
      current = false
    }
  }, [api, id, cameraId, at, hasTracks])

  if (state.status === 'error') return <p className="note">{t('alerts.detail.relatedFailed', { message: state.error.message })}</p>
  if (state.status === 'loading') return <p className="alert-related__loading">{t('app.loading')}</p>
  // The queue's copy of an alert is the freshest (its state follows the core's pushes).
  const fresh = new Map(queue.map((candidate) => [candidate.id, candidate]))
  const related = relatedAlerts(alert, [...queue, ...state.alerts.map((candidate) => fresh.get(candidate.id) ?? candidate)]).slice(0, MAX_SHOWN)
  if (related.length === 0) return <p className="alert-related__empty">{t('alerts.detail.relatedEmpty')}</p>
  return (
    <ul className="alert-related" data-testid="alert-related">
      {related.map((other) => (
        <li key={other.id} className="alert-related__item" data-testid={`alert-related-${other.id}`}>
          <time dateTime={new Date(other.at).toISOString()}>{format.time(other.at)}</time>
          <span className="alert-related__rule">{other.ruleName}</span>
          <Badge tone={STATE_TONE[other.state]}>{words.state(other)}</Badge>
          <button type="button" className="button button--small button--ghost" onClick={() => onOpen(other)}>
            {t('alerts.detail.relatedOpen')}
          </button>
        </li>
      ))}
    </ul>
  )
}
