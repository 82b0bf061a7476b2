import { useTranslation } from 'react-i18next'
import type { ComplianceOverview } from '../../../../electron/shared/compliance'
import { useFormatters } from '../../i18n/format'

/** Which rules the states below come from, and for which kind of deployer: both decide what is allowed. */
export function RulePackSummary({ overview }: { overview: ComplianceOverview }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const { rulePack, deployer } = overview
  return (
    <dl className="facts rule-pack-summary" aria-label={t('compliance.rulePack.label')} data-testid="rule-pack-summary">
      <dt>{t('compliance.rulePack.pack')}</dt>
      <dd>
        {rulePack.title} <code data-testid="rule-pack-id">{rulePack.id}</code>
      </dd>
      <dt>{t('compliance.rulePack.version')}</dt>
      <dd data-testid="rule-pack-version">{rulePack.version}</dd>
      <dt>{t('compliance.rulePack.effective')}</dt>
      <dd>
        <time dateTime={rulePack.effectiveDate}>{format.calendarDate(rulePack.effectiveDate)}</time>
      </dd>
      <dt>{t('compliance.rulePack.jurisdiction')}</dt>
      <dd>{rulePack.jurisdiction}</dd>
      <dt>{t('compliance.rulePack.deployer')}</dt>
      <dd data-testid="compliance-deployer" data-deployer={deployer ?? undefined}>
        {deployer ? t(`deployers.${deployer}`) : <em>{t('compliance.rulePack.deployerUnset')}</em>}
      </dd>
    </dl>
  )
}
