import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ComplianceOverview, DocumentView, ModuleId, ModuleStatus, RulePackInfo } from '../../../electron/shared/compliance'
import type { MethodInput, MethodOutput } from '../../../electron/shared/contract'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { toShownError, type ShownError } from '../api/errors'
import type { Loadable } from './load-status'

export type Dossier = MethodOutput<'compliance.dossier'>
export type RulePacks = MethodOutput<'compliance.rulePacks'>
export type AttachInput = MethodInput<'compliance.attachDocument'>
export type RegisterFormat = MethodInput<'compliance.exportRegister'>['format']
/** A file as the core hands it over (register export, a document's content). */
export type CoreFile = MethodOutput<'compliance.exportRegister'>

/** The one dossier the screen shows; answers for another module than this one are dropped. */
export type DossierState =
  | { status: 'closed' }
  | { status: 'loading'; moduleId: ModuleId }
  | { status: 'ready'; moduleId: ModuleId; dossier: Dossier }
  | { status: 'error'; moduleId: ModuleId; error: ShownError }

export type RulePacksState = { status: 'loading' } | { status: 'ready'; value: RulePacks } | { status: 'error'; error: ShownError }

export interface ComplianceState extends Loadable {
  overview: ComplianceOverview | null
  dossier: DossierState
  rulePacks: RulePacksState
  /** Loaded when the screen opens, then again on each change the core announces. */
  load(): Promise<void>
  loadRulePacks(): Promise<void>
  openDossier(moduleId: ModuleId): Promise<void>
  closeDossier(): void
  /** The mutations reject with the core's RpcError so that a dialog can show it and keep its input. */
  attach(input: AttachInput): Promise<DocumentView>
  withdraw(documentId: string, justification: string): Promise<DocumentView>
  approve(moduleId: ModuleId, justification: string): Promise<ModuleStatus>
  revoke(moduleId: ModuleId, justification: string): Promise<ModuleStatus>
  installRulePack(fileName: string, base64: string): Promise<RulePackInfo>
  documentContent(documentId: string): Promise<CoreFile>
  exportRegister(format: RegisterFormat): Promise<CoreFile>
  /** Follows `compliance.onDidChange`; returns the function that stops following. */
  listen(): () => void
}

export type ComplianceStore = StoreApi<ComplianceState>

function withModules(overview: ComplianceOverview | null, modules: readonly ModuleStatus[]): ComplianceOverview | null {
  if (!overview) return null
  const changed = new Map(modules.map((module) => [module.id, module]))
  return { ...overview, modules: overview.modules.map((module) => changed.get(module.id) ?? module) }
}

function withDossierModule(dossier: DossierState, modules: readonly ModuleStatus[]): DossierState {
  if (dossier.status !== 'ready') return dossier
  const module = modules.find((candidate) => candidate.id === dossier.moduleId)
  return module ? { ...dossier, dossier: { ...dossier.dossier, module } } : dossier
}

function activePackDiffers(rulePacks: RulePacksState, overview: ComplianceOverview): boolean {
  if (rulePacks.status !== 'ready') return false
  const { active } = rulePacks.value
  return active.id !== overview.rulePack.id || active.version !== overview.rulePack.version
}

export function createComplianceStore(client: RpcClient): ComplianceStore {
  // Each request takes a number; an answer is applied only if no newer request of its kind left since.
  let overviewRequest = 0
  let dossierRequest = 0

  return createStore<ComplianceState>()((set, get) => {
    /** States the core just gave (an event, an approval) are shown at once, before any reload. */
    const showModules = (modules: readonly ModuleStatus[]): void => {
      set((state) => ({ overview: withModules(state.overview, modules), dossier: withDossierModule(state.dossier, modules) }))
    }

    const fetchDossier = async (moduleId: ModuleId): Promise<void> => {
      const request = ++dossierRequest
      try {
        const dossier = await client.call('compliance.dossier', { moduleId })
        if (request === dossierRequest) set({ dossier: { status: 'ready', moduleId, dossier } })
      } catch (error) {
        if (request === dossierRequest) set({ dossier: { status: 'error', moduleId, error: toShownError(error) } })
      }
    }

    const refreshOpenDossier = async (): Promise<void> => {
      const { dossier } = get()
      if (dossier.status !== 'closed') await fetchDossier(dossier.moduleId)
    }

    /** After a change made here: documents and history moved too, not only the states. */
    const refreshAll = async (): Promise<void> => {
      await Promise.all([get().load(), refreshOpenDossier()])
    }

    return {
      status: 'loading',
      error: null,
      overview: null,
      dossier: { status: 'closed' },
      rulePacks: { status: 'loading' },

      async load() {
        const request = ++overviewRequest
        try {
          const overview = await client.call('compliance.overview', {})
          if (request !== overviewRequest) return
          set({ status: 'ready', error: null, overview })
          // A pack that took over (installed elsewhere, or reaching its effective date) changes the list too.
          if (activePackDiffers(get().rulePacks, overview)) void get().loadRulePacks()
        } catch (error) {
          // The last overview stays on screen beside the error: it is stale, not wrong.
          if (request === overviewRequest) set({ status: 'error', error: toShownError(error) })
        }
      },

      async loadRulePacks() {
        try {
          set({ rulePacks: { status: 'ready', value: await client.call('compliance.rulePacks', {}) } })
        } catch (error) {
          set({ rulePacks: { status: 'error', error: toShownError(error) } })
        }
      },

      async openDossier(moduleId) {
        const { dossier } = get()
        // Reopening the same dossier keeps it on screen while it refreshes.
        if (dossier.status === 'closed' || dossier.moduleId !== moduleId) set({ dossier: { status: 'loading', moduleId } })
        await fetchDossier(moduleId)
      },

      closeDossier() {
        dossierRequest += 1
        set({ dossier: { status: 'closed' } })
      },

      async attach(input) {
        const document = await client.call('compliance.attachDocument', input)
        await refreshAll()
        return document
      },

      async withdraw(documentId, justification) {
        const document = await client.call('compliance.withdrawDocument', { documentId, justification })
        await refreshAll()
        return document
      },

      async approve(moduleId, justification) {
        const module = await client.call('compliance.approve', { moduleId, justification })
        showModules([module])
        await refreshAll()
        return module
      },

      async revoke(moduleId, justification) {
        const module = await client.call('compliance.revoke', { moduleId, justification })
        showModules([module])
        await refreshAll()
        return module
      },

      async installRulePack(fileName, base64) {
        const pack = await client.call('compliance.installRulePack', { fileName, base64 })
        await Promise.all([get().loadRulePacks(), refreshAll()])
        return pack
      },

      documentContent: (documentId) => client.call('compliance.documentContent', { documentId }),

      exportRegister: (format) => client.call('compliance.exportRegister', { format }),

      listen() {
        return client.on('compliance.onDidChange', ({ modules }) => {
          showModules(modules)
          // The event carries states only: the rule pack, documents and history are fetched again.
          void get().load()
          const { dossier } = get()
          if (dossier.status !== 'closed' && modules.some((module) => module.id === dossier.moduleId)) void fetchDossier(dossier.moduleId)
        })
      }
    }
  })
}
