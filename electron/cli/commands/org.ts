import { parseArgs } from 'node:util'
import { DEPLOYER_TYPES, OrganisationSchema } from '../../shared/accounts'
import { UsageError, type CliContext } from './cli-context'

export const ORG_HELP = `org set --name NOM --deployer TYPE [--dpo CONTACT] [--idle-minutes N] [--audit-retention-days N]
    Profil de l'organisation. TYPE : ${DEPLOYER_TYPES.join(', ')}.`

export async function orgSet(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      name: { type: 'string' },
      deployer: { type: 'string' },
      dpo: { type: 'string' },
      'idle-minutes': { type: 'string' },
      'audit-retention-days': { type: 'string' }
    }
  })
  const current = await ctx.accounts.getOrganisation()
  const parsed = OrganisationSchema.safeParse({
    ...(current ?? {}),
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.deployer !== undefined ? { deployer: values.deployer } : {}),
    ...(values.dpo !== undefined ? { dpoContact: values.dpo } : {}),
    ...(values['idle-minutes'] !== undefined ? { idleTimeoutMinutes: Number(values['idle-minutes']) } : {}),
    ...(values['audit-retention-days'] !== undefined ? { auditRetentionDays: Number(values['audit-retention-days']) } : {})
  })
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'organisation'} : ${issue.message}`).join(' ; '))
  }
  const organisation = await ctx.accounts.setOrganisation(parsed.data)
  await ctx.audit.append({
    actor: ctx.actor,
    action: 'organisation.update',
    workstation: ctx.workstation,
    details: { before: current, after: organisation }
  })
  ctx.out(`Organisation : ${organisation.name} (${organisation.deployer})`)
  return 0
}
