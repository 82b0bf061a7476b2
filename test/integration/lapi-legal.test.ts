import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeH264Clip } from '../fixtures/make-clip'
import { unlockThroughDossier } from '../fixtures/compliance-flow'
import { refusal, startTestSite, type Person, type TestSite } from '../fixtures/test-site'

/** LAPI as a commune: security purposes closed by every path, paid parking open once its dossier is complete. */
describe('LAPI within its legal frame, as a commune', () => {
  let site: TestSite
  const connect = (person: Person) => site.connect(person)

  beforeEach(async () => {
    site = await startTestSite({ cameras: [{ id: 'marche', name: 'Parking du marché', source: await makeH264Clip(), group: 'centre', analytics: ['lapi-securite', 'lapi-stationnement'] }], organisation: { name: 'Commune de Belvédère', deployer: 'commune' }, core: { recording: false } })
  })

  afterEach(async () => {
    await site.close()
  })

  it('gives a commune no path to security LAPI: no approval, no list, no run', async () => {
    const alice = await connect('alice')
    const bruno = await connect('bruno')
    expect((await alice.call('compliance.overview', {})).modules.find((m) => m.id === 'lapi-securite')?.state).toBe('FORBIDDEN')
    await refusal(unlockThroughDossier(alice, [alice, bruno], 'lapi-securite'))
    // A plate rule may be drawn on the camera, but it is only a drawing: its module never runs.
    await alice.call('analytics.saveScene', { cameraId: 'marche', scene: { rules: [{ id: 'plaques', name: 'Plaques signalées', kind: 'plate-watchlist' }] } })
    const refused = await refusal(alice.call('lapi.importHotlist', { name: 'Volés', moduleId: 'lapi-securite', reason: 'Liste reçue de la police nationale', text: 'AB-123-CD' }))
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
    expect((await refusal(olga.call('lapi.reads', {}))).code).toBe('FORBIDDEN')
    expect(await alice.call('lapi.reads', {})).toEqual({ hits: [], unmatchedKept: 0 })
    const audit = await bruno.call('audit.query', { action: 'lapi.hotlist-import' })
    expect(audit.entries[0]).toMatchObject({ actor: 'alice', details: { reason: 'Export horaire de l’horodateur, contrôle FPS', entries: 2 } })
  })
})
