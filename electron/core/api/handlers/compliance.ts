import type { ModuleId } from '../../../shared/compliance'
import { RpcError } from '../../../shared/result'
import type { AuditEntry } from '../../../shared/audit'
import { buildRegister, decodeBase64, registerFileName, registerToJson, registerToPdf } from '../../compliance'
import { actorOf, type SessionContext } from '../context'
import type { HandlerDeps, HandlerGroup } from './deps'

/** Audit entries of compliance actions that concern a module (newest first). */
export async function complianceHistory(deps: HandlerDeps, moduleId?: ModuleId): Promise<AuditEntry[]> {
  const { entries } = await deps.audit.collect({ action: 'compliance.action' }, 2000)
  if (!moduleId) return entries
  return entries.filter((entry) => {
    const modules = entry.details.moduleIds
    return entry.target === moduleId || (Array.isArray(modules) && modules.includes(moduleId))
  })
}

function signedIn(ctx: SessionContext) {
  if (!ctx.session) throw new RpcError('UNAUTHENTICATED', 'Connectez-vous pour continuer.')
  return ctx.session.user
}

export function complianceHandlers(
  deps: HandlerDeps
): HandlerGroup<
  | 'compliance.overview'
  | 'compliance.dossier'
  | 'compliance.documents'
  | 'compliance.documentContent'
  | 'compliance.attachDocument'
  | 'compliance.withdrawDocument'
  | 'compliance.approve'
  | 'compliance.revoke'
  | 'compliance.exportRegister'
  | 'compliance.rulePacks'
  | 'compliance.installRulePack'
> {
  const { compliance } = deps
  const deployer = () => deps.organisation.current()?.deployer ?? null

  /** Every compliance action is on the record with who, why, the state change and the rule-pack version. */
  const recordAction = async (ctx: SessionContext, kind: string, moduleId: ModuleId | null, details: Record<string, unknown>) => {
    const pack = compliance.rulePack(deps.now())
    await deps.record(ctx, 'compliance.action', {
      target: moduleId,
      details: { kind, ...details, rulePack: { id: pack.id, version: pack.version } }
    })
  }

  const decide = async (ctx: SessionContext, kind: 'approve' | 'revoke', moduleId: ModuleId, justification: string) => {
    const user = signedIn(ctx)
    const approver = { userId: user.id, username: user.username, roles: user.roles }
    const from = (await compliance.moduleStatus(moduleId, deployer(), deps.now())).state
    const status =
      kind === 'approve'
        ? await compliance.approve(moduleId, deployer(), approver, justification, deps.now())
        : await compliance.revoke(moduleId, deployer(), approver, justification, deps.now())
    await recordAction(ctx, kind, moduleId, { from, to: status.state, justification })
    deps.onDidChangeCompliance()
    return status
  }

  return {
    'compliance.overview': () => compliance.overview(deployer(), deps.now()),
    'compliance.dossier': async ({ moduleId }) => ({
      ...(await compliance.dossier(moduleId, deployer(), deps.now())),
      history: await complianceHistory(deps, moduleId)
    }),
    'compliance.documents': () => compliance.documents(deps.now()),
    'compliance.documentContent': ({ documentId }) => compliance.documentContent(documentId),

    'compliance.attachDocument': async (input, ctx) => {
      const user = signedIn(ctx)
      const stateOf = async (id: ModuleId) => (await compliance.moduleStatus(id, deployer(), deps.now())).state
      const before = new Map(await Promise.all(input.moduleIds.map(async (id) => [id, await stateOf(id)] as const)))
      const document = await compliance.attachDocument(input, { userId: user.id, username: user.username }, deps.now())
      const after = await Promise.all(input.moduleIds.map(async (id) => ({ moduleId: id, from: before.get(id), to: await stateOf(id) })))
      await recordAction(ctx, 'attach-document', null, {
        moduleIds: input.moduleIds,
        documentId: document.id,
        sha256: document.sha256,
        type: document.type,
        reference: document.reference,
        transitions: after
      })
      deps.onDidChangeCompliance()
      return document
    },

    'compliance.withdrawDocument': async ({ documentId, justification }, ctx) => {
      const user = signedIn(ctx)
      const document = await compliance.withdrawDocument(documentId, { userId: user.id, username: user.username }, justification, deps.now())
      await recordAction(ctx, 'withdraw-document', null, { moduleIds: document.modules, documentId, sha256: document.sha256, justification })
      deps.onDidChangeCompliance()
      return document
    },

    'compliance.approve': ({ moduleId, justification }, ctx) => decide(ctx, 'approve', moduleId, justification),
    'compliance.revoke': ({ moduleId, justification }, ctx) => decide(ctx, 'revoke', moduleId, justification),

    'compliance.exportRegister': async ({ format }, ctx) => {
      const now = deps.now()
      const register = buildRegister({
        organisation: deps.organisation.current(),
        data: await compliance.registerData(deployer(), now),
        audit: await complianceHistory(deps),
        generatedBy: actorOf(ctx),
        generatedAt: now
      })
      const file = format === 'json' ? registerToJson(register) : await registerToPdf(register)
      await recordAction(ctx, 'export-register', null, { format })
      return {
        fileName: registerFileName(format, now),
        mimeType: format === 'json' ? 'application/json' : 'application/pdf',
        base64: file.toString('base64')
      }
    },

    'compliance.rulePacks': () => compliance.rulePacks(deps.now()),
    'compliance.installRulePack': async ({ fileName, base64 }, ctx) => {
      const previous = compliance.rulePack(deps.now())
      const installed = await compliance.installRulePack(fileName, decodeBase64(base64, 2_000_000))
      await recordAction(ctx, 'install-rule-pack', null, { installed, previous })
      deps.onDidChangeCompliance()
      return installed
    }
  }
}
