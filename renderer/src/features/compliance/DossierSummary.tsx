import { useTranslation } from 'react-i18next'
import type { ModuleStatus } from '../../../../electron/shared/compliance'
import { useFormatters } from '../../i18n/format'
import { Citations } from './Citations'
import { ExpiryCountdown } from './ExpiryCountdown'
import { UncertainMark } from './UncertainMark'

/** What the module does, where it stands and why, and on what grounds: the head of the dossier. */
export function DossierSummary({ module }: { module: ModuleStatus }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const forbidden = module.state === 'FORBIDDEN'
  return (
    <div className="dossier-summary" data-state={module.state} data-testid="dossier-summary">
      <p className="dossier-summary__description">
        {module.description}
        {module.uncertain ? <UncertainMark /> : null}
      </p>
      {forbidden ? <p className="compliance-label">{t('compliance.dossier.forbiddenTitle')}</p> : null}
      <p className="dossier-summary__reason" data-testid="dossier-reason">
        {module.reason}
      </p>
      {module.state === 'UNLOCKED' && module.validUntil !== null ? (
        <p>
          <ExpiryCountdown validUntil={module.validUntil} testId="dossier-expiry" />{' '}
          <span className="form__hint">{t('compliance.expiresOn', { date: format.date(module.validUntil) })}</span>
        </p>
      ) : null}
      <Citations citations={module.citations} />
    </div>
  )
}
