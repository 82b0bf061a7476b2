import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/format'
import { calendarDaysUntil, EXPIRY_WARNING_DAYS } from './expiry'
import { useNow } from './use-now'

export interface ExpiryCountdownProps {
  validUntil: number
  testId?: string
}

/** A day count is enough precision here; checking once a minute keeps it right past midnight. */
const REFRESH_MS = 60_000

/** « expire dans 12 jours », in amber once renewal is due; the exact date is in the tooltip. */
export function ExpiryCountdown({ validUntil, testId }: ExpiryCountdownProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const days = Math.max(0, calendarDaysUntil(validUntil, useNow(REFRESH_MS)))
  return (
    <span
      className="expiry"
      data-soon={days < EXPIRY_WARNING_DAYS}
      data-days={days}
      title={t('compliance.expiresOn', { date: format.date(validUntil) })}
      data-testid={testId}
    >
      {days === 0 ? t('compliance.expiresToday') : t('compliance.expiresIn', { count: days })}
    </span>
  )
}
