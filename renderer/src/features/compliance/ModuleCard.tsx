import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModuleStatus } from '../../../../electron/shared/compliance'
import { ClampedText } from '../../components/ClampedText'
import { ModuleStateBadge } from '../../components/ModuleStateBadge'
import { hrefFor } from '../shell/use-hash-route'
import { ApprovalsCount } from './ApprovalsCount'
import { Citations } from './Citations'
import { ExpiryCountdown } from './ExpiryCountdown'
import { MissingRequirements } from './MissingRequirements'
import { UncertainMark } from './UncertainMark'

/** One module at a glance: its state and why, what is missing, how long it stays unlocked, on what grounds. */
export function ModuleCard({ module }: { module: ModuleStatus }) {
  const { t } = useTranslation()
  const titleId = useId()
  const name = t(`compliance.modules.${module.id}`)
  const forbidden = module.state === 'FORBIDDEN'
  return (
    <article className="module-card" data-state={module.state} aria-labelledby={titleId} data-testid={`module-card-${module.id}`}>
      <header className="module-card__header">
        <h3 id={titleId} className="module-card__title">
          {name}
          {module.uncertain ? <UncertainMark /> : null}
        </h3>
        <ModuleStateBadge state={module.state} testId={`module-state-${module.id}`} />
      </header>
      <ClampedText
        text={module.reason}
        moreLabel={t('compliance.readMore')}
        lessLabel={t('compliance.readLess')}
        className="module-card__reason"
        testId={`module-reason-${module.id}`}
      />
      {module.state === 'UNLOCKED' && module.validUntil !== null ? (
        <ExpiryCountdown validUntil={module.validUntil} testId={`module-expiry-${module.id}`} />
      ) : null}
      {forbidden ? null : <MissingRequirements module={module} />}
      {forbidden ? null : <ApprovalsCount module={module} />}
      <Citations citations={module.citations} folded />
      <footer className="module-card__footer">
        <a
          className="button button--small"
          href={hrefFor('compliance', module.id)}
          aria-label={t('compliance.openDossierNamed', { name })}
          data-testid={`module-open-${module.id}`}
        >
          {t('compliance.openDossier')}
        </a>
      </footer>
    </article>
  )
}
