import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ComplianceService, DOCUMENTS_FOLDER, RulePackCatalog, rulePackFolders } from '../../core/compliance'
import { APP_ROOT, type CliContext } from './cli-context'

export const COMPLIANCE_HELP = `compliance status [--json]
    État de chaque module d'analyse pour le type d'organisation configuré ; avec --json, la dernière ligne
    est un objet JSON.`

export async function complianceStatus(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } })
  const catalog = await RulePackCatalog.load(rulePackFolders(APP_ROOT, ctx.dataDir), () => {})
  const compliance = new ComplianceService({ db: ctx.db, catalog, documentsDir: join(ctx.dataDir, DOCUMENTS_FOLDER) })
  const organisation = await ctx.accounts.getOrganisation()
  const overview = await compliance.overview(organisation?.deployer ?? null, Date.now())
  ctx.out(`Référentiel ${overview.rulePack.id} ${overview.rulePack.version} (en vigueur le ${overview.rulePack.effectiveDate})`)
  ctx.out(`Organisation : ${organisation?.name ?? '(non renseignée)'} — ${overview.deployer ?? 'type non renseigné'}`)
  for (const module of overview.modules) {
    const missing = module.requirements.filter((requirement) => !requirement.satisfied).map((requirement) => requirement.type)
    ctx.out(`  ${module.state.padEnd(10)} ${module.id}${missing.length > 0 && module.state !== 'FORBIDDEN' ? ` — manque : ${missing.join(', ')}` : ''}`)
  }
  if (values.json) {
    const summary = {
      rulePack: overview.rulePack,
      deployer: overview.deployer,
      modules: overview.modules.map((module) => ({
        id: module.id,
        family: module.family,
        state: module.state,
        ruleStatus: module.ruleStatus,
        reason: module.reason,
        citations: module.citations.map((citation) => citation.ref),
        uncertain: module.uncertain,
        missing: module.requirements.filter((requirement) => !requirement.satisfied).map((requirement) => requirement.type),
        validUntil: module.validUntil
      }))
    }
    ctx.out(JSON.stringify(summary))
  }
  return 0
}
