import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Calendar } from '../../../electron/core/compliance/calendar'
import { RulePackCatalog, compareVersions } from '../../../electron/core/compliance/rule-packs'
import { ComplianceFixture, expectRpcError, NOW, PARIS, pdf, piaExport, TEST_PACK } from './support'

const paris = new Calendar(PARIS)
/** The test pack (1.0.0) and a newer one taking effect on 15/12/2026 that forbids people counting. */
const TAKES_EFFECT = paris.startOf('2026-12-15')

let fixture: ComplianceFixture

beforeEach(async () => {
  fixture = await ComplianceFixture.create('test')
})
afterEach(async () => {
  await fixture.dispose()
})

async function testPack(changes: (pack: Record<string, unknown>) => void = () => {}): Promise<Buffer> {
  const pack = JSON.parse(await readFile(TEST_PACK, 'utf8')) as Record<string, unknown>
  changes(pack)
  return Buffer.from(JSON.stringify(pack, null, 2))
}

const newerPackForbiddingCounting = (): Promise<Buffer> =>
  testPack((pack) => {
    pack.version = '1.1.0'
    pack.effectiveDate = '2026-12-15'
    const modules = pack.modules as Record<string, { rules: { default: Record<string, unknown> } }>
    modules['comptage-personnes'].rules.default = {
      status: 'forbidden',
      reason: 'Comptage suspendu après la décision du Conseil d’État.',
      citations: [{ ref: 'CE n° 506370' }]
    }
  })

describe('choosing the pack in force', () => {
  it('compares versions part by part', () => {
    expect(compareVersions('2026.11.0', '2026.9.3')).toBeGreaterThan(0)
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0)
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0)
  })

  it('a newer pack dropped into dataDir takes over from its effective date, and the change is reported once', async () => {
    await mkdir(fixture.folders.installedDir, { recursive: true })
    await writeFile(join(fixture.folders.installedDir, 'test-simple-1.1.0.json'), await newerPackForbiddingCounting())
    await fixture.open()

    await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf('arrêté'))
    await fixture.attach(fixture.people.claire, ['comptage-personnes'], 'AIPD', piaExport(2))
    await fixture.approve('comptage-personnes', fixture.people.bruno)
    await fixture.approve('comptage-personnes', fixture.people.denis)

    const first = await fixture.service.refresh('commune', NOW)
    expect(first.rulePackChange).toEqual({ previous: null, current: expect.objectContaining({ id: 'test-simple', version: '1.0.0' }) })
    expect(fixture.service.rulePack(TAKES_EFFECT - 1).version).toBe('1.0.0')
    expect(fixture.service.rulePack(TAKES_EFFECT).version).toBe('1.1.0')
    expect((await fixture.service.refresh('commune', TAKES_EFFECT - 1)).rulePackChange).toBeNull()

    const switched = await fixture.service.refresh('commune', TAKES_EFFECT)
    expect(switched.rulePackChange).toEqual({
      previous: { id: 'test-simple', version: '1.0.0' },
      current: { id: 'test-simple', version: '1.1.0', effectiveDate: '2026-12-15', jurisdiction: 'FR', title: 'Référentiel de test (monde simplifié)' }
    })
    expect(switched.transitions).toEqual([
      {
        moduleId: 'comptage-personnes',
        from: 'UNLOCKED',
        to: 'FORBIDDEN',
        reason: 'Comptage suspendu après la décision du Conseil d’État.',
        rulePack: { id: 'test-simple', version: '1.1.0' }
      }
    ])
    expect(await fixture.service.refresh('commune', TAKES_EFFECT + 1000)).toEqual({ rulePackChange: null, transitions: [] })

    // A restart does not report it again.
    await fixture.open()
    expect((await fixture.service.refresh('commune', TAKES_EFFECT + 2000)).rulePackChange).toBeNull()
  })

  it('lists the packs with their source and skips an installed file that does not validate', async () => {
    await mkdir(fixture.folders.installedDir, { recursive: true })
    await writeFile(join(fixture.folders.installedDir, 'abime.json'), '{ "id": "abime" }')
    const logged: string[] = []
    const catalog = await RulePackCatalog.load(fixture.folders, (message) => logged.push(message))
    expect(catalog.available()).toEqual([expect.objectContaining({ id: 'test-simple', version: '1.0.0', source: 'bundled' })])
    expect(logged).toEqual([expect.stringContaining('Référentiel de conformité « abime.json » invalide')])
  })

  it('says so when no pack is in force yet (a clock set in the past)', async () => {
    const error = await expectRpcError(fixture.service.overview('commune', Date.UTC(2019, 5, 1)), 'UNAVAILABLE')
    expect(error.message).toContain('Aucun référentiel de conformité n\'est en vigueur au 01/06/2019')
  })
})

describe('installing a pack', () => {
  it('validates it, then stores it under a name derived from its id and version', async () => {
    const bytes = await testPack((pack) => {
      pack.version = '1.2.0'
    })
    const info = await fixture.service.installRulePack('mon-referentiel.json', bytes)
    expect(info).toMatchObject({ id: 'test-simple', version: '1.2.0' })
    expect(await readdir(fixture.folders.installedDir)).toEqual(['test-simple-1.2.0.json'])
    expect(fixture.service.rulePacks(NOW).active.version).toBe('1.2.0')

    // Installing the same text again is harmless; another text under the same version is not.
    await fixture.service.installRulePack('encore.json', bytes)
    const different = await testPack((pack) => {
      pack.version = '1.2.0'
      pack.title = 'Autre texte'
    })
    await expectRpcError(fixture.service.installRulePack('autre.json', different), 'CONFLICT')

    await fixture.open()
    expect(fixture.service.rulePacks(NOW).available.map((pack) => `${pack.version}:${pack.source}`)).toEqual(['1.0.0:bundled', '1.2.0:installed'])
  })

  it('refuses path tricks in the file name', async () => {
    for (const name of ['../../etc/cron.json', 'sous/dossier.json', '..\\evil.json', 'pack.txt']) {
      await expectRpcError(fixture.service.installRulePack(name, await testPack((pack) => (pack.version = '9.0.0'))), 'INVALID_INPUT')
    }
    expect(existsSync(fixture.folders.installedDir)).toBe(false)
  })

  it('refuses invalid JSON and an invalid pack, with the French reason naming the path', async () => {
    const broken = await expectRpcError(fixture.service.installRulePack('casse.json', Buffer.from('{ "id": ')), 'INVALID_INPUT')
    expect(broken.message).toContain('JSON mal formé')

    const invalid = await expectRpcError(
      fixture.service.installRulePack(
        'faux.json',
        await testPack((pack) => {
          pack.version = '2.0.0'
          ;(pack.documentTypes as Record<string, Record<string, unknown>>).ARRETE.validityMonths = 'soixante'
        })
      ),
      'INVALID_INPUT'
    )
    expect(invalid.message).toContain('documentTypes.ARRETE.validityMonths : type attendu : number, reçu : string')
    expect(fixture.service.rulePack(NOW).version).toBe('1.0.0')
  })
})
