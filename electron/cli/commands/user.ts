import { parseArgs } from 'node:util'
import { ROLES, RoleSchema, type Role } from '../../shared/accounts'
import { RpcError } from '../../shared/result'
import { readPassword, UsageError, type CliContext } from './cli-context'

export const USER_HELP = `user add --name IDENTIFIANT --role ROLE [--role ROLE…] [--display-name NOM] [--group GROUPE…] [--all-groups]
    Crée un compte ; le mot de passe est lu sur l'entrée standard. ROLE : ${ROLES.join(', ')}.
user reset-password --name IDENTIFIANT
    Remplace le mot de passe (lu sur l'entrée standard) et déverrouille le compte.`

function roles(values: string[] | undefined): Role[] {
  if (!values || values.length === 0) throw new UsageError('au moins un --role est requis')
  return values.map((value) => {
    const parsed = RoleSchema.safeParse(value)
    if (!parsed.success) throw new UsageError(`rôle inconnu « ${value} » (${ROLES.join(', ')})`)
    return parsed.data
  })
}

export async function userAdd(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      'display-name': { type: 'string' },
      group: { type: 'string', multiple: true },
      'all-groups': { type: 'boolean', default: false }
    }
  })
  if (!values.name) throw new UsageError('--name est requis')
  const userRoles = roles(values.role)
  if (!(await ctx.accounts.getOrganisation())) {
    throw new UsageError("renseignez d'abord l'organisation : vigie org set --name … --deployer …")
  }
  const password = await readPassword(`Mot de passe de ${values.name} : `)
  const user = await ctx.accounts.createUser({
    username: values.name,
    displayName: values['display-name'] ?? values.name,
    roles: userRoles,
    groups: values.group ?? [],
    allGroups: values['all-groups'],
    password
  })
  await ctx.audit.append({
    actor: ctx.actor,
    action: 'account.create',
    target: user.username,
    workstation: ctx.workstation,
    details: { roles: user.roles, groups: user.groups, allGroups: user.allGroups }
  })
  ctx.out(`Compte créé : ${user.username} (${user.roles.join(', ')})`)
  return 0
}

export async function userResetPassword(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { name: { type: 'string' } } })
  if (!values.name) throw new UsageError('--name est requis')
  const user = (await ctx.accounts.list()).find((candidate) => candidate.username.toLowerCase() === values.name?.toLowerCase())
  if (!user) throw new RpcError('NOT_FOUND', `compte inconnu : ${values.name}`)
  const password = await readPassword(`Nouveau mot de passe de ${user.username} : `)
  await ctx.accounts.resetPassword(user.id, password)
  await ctx.audit.append({ actor: ctx.actor, action: 'account.password-reset', target: user.username, workstation: ctx.workstation })
  ctx.out(`Mot de passe remplacé : ${user.username}`)
  return 0
}
