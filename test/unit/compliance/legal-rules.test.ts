import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEPLOYER_TYPES, type DeployerType } from '../../../electron/shared/accounts'
import type { ModuleId, ModuleStatus } from '../../../electron/shared/compliance'
import { Calendar } from '../../../electron/core/compliance/calendar'
import { parseRulePackBytes } from '../../../electron/core/compliance/rule-pack-schema'
import { resolveRule } from '../../../electron/core/compliance/rule-resolution'
import { BUNDLED_PACKS, ComplianceFixture, expectRpcError, NOW, PARIS, pdf } from './support'

/**
 * One test per rule of the legal catalogue's compact table (§10), evaluated by the real service on
 * the bundled rule pack for the deployers each rule concerns.
 */

const MUNICIPAL: DeployerType[] = ['commune', 'police-municipale']
const STATE_SERVICES: DeployerType[] = ['police-nationale', 'gendarmerie', 'douanes']
const M0_DOCUMENTS = [
  'PREFECTORAL_VP_AUTH',
  'AIPD',
  'DPO_OPINION',
  'REGISTER_ENTRY',
  'CNIL_ENGAGEMENT_CONFORMITE',
  'PUBLIC_INFO_NOTICE',
  'PRIVACY_MASK_EVIDENCE',
  'OPERATOR_HABILITATION'
]
const ART10_DOCUMENTS = [
  'LEGAL_BASIS_RECORD',
  'PREFECTORAL_ALGO_ARRETE',
  'ALGO_CONFORMITY_ATTESTATION',
  'PROPORTIONALITY_ALTERNATIVES_STUDY',
  'CNIL_PRIOR_CONSULTATION',
  'PUBLIC_INFO_NOTICE',
  'HUMAN_REVIEW_PROCEDURE',
  'AIPD',
  'REGISTER_ENTRY',
  'AI_LITERACY_TRAINING'
]

let fixture: ComplianceFixture

beforeEach(async () => {
  fixture = await ComplianceFixture.create('bundled')
})
afterEach(async () => {
  await fixture.dispose()
})

const status = (moduleId: ModuleId, deployer: DeployerType, now = NOW): Promise<ModuleStatus> =>
  fixture.service.moduleStatus(moduleId, deployer, now)
const requirementTypes = (module: ModuleStatus): string[] => module.requirements.map((requirement) => requirement.type)
const citationRefs = (module: ModuleStatus): string => module.citations.map((citation) => citation.ref).join(' | ')

/** The bundled pack with the art. 10 extension marked as verified: what a later pack would say if it is confirmed. */
async function installPackConfirmingArticle10(): Promise<void> {
  const pack = JSON.parse(await readFile(join(BUNDLED_PACKS, 'fr-2026.11.json'), 'utf8')) as {
    version: string
    legalBases: Record<string, { verified: boolean }>
  }
  pack.version = '2026.11.1'
  pack.legalBases.LOI_2023_380_ART10.verified = true
  await fixture.service.installRulePack('fr-2026.11.1.json', Buffer.from(JSON.stringify(pack)))
}

describe('§10 M0 — vidéoprotection, prérequis de tout module', () => {
  it('M0 vidéoprotection : ses documents conditionnent tout module autorisé (CSI L252-1 à L252-5 ; RGPD art. 30 et 35)', async () => {
    for (const [moduleId, deployer] of [
      ['comptage-personnes', 'commune'],
      ['lapi-stationnement', 'commune'],
      ['lapi-securite', 'police-nationale']
    ] as const) {
      const module = await status(moduleId, deployer)
      expect(module.ruleStatus, moduleId).toBe('conditional')
      expect(requirementTypes(module), moduleId).toEqual(expect.arrayContaining(M0_DOCUMENTS))
      expect(module.state).toBe('LOCKED')
      expect(module.requirements.every((requirement) => requirement.problem === 'Document manquant.')).toBe(true)
    }
  })

  it('M0 vidéoprotection : l’arrêté préfectoral vaut 5 ans à compter de sa délivrance (CSI L252-4)', async () => {
    const document = await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'PREFECTORAL_VP_AUTH', pdf('arrêté'), { issuedOn: '2026-03-31' })
    expect(document.expiresOn).toBe('2031-03-31')
  })

  it('M0 vidéoprotection : images conservées un mois au plus (CSI L252-5)', async () => {
    for (const deployer of DEPLOYER_TYPES) {
      for (const module of (await fixture.service.overview(deployer, NOW)).modules) {
        const days = module.limits.maxImageRetentionDays
        if (days !== null) expect(days, `${module.id} / ${deployer}`).toBeLessThanOrEqual(30)
      }
    }
  })
})

