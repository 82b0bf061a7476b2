import { useEffect } from 'react'
import { ModuleIdSchema, type ModuleId } from '../../../../electron/shared/compliance'
import { useCompliance } from '../../stores/stores-context'
import { ComplianceOverview } from './ComplianceOverview'
import { DossierView } from './DossierView'

function moduleIdFrom(detail: string | null): ModuleId | null {
  const parsed = ModuleIdSchema.safeParse(detail)
  return parsed.success ? parsed.data : null
}

/**
 * « Conformité »: the overview, or one module's dossier when the address names it
 * (#/compliance/comptage-personnes), so a tile of the wall can link straight to it.
 */
export function ComplianceScreen({ detail }: { detail: string | null }) {
  const load = useCompliance((state) => state.load)
  const listen = useCompliance((state) => state.listen)
  const moduleId = moduleIdFrom(detail)

  // Listen first, then load: a change announced while the first answer travels is not missed.
  useEffect(() => {
    const stop = listen()
    void load()
    return stop
  }, [listen, load])

  return moduleId ? <DossierView key={moduleId} moduleId={moduleId} /> : <ComplianceOverview />
}
