import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../electron/shared/alerts'
import { useFormatters } from '../../i18n/format'

/** How long ago, in the unit that reads best: « 45 s », « 3 min », « 2 h ». */
export function ageParts(ms: number): { unit: 'seconds' | 'minutes' | 'hours'; value: number } {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  if (seconds < 60) return { unit: 'seconds', value: seconds }
  if (seconds < 3600) return { unit: 'minutes', value: Math.floor(seconds / 60) }
  return { unit: 'hours', value: Math.floor(seconds / 3600) }
}

/** Who decided it, has it, or escalated it: the person to name beside its state (the system is not a person). */
export function operatorOf(alert: Alert): string | null {
  return alert.decidedBy ?? alert.owner ?? (alert.escalatedBy === 'system' ? null : alert.escalatedBy) ?? null
}

/**
 * The words of the review screens: states, reasons, durations, who did what. Long lists call it once
 * and hand it to their rows (each call builds its own Intl formatters, which a row must not pay for).
 */
export function useAlertText() {
  const { t } = useTranslation()
  const format = useFormatters()

  const age = useCallback(
    (ms: number) => {
      const { unit, value } = ageParts(ms)
      const text = format.integer(value)
      return unit === 'seconds' ? t('alerts.ageSeconds', { value: text }) : unit === 'minutes' ? t('alerts.ageMinutes', { value: text }) : t('alerts.ageHours', { value: text })
    },
    [format, t]
  )

  const state = useCallback((alert: Pick<Alert, 'state'>) => t(`alerts.states.${alert.state}`), [t])

  const reason = useCallback((code: NonNullable<Alert['reason']>) => t(`alerts.reasons.${code}`), [t])

  return useMemo(() => ({ t, age, state, reason, operator: operatorOf, format }), [t, age, state, reason, format])
}

export type AlertText = ReturnType<typeof useAlertText>