describe('§10 M1 — LAPI sécurité et police', () => {
  it('M1 LAPI sécurité : interdit pour une commune (CSI L233-1, L233-2)', async () => {
    const module = await status('lapi-securite', 'commune')
    expect(module).toMatchObject({ state: 'FORBIDDEN', ruleStatus: 'forbidden', requirements: [] })
    expect(module.reason).toContain('réservée aux services de la police nationale, de la gendarmerie nationale et des douanes')
    expect(citationRefs(module)).toMatch(/L233-1.*L233-2.*385091.*Valenciennes/)
  })

  it('M1 LAPI sécurité : interdit pour la police municipale, un exploitant de transport et un site privé (CSI L233-1 ; CE n° 385091)', async () => {
    for (const deployer of ['police-municipale', 'transport', 'site-prive'] as const) {
      expect((await status('lapi-securite', deployer)).state, deployer).toBe('FORBIDDEN')
    }
  })

  it('M1 LAPI sécurité : sous conditions pour la police nationale, la gendarmerie et les douanes (CSI L233-1, L233-2)', async () => {
    for (const deployer of STATE_SERVICES) {
      const module = await status('lapi-securite', deployer)
      expect(module, deployer).toMatchObject({ state: 'LOCKED', ruleStatus: 'conditional', uncertain: true })
      expect(requirementTypes(module)).toEqual(expect.arrayContaining(['LEGAL_BASIS_RECORD', 'HUMAN_REVIEW_PROCEDURE']))
      expect(module.limits.notes.join(' ')).toContain('15 jours au plus')
    }
  })

  it('M1 LAPI sécurité : aucune approbation ne débloque un module interdit (CE n° 385091)', async () => {
    const error = await expectRpcError(fixture.approve('lapi-securite', fixture.people.alice, 'commune'), 'CONFLICT')
    expect(error.message).toContain('aucune approbation ne peut le débloquer')
  })
})

describe('§10 M1-FPS — LAPI pré-contrôle du stationnement payant', () => {
  it('M1-FPS LAPI stationnement : sous conditions pour une commune — délibération, AIPD, registre, information (CGCT L2333-87 ; CNIL 13/11/2017)', async () => {
    const module = await status('lapi-stationnement', 'commune')
    expect(module).toMatchObject({ state: 'LOCKED', ruleStatus: 'conditional', uncertain: true })
    expect(requirementTypes(module)).toEqual(expect.arrayContaining(['COUNCIL_DELIBERATION', 'AIPD', 'DPO_OPINION', 'REGISTER_ENTRY', 'PUBLIC_INFO_NOTICE']))
    expect(module.limits.humanConfirmation).toBe(true)
    expect(module.limits.notes.join(' ')).toContain('effacée dès le rapprochement')
    expect(citationRefs(module)).toMatch(/L2333-87/)
  })

  it('M1-FPS LAPI stationnement : interdit pour tout autre déployeur (CSI L233-1 ; CNIL, août 2020)', async () => {
    for (const deployer of DEPLOYER_TYPES.filter((candidate) => candidate !== 'commune')) {
      expect((await status('lapi-stationnement', deployer)).state, deployer).toBe('FORBIDDEN')
    }
  })

  it('M1-FPS LAPI stationnement : aucune base avant le forfait post-stationnement du 1er janvier 2018 (CGCT L2333-87)', async () => {
    const pack = parseRulePackBytes(await readFile(join(BUNDLED_PACKS, 'fr-2026.11.json')), 'fr')
    expect(resolveRule(pack, 'lapi-stationnement', 'commune', '2017-12-31')).toMatchObject({ status: 'forbidden' })
    expect(resolveRule(pack, 'lapi-stationnement', 'commune', '2017-12-31').reason).toContain('ne s\'applique qu\'à partir du 01/01/2018')
    expect(resolveRule(pack, 'lapi-stationnement', 'commune', '2018-01-01').status).toBe('conditional')
  })
})

