import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AuditActionSchema, AuditExportFormatSchema } from '../../shared/audit'
import { auditToCsv, auditToPdf } from '../../core/audit'
import { UsageError, type CliContext } from './cli-context'

export const AUDIT_HELP = `audit verify
    Vérifie toute la chaîne du journal d'audit ; code 0 si elle est intègre, sinon 1 et la première entrée rompue.
audit export [--format csv|pdf] [--out FICHIER] [--from DATE] [--to DATE] [--actor NOM] [--camera ID] [--action ACTION]
    Exporte le journal (filtré) avec le résultat de la vérification.`

export async function auditVerify(_argv: string[], ctx: CliContext): Promise<number> {
  const result = await ctx.audit.verify()
  ctx.out(result.message)
  ctx.out(`${result.checked} entrées vérifiées.`)
  if (!result.ok && result.firstBrokenSeq !== null) ctx.out(`Première entrée rompue : n° ${result.firstBrokenSeq}`)
  return result.ok ? 0 : 1
}

function date(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined
  const time = Date.parse(value)
  if (Number.isNaN(time)) throw new UsageError(`${option} : date illisible « ${value} » (ex. 2026-11-29 ou 2026-11-29T08:00)`)
  return time
}

export async function auditExport(argv: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'csv' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      actor: { type: 'string' },
      camera: { type: 'string' },
      action: { type: 'string' }
    }
  })
  const format = AuditExportFormatSchema.safeParse(values.format)
  if (!format.success) throw new UsageError('--format : csv ou pdf')
  const action = values.action === undefined ? undefined : AuditActionSchema.safeParse(values.action)
  if (action && !action.success) throw new UsageError(`--action inconnue : ${values.action}`)
  const filter = {
    ...(values.actor ? { actor: values.actor } : {}),
    ...(values.camera ? { cameraId: values.camera } : {}),
    ...(action?.success ? { action: action.data } : {}),
    ...(values.from ? { from: date(values.from, '--from') } : {}),
    ...(values.to ? { to: date(values.to, '--to') } : {})
  }
  const verification = await ctx.audit.verify()
  const { entries } = await ctx.audit.collect(filter, Number.MAX_SAFE_INTEGER)
  const organisation = await ctx.accounts.getOrganisation()
  const file =
    format.data === 'csv'
      ? auditToCsv(entries, verification)
      : await auditToPdf(entries, verification, { organisationName: organisation?.name ?? 'Vigie', generatedBy: ctx.actor, filters: filter })
  const path = resolve(values.out ?? `journal-audit.${format.data}`)
  await writeFile(path, file)
  await ctx.audit.append({
    actor: ctx.actor,
    action: 'audit.export',
    workstation: ctx.workstation,
    details: { format: format.data, filters: filter, entries: entries.length, file: path }
  })
  ctx.out(`${entries.length} entrées exportées dans ${path}`)
  ctx.out(verification.message)
  return 0
}
