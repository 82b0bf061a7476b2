import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MODULE_IDS } from '../../../electron/shared/compliance'
import { parseRulePack, parseRulePackBytes, RulePackError, type RulePack } from '../../../electron/core/compliance/rule-pack-schema'
import { BUNDLED_PACKS, TEST_PACK } from './support'

const BUNDLED_FILE = join(BUNDLED_PACKS, 'fr-2026.11.json')

async function rawBundled(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(BUNDLED_FILE, 'utf8')) as Record<string, unknown>
}

function refusal(data: unknown): string {
  try {
    parseRulePack(data, 'essai.json')
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError)
    return (error as Error).message
  }
  throw new Error('the pack was accepted')
}

describe('rule pack schema', () => {
  it('accepts the bundled pack, which describes every module', async () => {
    const pack: RulePack = parseRulePackBytes(await readFile(BUNDLED_FILE), 'fr-2026.11.json')
    expect(pack).toMatchObject({ id: 'fr-csu', version: '2026.11.0', jurisdiction: 'FR', effectiveDate: '2026-11-01' })
    expect(Object.keys(pack.modules).sort()).toEqual([...MODULE_IDS].sort())
  })

  it('accepts the test pack', async () => {
    expect(parseRulePackBytes(await readFile(TEST_PACK), 'test-simple.json').id).toBe('test-simple')
  })

  it('declares the documents of §8.5 with their validity and formats', async () => {
    const pack = parseRulePackBytes(await readFile(BUNDLED_FILE), 'fr-2026.11.json')
    for (const type of [
      'PREFECTORAL_VP_AUTH', 'AIPD', 'DPO_OPINION', 'PROPORTIONALITY_ALTERNATIVES_STUDY', 'CNIL_PRIOR_CONSULTATION',
      'PUBLIC_INFO_NOTICE', 'REGISTER_ENTRY', 'COUNCIL_DELIBERATION', 'PREFECTORAL_ALGO_ARRETE', 'ALGO_CONFORMITY_ATTESTATION',
      'LEGAL_BASIS_RECORD', 'AI_LITERACY_TRAINING', 'HUMAN_REVIEW_PROCEDURE', 'PROCESSOR_CONTRACT', 'RIGHT_TO_OBJECT_HANDLING',
      'ANONYMISATION_EVIDENCE', 'CNIL_ENGAGEMENT_CONFORMITE', 'PRIVACY_MASK_EVIDENCE', 'OPERATOR_HABILITATION'
    ]) {
      expect(pack.documentTypes[type], type).toBeDefined()
    }
    expect(pack.documentTypes.PREFECTORAL_VP_AUTH.validityMonths).toBe(60)
    expect(pack.documentTypes.AIPD).toMatchObject({ formats: ['pia-json'], requiresValidatedPia: true })
    expect(pack.documentTypes.PREFECTORAL_ALGO_ARRETE.expiryRequired).toBe(true)
  })

  it('refuses an unknown key, naming its path in French', async () => {
    const pack = await rawBundled()
    const modules = pack.modules as Record<string, { rules: { default: Record<string, unknown> } }>
    modules['lapi-securite'].rules.default.statut = 'forbidden'
    const message = refusal(pack)
    expect(message).toContain('Référentiel de conformité « essai.json » invalide')
    expect(message).toContain('modules.lapi-securite.rules.default : clé inconnue « statut »')
  })

  it('refuses a requirement on an undeclared document type', async () => {
    const pack = await rawBundled()
    const modules = pack.modules as Record<string, { rules: { default: { requirements: Array<{ type: string }> } } }>
    modules['comptage-personnes'].rules.default.requirements.push({ type: 'ATTESTATION_INCONNUE' })
    expect(refusal(pack)).toMatch(/modules\.comptage-personnes\.rules\.default\.requirements\.\d+\.type : type de document « ATTESTATION_INCONNUE » non déclaré/)
  })

  it('refuses a deployer listed in two overrides, a wrong date and a wrong version', async () => {
    const pack = await rawBundled()
    const modules = pack.modules as Record<string, { rules: { overrides: Array<{ deployers: string[] }> } }>
    modules['lapi-securite'].rules.overrides.push({ ...modules['lapi-securite'].rules.overrides[0], deployers: ['douanes'] })
    expect(refusal(pack)).toContain('déployeur « douanes » présent dans deux exceptions')

    expect(refusal({ ...(await rawBundled()), effectiveDate: '2026-02-30' })).toContain('effectiveDate : date au format AAAA-MM-JJ attendue')
    expect(refusal({ ...(await rawBundled()), version: 'v2' })).toContain('version : version au format MAJEURE.MINEURE.CORRECTIF')
  })

  it('refuses a file that is not JSON, with a French reason', () => {
    expect(() => parseRulePackBytes(Buffer.from('{ pas du json'), 'casse.json')).toThrow(/« casse\.json » invalide : JSON mal formé/)
  })
})