describe('§10 M2 — détection d’événements en temps réel', () => {
  it('M2 détection : interdit par défaut pour une commune et la police municipale, l’art. 10 de la loi 2023-380 n’étant pas confirmé (CE n° 506370)', async () => {
    for (const moduleId of ['detection-objet-abandonne', 'detection-intrusion', 'detection-sortie-zone'] as const) {
      for (const deployer of MUNICIPAL) {
        const module = await status(moduleId, deployer)
        expect(module, `${moduleId} / ${deployer}`).toMatchObject({ state: 'FORBIDDEN', ruleStatus: 'forbidden', uncertain: true })
        expect(module.reason).toContain('n\'est pas confirmée')
        expect(module.reason).toContain('À confirmer')
        expect(citationRefs(module)).toMatch(/2023-380.*506370/)
      }
    }
  })

  it('M2 détection : hors du cadre expérimental, interdit aux douanes et aux sites privés (CE n° 506370 ; CNIL, déc. 2024)', async () => {
    for (const deployer of ['douanes', 'site-prive'] as const) {
      const module = await status('detection-intrusion', deployer)
      expect(module.state, deployer).toBe('FORBIDDEN')
      expect(module.reason).toContain('Aucune base légale')
    }
  })

  it('M2 détection : objet retiré et mouvements inhabituels toujours interdits, absents du décret n° 2023-828 (art. 3)', async () => {
    await installPackConfirmingArticle10()
    for (const moduleId of ['detection-objet-retire', 'detection-mouvement-inhabituel'] as const) {
      for (const deployer of DEPLOYER_TYPES) {
        const module = await status(moduleId, deployer)
        expect(module.state, `${moduleId} / ${deployer}`).toBe('FORBIDDEN')
        expect(module.reason).toContain('ne figure')
      }
    }
  })

  it('M2 détection : si la prolongation est confirmée, déblocage sur arrêté préfectoral, attestation, consultation CNIL (art. 10 loi 2023-380 ; LIL art. 90)', async () => {
    await installPackConfirmingArticle10()
    const module = await status('detection-intrusion', 'police-municipale')
    expect(module).toMatchObject({ state: 'LOCKED', ruleStatus: 'conditional' })
    expect(requirementTypes(module)).toEqual(expect.arrayContaining([...ART10_DOCUMENTS, ...M0_DOCUMENTS]))
    expect(module.limits).toMatchObject({ humanConfirmation: true, noBiometrics: true, maxImageRetentionDays: 30 })
  })

  it('M2 détection : arrêt à la fin de l’expérimentation, le 31/12/2027 même si la prolongation est confirmée (art. 10 loi 2023-380)', async () => {
    await installPackConfirmingArticle10()
    const after = await status('detection-objet-abandonne', 'commune', Date.UTC(2028, 0, 1, 12))
    expect(after.state).toBe('FORBIDDEN')
    expect(after.reason).toContain('a pris fin le 31/12/2027')
  })
})

