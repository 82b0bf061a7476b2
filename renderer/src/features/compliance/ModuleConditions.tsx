import { useTranslation } from 'react-i18next'
import type { ModuleStatus } from '../../../../electron/shared/compliance'

/** The perimeter means something only once every requirement is met (before, the core has none to give). */
function hasPerimeter(module: ModuleStatus): boolean {
  return module.state === 'READY' || module.state === 'UNLOCKED'
}

/** Where the unlock applies and on what terms: what operators may expect of the module once it runs. */
export function ModuleConditions({ module }: { module: ModuleStatus }) {
  const { t } = useTranslation()
  const { limits, perimeter } = module
  const terms = [
    limits.maxImageRetentionDays !== null ? t('compliance.dossier.limitRetention', { count: limits.maxImageRetentionDays }) : null,
    limits.humanConfirmation ? t('compliance.dossier.limitHumanConfirmation') : null,
    limits.noBiometrics ? t('compliance.dossier.limitNoBiometrics') : null,
    limits.countsOnly ? t('compliance.dossier.limitCountsOnly') : null,
    ...limits.notes
  ].filter((term): term is string => term !== null)

  if (!hasPerimeter(module) && terms.length === 0) return null
  return (
    <dl className="facts module-conditions">
      {hasPerimeter(module) ? (
        <>
          <dt>{t('compliance.dossier.perimeter')}</dt>
          <dd data-testid="dossier-perimeter">
            {/* Null: every document covers the whole installation. */}
            {perimeter === null ? <em>{t('compliance.dossier.perimeterAll')}</em> : perimeter.join(', ')}
          </dd>
        </>
      ) : null}
      {terms.length > 0 ? (
        <>
          <dt>{t('compliance.dossier.limits')}</dt>
          <dd>
            <ul className="module-conditions__terms">
              {terms.map((term) => (
                <li key={term}>{term}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  )
}
