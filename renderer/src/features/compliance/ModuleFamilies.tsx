import { useTranslation } from 'react-i18next'
import { MODULE_FAMILIES, type ModuleStatus } from '../../../../electron/shared/compliance'
import { ModuleCard } from './ModuleCard'

/** Cards grouped as the law groups the uses: plates, events, crowds, and biometrics (which it refuses). */
export function ModuleFamilies({ modules }: { modules: ModuleStatus[] }) {
  const { t } = useTranslation()
  return (
    <>
      {MODULE_FAMILIES.map((family) => {
        const members = modules.filter((module) => module.family === family)
        if (members.length === 0) return null
        const titleId = `module-family-${family}`
        return (
          <section key={family} className="module-family" aria-labelledby={titleId} data-testid={titleId}>
            <h2 id={titleId} className="module-family__title">
              {t(`compliance.families.${family}`)}
            </h2>
            <div className="module-grid">
              {members.map((module) => (
                <ModuleCard key={module.id} module={module} />
              ))}
            </div>
          </section>
        )
      })}
    </>
  )
}
