import { useTranslation } from 'react-i18next'
import type { HealthState } from '../../../electron/shared/camera'

export interface HealthBadgeProps {
  /** Undefined while the core has not reported on this camera yet. */
  state: HealthState | undefined
  testId?: string
}

/** The state of a camera's stream, in words and colour (the colour is never the only cue). */
export function HealthBadge({ state, testId }: HealthBadgeProps) {
  const { t } = useTranslation()
  return (
    <span className="health-badge" data-state={state ?? 'unknown'} data-testid={testId}>
      <span className="health-badge__dot" aria-hidden="true" />
      {t(`health.${state ?? 'unknown'}`)}
    </span>
  )
}
