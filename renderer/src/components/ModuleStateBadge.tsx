import { useTranslation } from 'react-i18next'
import type { ModuleState } from '../../../electron/shared/compliance'

export interface ModuleStateBadgeProps {
  state: ModuleState
  testId?: string
}

/** Where a module stands: a word in capitals and a colour of its own (the colour is never the only cue). */
export function ModuleStateBadge({ state, testId }: ModuleStateBadgeProps) {
  const { t } = useTranslation()
  return (
    <span className="module-state" data-state={state} title={t(`compliance.stateHints.${state}`)} data-testid={testId}>
      <span className="module-state__dot" aria-hidden="true" />
      {t(`compliance.states.${state}`)}
    </span>
  )
}
