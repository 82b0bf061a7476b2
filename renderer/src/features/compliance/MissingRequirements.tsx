import { useTranslation } from 'react-i18next'
import type { ModuleStatus } from '../../../../electron/shared/compliance'
import { UncertainMark } from './UncertainMark'

type Requirement = ModuleStatus['requirements'][number]

/** Shown at once on a card; the others wait behind « n autres pièces manquantes ». */
const SHOWN_AT_ONCE = 3

/** The documents still missing or not fit, each with the core's reason. Nothing when the dossier is complete. */
export function MissingRequirements({ module }: { module: ModuleStatus }) {
  const { t } = useTranslation()
  const missing = module.requirements.filter((requirement) => !requirement.satisfied)
  if (missing.length === 0) return null
  const first = missing.slice(0, SHOWN_AT_ONCE)
  const others = missing.slice(SHOWN_AT_ONCE)
  return (
    <div className="module-missing" data-testid={`module-missing-${module.id}`}>
      <p className="compliance-label">{t('compliance.missing')}</p>
      <MissingList requirements={first} />
      {others.length > 0 ? (
        <details className="module-missing__more">
          <summary>{t('compliance.missingMore', { count: others.length })}</summary>
          <MissingList requirements={others} />
        </details>
      ) : null}
    </div>
  )
}

function MissingList({ requirements }: { requirements: Requirement[] }) {
  return (
    <ul className="module-missing__list">
      {requirements.map((requirement) => (
        <li key={requirement.type} data-type={requirement.type}>
          <strong>{requirement.label}</strong>
          {requirement.uncertain ? <UncertainMark /> : null}
          {requirement.problem ? <span className="module-missing__problem">{requirement.problem}</span> : null}
        </li>
      ))}
    </ul>
  )
}
