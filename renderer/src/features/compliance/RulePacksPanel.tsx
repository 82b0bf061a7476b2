import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../components/Badge'
import { ErrorNote } from '../../components/ErrorNote'
import { useFormatters } from '../../i18n/format'
import type { RulePacks } from '../../stores/compliance-store'
import { useCompliance } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'
import { RulePackInstall } from './RulePackInstall'

/** The rule packs this installation knows, which one applies, and (DPO, administrators) a way to add one. */
export function RulePacksPanel() {
  const { t } = useTranslation()
  const rulePacks = useCompliance((state) => state.rulePacks)
  const loadRulePacks = useCompliance((state) => state.loadRulePacks)
  const mayInstall = usePermission('rulepack.manage')

  useEffect(() => {
    void loadRulePacks()
  }, [loadRulePacks])

  return (
    <section className="compliance-panel" aria-labelledby="rule-packs-title" data-testid="rule-packs">
      <h2 id="rule-packs-title" className="compliance-panel__title">
        {t('compliance.rulePacks.title')}
      </h2>
      <p className="form__hint">{t('compliance.rulePacks.intro')}</p>
      {rulePacks.status === 'loading' ? <p>{t('app.loading')}</p> : null}
      {rulePacks.status === 'error' ? (
        <ErrorNote message={t('compliance.rulePacks.loadFailed', { message: rulePacks.error.message })} code={rulePacks.error.code} />
      ) : null}
      {rulePacks.status === 'ready' ? <RulePacksTable packs={rulePacks.value} /> : null}
      {mayInstall ? <RulePackInstall /> : null}
    </section>
  )
}

function RulePacksTable({ packs }: { packs: RulePacks }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const isActive = (pack: RulePacks['available'][number]): boolean => pack.id === packs.active.id && pack.version === packs.active.version
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="rule-packs-table">
        <thead>
          <tr>
            <th scope="col">{t('compliance.rulePacks.columns.pack')}</th>
            <th scope="col">{t('compliance.rulePacks.columns.version')}</th>
            <th scope="col">{t('compliance.rulePacks.columns.effective')}</th>
            <th scope="col">{t('compliance.rulePacks.columns.jurisdiction')}</th>
            <th scope="col">{t('compliance.rulePacks.columns.source')}</th>
          </tr>
        </thead>
        <tbody>
          {packs.available.map((pack) => (
            <tr key={`${pack.id}@${pack.version}`} data-testid={`rule-pack-row-${pack.id}-${pack.version}`} data-active={isActive(pack)}>
              <th scope="row">
                {pack.title}
                <span className="data-table__detail">
                  <code>{pack.id}</code>
                </span>
              </th>
              <td>
                {pack.version} {isActive(pack) ? <Badge tone="ok">{t('compliance.rulePacks.active')}</Badge> : null}
              </td>
              <td>{format.calendarDate(pack.effectiveDate)}</td>
              <td>{pack.jurisdiction}</td>
              <td>{t(`compliance.rulePacks.sources.${pack.source}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
