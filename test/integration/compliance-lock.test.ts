import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ModuleId } from '../../electron/shared/compliance'
import type { RpcClient } from '../../electron/shared/rpc/client'
import { guardedProcessCount } from '../../electron/core/ingest/child-process-guard'
import { makeH264Clip } from '../fixtures/make-clip'
import { waitFor } from '../fixtures/core-harness'
import { refusal, startTestSite, type Person, type TestSite } from '../fixtures/test-site'
import { DAY_MS, pdf, piaExport } from '../unit/compliance/support'
import { runVigieCli } from '../e2e/fixtures/vigie-host'

/**
 * The compliance lock through the real core, as a commune: what the law forbids stays forbidden by
 * every path; what it allows runs only with complete paperwork and two people's approval, and stops
 * when an approval is revoked or a document expires.
 */
describe('the compliance lock, configured as a commune', () => {
  let site: TestSite
  let clock: number
  const connect = (person: Person) => site.connect(person)

  const analyticsOn = async (client: RpcClient, moduleId: ModuleId) =>
    (await client.call('analytics.status', {})).find((status) => status.cameraId === 'marche' && status.moduleId === moduleId)

  beforeEach(async () => {
    clock = Date.UTC(2026, 10, 29, 10, 0)
    // Configured by hand in the file, as an admin might: the camera asks for LAPI and people counting.
    site = await startTestSite({
      cameras: [{ id: 'marche', name: 'Place du Marché', source: await makeH264Clip(), group: 'centre', analytics: ['lapi-securite', 'comptage-personnes'] }],
      organisation: { name: 'Commune de Belvédère', deployer: 'commune' },
      core: { now: () => clock }
    })
  })

  afterEach(async () => {
    await site.close()
  })

  it('shows LAPI for security purposes as forbidden, with its citations, and no path unlocks or runs it', async () => {
    const alice = await connect('alice')
    const lapi = (await alice.call('compliance.overview', {})).modules.find((module) => module.id === 'lapi-securite')
    expect(lapi?.state).toBe('FORBIDDEN')
    expect(lapi?.citations.map((citation) => citation.ref).join(' ')).toMatch(/L233-1/)

    // The approval call, by an authorised person, with a justification: refused.
    await refusal(alice.call('compliance.approve', { moduleId: 'lapi-securite', justification: 'Besoin opérationnel du service' }))
    // Paperwork does not help either.
    await alice.call('compliance.attachDocument', {
      moduleIds: ['lapi-securite'],
      type: 'PREFECTORAL_VP_AUTH',
      reference: 'Arrêté n° 2026-12',
      issuer: 'Préfecture',
      issuedOn: '2026-01-15',
      fileName: 'arrete.pdf',
      base64: pdf('arrêté').toString('base64')
    }).catch(() => undefined)
    expect((await alice.call('compliance.dossier', { moduleId: 'lapi-securite' })).module.state).toBe('FORBIDDEN')
    // The configuration file asks for it on a camera: the lock says no and the camera shows why.
    const status = await analyticsOn(alice, 'lapi-securite')
    expect(status).toMatchObject({ running: false })
    expect(status?.reason).toMatch(/interdit/i)
    // The command line prints the same verdict.
    const cli = runVigieCli(['compliance', 'status', '--json', '--data', site.dataDir])
    const summary = JSON.parse(cli.stdout.trim().split('\n').at(-1) ?? '{}') as { modules: Array<{ id: string; state: string }> }
    expect(summary.modules.find((module) => module.id === 'lapi-securite')?.state).toBe('FORBIDDEN')
  })

  it('keeps people counting locked until its documents are attached and two different people approve; then it runs, and stops on revocation', async () => {
    const alice = await connect('alice')
    const bruno = await connect('bruno')
    const olga = await connect('olga')
    expect((await analyticsOn(olga, 'comptage-personnes'))?.running).toBe(false)

    const dossier = await alice.call('compliance.dossier', { moduleId: 'comptage-personnes' })
    expect(dossier.module.state).toBe('LOCKED')
    for (const requirement of dossier.module.requirements.filter((r) => !r.satisfied)) {
      const aipd = requirement.type === 'AIPD'
      await alice.call('compliance.attachDocument', {
        moduleIds: ['comptage-personnes'],
        type: requirement.type,
        reference: `${requirement.type}-2026`,
        issuer: requirement.issuer,
        issuedOn: '2026-11-01',
        fileName: aipd ? 'aipd.json' : `${requirement.type.toLowerCase()}.pdf`,
        base64: (aipd ? piaExport(2) : pdf(requirement.label)).toString('base64')
      })
    }
    expect((await alice.call('compliance.dossier', { moduleId: 'comptage-personnes' })).module.state).toBe('READY')

    // An operator cannot approve, whatever they send.
    expect((await refusal(olga.call('compliance.approve', { moduleId: 'comptage-personnes', justification: 'Je voudrais voir les comptages' }))).code).toBe('FORBIDDEN')
    // Alice attached every document: her approval alone cannot unlock it.
    await alice.call('compliance.approve', { moduleId: 'comptage-personnes', justification: 'Dossier complet, vérifié en commission' })
    expect((await alice.call('compliance.dossier', { moduleId: 'comptage-personnes' })).module.state).not.toBe('UNLOCKED')
    await refusal(alice.call('compliance.approve', { moduleId: 'comptage-personnes', justification: 'Deuxième approbation par la même personne' }))
    // A second, different person: unlocked, and the camera's analysis starts.
    const unlocked = await bruno.call('compliance.approve', { moduleId: 'comptage-personnes', justification: 'Avis favorable du DPO, AIPD validée' })
    expect(unlocked.state).toBe('UNLOCKED')
    await waitFor(async () => ((await analyticsOn(olga, 'comptage-personnes'))?.framesAnalysed ?? 0) > 3, 'people counting to analyse frames', 20_000)

    // Revoked: stopped within 5 s, and the operator is told why.
    const processes = guardedProcessCount()
    const revokedAt = Date.now()
    await bruno.call('compliance.revoke', { moduleId: 'comptage-personnes', justification: 'Plainte reçue, suspension le temps de l’instruction' })
    await waitFor(async () => (await analyticsOn(olga, 'comptage-personnes'))?.running === false, 'the module to stop', 5_000, 20)
    await waitFor(() => guardedProcessCount() < processes, 'its ffmpeg to exit', 5_000, 20)
    expect(Date.now() - revokedAt).toBeLessThan(5_000)
    expect((await analyticsOn(olga, 'comptage-personnes'))?.reason).toMatch(/révoqu|verrouill|approb/i)

    // Every step is on the record, with the rule-pack version.
    const history = (await bruno.call('compliance.dossier', { moduleId: 'comptage-personnes' })).history
    expect(history.some((entry) => entry.details.kind === 'revoke' && typeof entry.details.rulePack === 'object')).toBe(true)
  })

  it('relocks when the prefectoral authorisation expires', async () => {
    const alice = await connect('alice')
    const bruno = await connect('bruno')
    const dossier = await alice.call('compliance.dossier', { moduleId: 'comptage-personnes' })
    for (const requirement of dossier.module.requirements) {
      const aipd = requirement.type === 'AIPD'
      await alice.call('compliance.attachDocument', {
        moduleIds: ['comptage-personnes'],
        type: requirement.type,
        reference: `${requirement.type}-2026`,
        issuer: requirement.issuer,
        issuedOn: '2026-11-01',
        // The arrêté ends on 10 December 2026; the other documents last longer.
        expiresOn: requirement.type === 'PREFECTORAL_VP_AUTH' ? '2026-12-10' : null,
        fileName: aipd ? 'aipd.json' : 'piece.pdf',
        base64: (aipd ? piaExport(3) : pdf(requirement.type)).toString('base64')
      })
    }
    await alice.call('compliance.approve', { moduleId: 'comptage-personnes', justification: 'Dossier complet, vérifié en commission' })
    await bruno.call('compliance.approve', { moduleId: 'comptage-personnes', justification: 'Avis favorable du DPO, AIPD validée' })
    await waitFor(async () => (await analyticsOn(alice, 'comptage-personnes'))?.running === true, 'the module to run', 10_000)

    clock += 12 * DAY_MS
    await waitFor(async () => (await analyticsOn(alice, 'comptage-personnes'))?.running === false, 'the module to stop at expiry', 5_000, 20)
    const module = (await alice.call('compliance.overview', {})).modules.find((m) => m.id === 'comptage-personnes')
    expect(module?.state).toBe('EXPIRED')
  })
})
