import { useTranslation } from 'react-i18next'
import type { ModuleStatus } from '../../../../electron/shared/compliance'
import { Badge } from '../../components/Badge'
import { UncertainMark } from './UncertainMark'

type Requirement = ModuleStatus['requirements'][number]

/** The documents the rule pack asks of this deployer for this module, each provided or not, and why not. */
export function RequirementsList({ requirements }: { requirements: Requirement[] }) {
  const { t } = useTranslation()
  if (requirements.length === 0) return <p className="empty-state">{t('compliance.dossier.requirementsNone')}</p>
  return (
    <ul className="requirements">
      {requirements.map((requirement) => (
        <li
          key={requirement.type}
          className="requirement"
          data-satisfied={requirement.satisfied}
          data-testid={`requirement-${requirement.type}`}
        >
          <span className="requirement__mark" aria-hidden="true">
            {requirement.satisfied ? '✓' : '✗'}
          </span>
          <span className="requirement__text">
            <span>
              <strong>{requirement.label}</strong>
              {requirement.uncertain ? <UncertainMark /> : null}
            </span>
            <span className="form__hint">{t('compliance.dossier.issuedBy', { issuer: requirement.issuer })}</span>
            {!requirement.satisfied && requirement.problem ? <span className="requirement__problem">{requirement.problem}</span> : null}
          </span>
          <Badge tone={requirement.satisfied ? 'ok' : 'danger'}>
            {requirement.satisfied ? t('compliance.dossier.satisfied') : t('compliance.dossier.notSatisfied')}
          </Badge>
        </li>
      ))}
    </ul>
  )
}
