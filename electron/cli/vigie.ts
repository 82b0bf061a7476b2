// npm run vigie -- <command> [--data DIR]: administration of an installation from its machine.
import { RpcError } from '../shared/result'
import { AUDIT_HELP, auditExport, auditVerify } from './commands/audit'
import { openCliContext, UsageError, type CliContext } from './commands/cli-context'
import { COMPLIANCE_HELP, complianceStatus } from './commands/compliance'
import { EVIDENCE_HELP, evidenceVerify } from './commands/evidence'
import { LAPI_HELP, lapiRead } from './commands/lapi'
import { ORG_HELP, orgSet } from './commands/org'
import { USER_HELP, userAdd, userResetPassword } from './commands/user'

type Command = (argv: string[], ctx: CliContext) => Promise<number>

const COMMANDS: Record<string, Command> = {
  'org set': orgSet,
  'user add': userAdd,
  'user reset-password': userResetPassword,
  'audit verify': auditVerify,
  'audit export': auditExport,
  'compliance status': complianceStatus
}

const HELP = `Usage : npm run vigie -- <commande> [--data DOSSIER]

${ORG_HELP}
${USER_HELP}
${AUDIT_HELP}
${COMPLIANCE_HELP}
${EVIDENCE_HELP}
${LAPI_HELP}

--data : dossier des données de l'installation (par défaut ~/.config/Vigie).`

/** Takes `--data DIR` out of the arguments, wherever it is. */
function splitDataDir(argv: string[]): { dataDir: string | undefined; rest: string[] } {
  const rest = [...argv]
  const index = rest.findIndex((arg) => arg === '--data' || arg.startsWith('--data='))
  if (index === -1) return { dataDir: undefined, rest }
  const [flag] = rest.splice(index, 1)
  const dataDir = flag.includes('=') ? flag.slice('--data='.length) : rest.splice(index, 1)[0]
  return { dataDir, rest }
}

async function main(argv: string[]): Promise<number> {
  const { dataDir, rest } = splitDataDir(argv)
  const name = rest.slice(0, 2).join(' ')
  if (name === 'evidence verify') return evidenceVerify(rest.slice(2), dataDir, (line) => process.stdout.write(`${line}\n`))
  // Reads image files only: no installation to open, so --data is irrelevant to it.
  if (name === 'lapi read') return lapiRead(rest.slice(2), (line) => process.stdout.write(`${line}\n`))
  const command = COMMANDS[name]
  if (!command) {
    process.stderr.write(`${HELP}\n`)
    return rest.length === 0 || rest[0] === '--help' ? 0 : 2
  }
  const ctx = await openCliContext(dataDir, (line) => process.stdout.write(`${line}\n`))
  try {
    return await command(rest.slice(2), ctx)
  } finally {
    await ctx.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`vigie : ${error.message}\n\n${HELP}\n`)
      process.exit(2)
    }
    const message = error instanceof RpcError || error instanceof Error ? error.message : String(error)
    process.stderr.write(`vigie : ${message}\n`)
    process.exit(1)
  }
)
