import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RpcError } from '../../electron/shared/result'
import { createRpcClient, type RpcClient } from '../../electron/shared/rpc/client'
import { createMemoryTransportPair } from '../../electron/shared/rpc/memory-transport'
import { makeH264Clip } from '../fixtures/make-clip'
import { startTestCore, type CoreHarness } from '../fixtures/core-harness'
import { unlockThroughDossier } from '../fixtures/compliance-flow'

const PASSWORDS = { admin: 'Lanterne-Brume-Quai-1871', alice: 'Phare-Ouest-Marée-Haute', bruno: 'Quai-Des-Brumes-Sous-La-Pluie', olga: 'Toits-Rouges-Sur-La-Ville-77' }

/** LAPI as a commune: security purposes closed by every path, paid parking open once its dossier is complete. */
describe('LAPI within its legal frame, as a commune', () => {
  let harness: CoreHarness
  let dataDir: string
  const clients: RpcClient[] = []

  const connect = async (username: keyof typeof PASSWORDS): Promise<RpcClient> => {
    const [screen, core] = createMemoryTransportPair()
    harness.core.connect(core, { transport: 'memory', workstation: `poste de ${username}` })
    const client = createRpcClient(screen)
    clients.push(client)
    await client.call('session.login', { username, password: PASSWORDS[username] })
    return client
  }

  const rejection = async (promise: Promise<unknown>): Promise<RpcError> => {
    const error = await promise.then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(RpcError)
    return error as RpcError
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vigie-lapi-legal-'))
    await writeFile(
      join(dataDir, 'cameras.json'),
      JSON.stringify({ version: 1, cameras: [{ id: 'marche', name: 'Parking du marché', source: await makeH264Clip(), group: 'centre', analytics: ['lapi-securite', 'lapi-stationnement'] }] })
    )
    harness = await startTestCore({ dataDir, recording: false })
    const [screen, core] = createMemoryTransportPair()
    harness.core.connect(core, { transport: 'memory', workstation: 'installation' })
    const admin = createRpcClient(screen)
    clients.push(admin)
    await admin.call('setup.createFirstAdmin', { organisation: { name: 'Commune de Belvédère', deployer: 'commune' }, username: 'admin', displayName: 'Admin', password: PASSWORDS.admin })
    await admin.call('users.create', { username: 'alice', displayName: 'Alice', roles: ['supervisor'], allGroups: true, password: PASSWORDS.alice })
    await admin.call('users.create', { username: 'bruno', displayName: 'Bruno', roles: ['dpo'], password: PASSWORDS.bruno })
    await admin.call('users.create', { username: 'olga', displayName: 'Olga', roles: ['operator'], groups: ['centre'], password: PASSWORDS.olga })
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close()
    await harness.dispose()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('gives a commune no path to security LAPI: no approval, no list, no run', async () => {
    const alice = await connect('alice')
    const bruno = await connect('bruno')
    expect((await alice.call('compliance.overview', {})).modules.find((m) => m.id === 'lapi-securite')?.state).toBe('FORBIDDEN')
    await rejection(unlockThroughDossier(alice, [alice, bruno], 'lapi-securite'))
    const refused = await rejection(alice.call('lapi.importHotlist', { name: 'Volés', moduleId: 'lapi-securite', reason: 'Liste reçue de la police nationale', text: 'AB-123-CD' }))
    expect(refused.code).toBe('FORBIDDEN')
    expect(refused.message).toMatch(/L233-1|police municipale|commune/i)
    expect((await alice.call('analytics.status', {})).find((s) => s.moduleId === 'lapi-securite')?.running).toBe(false)
    expect(await alice.call('lapi.hotlists', {})).toEqual([])
  })

  it('opens parking LAPI once its dossier is complete and approved, with lists on the record and reads for authorised roles only', async () => {
    const alice = await connect('alice')
    const bruno = await connect('bruno')
    const olga = await connect('olga')
    await unlockThroughDossier(alice, [alice, bruno], 'lapi-stationnement')
    expect((await alice.call('compliance.overview', {})).modules.find((m) => m.id === 'lapi-stationnement')?.state).toBe('UNLOCKED')
    const imported = await alice.call('lapi.importHotlist', {
      name: 'Stationnements payés',
      moduleId: 'lapi-stationnement',
      reason: 'Export horaire de l’horodateur, contrôle FPS',
      text: 'AB-123-CD\nEF-456-GH;??'
    })
    expect(imported).toMatchObject({ hotlist: { entries: 2, importedBy: 'alice' }, rejected: ['??'] })
    expect((await rejection(olga.call('lapi.reads', {}))).code).toBe('FORBIDDEN')
    expect(await alice.call('lapi.reads', {})).toEqual({ hits: [], unmatchedKept: 0 })
    const audit = await bruno.call('audit.query', { action: 'lapi.hotlist-import' })
    expect(audit.entries[0]).toMatchObject({ actor: 'alice', details: { reason: 'Export horaire de l’horodateur, contrôle FPS', entries: 2 } })
  })
})
