import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../electron/shared/alerts'
import { Badge } from '../../components/Badge'
import { useFormatters } from '../../i18n/format'
import type { useEventText } from '../events/use-event-text'
import { PRIORITY_TONE, STATE_TONE } from './tones'
import { useAlertText } from './use-alert-text'
import { FactList } from '../../components/FactList'

export interface AlertFactsProps {
  alert: Alert
  text: ReturnType<typeof useEventText>
}

/** What produced the alert and what became of it: rule, detector and thresholds, details, decision. */
export function AlertFacts({ alert, text }: AlertFactsProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const words = useAlertText()
  const details = text.details(alert)
  const parameters = Object.entries(alert.parameters)
  return (
    <dl className="facts alert-facts" data-testid="alert-facts">
      <dt>{t('alerts.detail.state')}</dt>
      <dd>
        <Badge tone={STATE_TONE[alert.state]} testId="alert-facts-state">
          {words.state(alert)}
        </Badge>
      </dd>
      <dt>{t('alerts.detail.at')}</dt>
      <dd>
        <time dateTime={new Date(alert.at).toISOString()}>{format.dateTime(alert.at)}</time>
        <span className="facts__detail">{t('alerts.detail.latencyValue', { value: format.seconds(Math.max(0, alert.recordedAt - alert.at)) })}</span>
      </dd>
      <dt>{t('alerts.detail.rule')}</dt>
      <dd>
        {alert.ruleName}
        <span className="facts__detail">
          {t(`analytics.ruleKinds.${alert.ruleKind}`)} · {t(`compliance.modules.${alert.moduleId}`)}
        </span>
      </dd>
      <dt>{t('alerts.detail.priority')}</dt>
      <dd>
        <Badge tone={PRIORITY_TONE[alert.priority]}>{t(`analytics.priorities.${alert.priority}`)}</Badge>
      </dd>
      <dt>{t('alerts.detail.model')}</dt>
      <dd data-testid="alert-facts-model">
        {t('alerts.detail.modelValue', { name: alert.model.name, threshold: format.decimal(alert.model.scoreThreshold), iou: format.decimal(alert.model.nmsIou) })}
      </dd>
      <FactList
        term={t('alerts.detail.parameters')}
        facts={parameters.map(([key, value]) => ({ key, label: text.parameterLabel(key), value: text.parameterValue(key, value) }))}
      />
      <FactList term={t('alerts.detail.details')} facts={details} />
      {alert.trackIds.length > 0 ? (
        <>
          <dt>{t('alerts.detail.tracks')}</dt>
          <dd>{alert.trackIds.map((id) => t('alerts.detail.track', { id })).join(', ')}</dd>
        </>
      ) : null}
      {alert.state === 'in_review' && alert.owner ? (
        <>
          <dt>{t('alerts.detail.owner')}</dt>
          <dd>{alert.owner}</dd>
        </>
      ) : null}
      {alert.escalatedAt !== null ? (
        <>
          <dt>{t('alerts.detail.escalated')}</dt>
          <dd>
            {t('alerts.detail.escalatedValue', {
              date: format.dateTime(alert.escalatedAt),
              name: alert.escalatedBy === 'system' ? t('alerts.detail.system') : (alert.escalatedBy ?? '')
            })}
          </dd>
        </>
      ) : null}
      {alert.decidedBy ? (
        <>
          <dt>{t('alerts.detail.decidedBy')}</dt>
          <dd data-testid="alert-facts-decided-by">
            {alert.decidedBy}
            {alert.decidedAt !== null ? <span className="facts__detail">{format.dateTime(alert.decidedAt)}</span> : null}
          </dd>
        </>
      ) : null}
      {alert.reason ? (
        <>
          <dt>{t('alerts.detail.reason')}</dt>
          <dd>{words.reason(alert.reason)}</dd>
        </>
      ) : null}
      {alert.note ? (
        <>
          <dt>{t('alerts.detail.note')}</dt>
          <dd className="alert-facts__note">{alert.note}</dd>
        </>
      ) : null}
    </dl>
  )
}