describe('§10 M3 — analyse de foule', () => {
  it('M3-a alertes de foule : même régime que M2, interdit par défaut (décret n° 2023-828, art. 3, 6° et 7°)', async () => {
    for (const deployer of DEPLOYER_TYPES) {
      expect((await status('foule-alertes', deployer)).state, deployer).toBe('FORBIDDEN')
    }
    await installPackConfirmingArticle10()
    expect(requirementTypes(await status('foule-alertes', 'commune'))).toEqual(expect.arrayContaining(ART10_DOCUMENTS))
  })

  it('M3-b comptage de personnes : sous conditions, à confirmer depuis la décision Nice (CNIL 19/07/2022 ; CE n° 506370)', async () => {
    for (const deployer of DEPLOYER_TYPES) {
      const module = await status('comptage-personnes', deployer)
      expect(module, deployer).toMatchObject({ state: 'LOCKED', ruleStatus: 'conditional', uncertain: true })
      expect(module.reason).toContain('Commune de Nice')
      expect(module.limits).toMatchObject({ countsOnly: true, maxImageRetentionDays: 0, noBiometrics: true })
      expect(requirementTypes(module)).toEqual(
        expect.arrayContaining(['AIPD', 'ANONYMISATION_EVIDENCE', 'REGISTER_ENTRY', 'PUBLIC_INFO_NOTICE', 'RIGHT_TO_OBJECT_HANDLING', 'PROCESSOR_CONTRACT'])
      )
    }
  })
})

describe('§10 — surcouche AI Act et interdictions absolues', () => {
  it('Tous modules : formation des opérateurs à l’IA exigée (AI Act, art. 4)', async () => {
    await installPackConfirmingArticle10()
    for (const deployer of DEPLOYER_TYPES) {
      for (const module of (await fixture.service.overview(deployer, NOW)).modules) {
        if (module.ruleStatus !== 'forbidden') expect(requirementTypes(module), `${module.id} / ${deployer}`).toContain('AI_LITERACY_TRAINING')
      }
    }
  })

  it('Reconnaissance faciale, catégorisation biométrique, inférence d’émotions : interdites pour tout déployeur (AI Act art. 5 ; RGPD art. 9)', async () => {
    for (const moduleId of ['reconnaissance-faciale', 'categorisation-biometrique', 'inference-emotions'] as const) {
      for (const deployer of DEPLOYER_TYPES) {
        const module = await status(moduleId, deployer)
        expect(module, `${moduleId} / ${deployer}`).toMatchObject({ state: 'FORBIDDEN', ruleStatus: 'forbidden', requirements: [] })
        expect(citationRefs(module)).toMatch(/AI Act.*art\. 5/)
      }
      await expectRpcError(fixture.approve(moduleId, fixture.people.claire, 'police-nationale'), 'CONFLICT')
    }
  })

  it('Sans type de déployeur dans le profil de l’organisation, tout reste interdit', async () => {
    const overview = await fixture.service.overview(null, NOW)
    expect(overview.modules.every((module) => module.state === 'FORBIDDEN')).toBe(true)
    expect(overview.modules[0].reason).toContain('type de déployeur n\'est pas renseigné')
  })
})

describe('points à confirmer', () => {
  it('flags what the catalogue marks [U] or [S], and only that', async () => {
    const counting = await status('comptage-personnes', 'commune')
    const byType = new Map(counting.requirements.map((requirement) => [requirement.type, requirement.uncertain]))
    expect(byType.get('CNIL_ENGAGEMENT_CONFORMITE')).toBe(true)
    expect(byType.get('PRIVACY_MASK_EVIDENCE')).toBe(true)
    expect(byType.get('RIGHT_TO_OBJECT_HANDLING')).toBe(true)
    expect(byType.get('PREFECTORAL_VP_AUTH')).toBe(false)
    expect(byType.get('AIPD')).toBe(false)

    const facial = await status('reconnaissance-faciale', 'commune')
    expect(facial.uncertain).toBe(false)
    expect((await status('lapi-securite', 'commune')).uncertain).toBe(false)
  })

  it('reads dates on documents in Paris time', () => {
    expect(new Calendar(PARIS).today(Date.UTC(2026, 10, 29, 23, 30))).toBe('2026-11-30')
  })
})
