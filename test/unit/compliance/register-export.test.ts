import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Organisation } from '../../../electron/shared/accounts'
import type { AuditEntry } from '../../../electron/shared/audit'
import { buildRegister, registerFileName, registerToJson, type ComplianceRegister } from '../../../electron/core/compliance/register-export'
import { registerToPdf } from '../../../electron/core/compliance/register-pdf'
import { ComplianceFixture, NOW, PARIS, pdf, piaExport } from './support'

const ORGANISATION: Organisation = {
  name: 'Ville de Saint-Malo',
  deployer: 'commune',
  dpoContact: 'dpo@saint-malo.fr',
  idleTimeoutMinutes: 15,
  auditRetentionDays: 183
}

const AUDIT: AuditEntry[] = [
  {
    seq: 41,
    at: NOW,
    actor: 'bruno',
    action: 'compliance.action',
    cameraId: null,
    target: 'comptage-personnes',
    workstation: 'poste-csu-1',
    details: { operation: 'approve', rulePack: 'test-simple@1.0.0' }
  }
]

let fixture: ComplianceFixture

beforeEach(async () => {
  fixture = await ComplianceFixture.create('test')
})
afterEach(async () => {
  await fixture.dispose()
})

/** An unlocked counting module, a withdrawn notice, a revoked approval on LAPI parking. */
async function register(): Promise<ComplianceRegister> {
  const { alice, bruno, claire, denis } = fixture.people
  await fixture.attach(alice, ['comptage-personnes'], 'ARRETE', pdf('arrêté'), { reference: 'Arrêté 2026-114', perimeter: ['cam-1', 'cam-2'] })
  await fixture.attach(claire, ['comptage-personnes'], 'AIPD', piaExport(3), { reference: 'AIPD comptage', fileName: 'aipd.json' })
  await fixture.approve('comptage-personnes', bruno)
  await fixture.approve('comptage-personnes', denis)
  const notice = await fixture.attach(alice, ['lapi-stationnement'], 'NOTICE', pdf('panneaux'), { reference: 'Panneaux 2026' })
  await fixture.approve('lapi-stationnement', bruno)
  await fixture.service.revoke('lapi-stationnement', 'commune', claire, 'Panneaux non conformes au modèle', NOW + 1000)
  await fixture.service.withdrawDocument(notice.id, alice, 'Remplacés par le nouveau modèle', NOW + 2000)

  const data = await fixture.service.registerData('commune', NOW + 3000)
  return buildRegister({ organisation: ORGANISATION, data, audit: AUDIT, generatedBy: 'claire', generatedAt: NOW + 3000 })
}

describe('the « dossier de conformité »', () => {
  it('holds the organisation, the rule pack, each module with its documents and approvals, and the audit extract (JSON)', async () => {
    const parsed = JSON.parse(registerToJson(await register()).toString('utf8')) as ComplianceRegister
    expect(parsed).toMatchObject({
      format: 'vigie/dossier-de-conformite',
      formatVersion: 1,
      generatedBy: 'claire',
      generatedAt: new Date(NOW + 3000).toISOString(),
      organisation: { name: 'Ville de Saint-Malo', deployer: 'commune', deployerLabel: 'Commune', dpoContact: 'dpo@saint-malo.fr' },
      rulePack: { id: 'test-simple', version: '1.0.0', effectiveDate: '2020-01-01', jurisdiction: 'FR' },
      auditExtract: AUDIT
    })
    expect(parsed.modules).toHaveLength(12)

    const counting = parsed.modules.find((module) => module.id === 'comptage-personnes')
    expect(counting).toMatchObject({
      state: 'UNLOCKED',
      stateLabel: 'Débloqué',
      ruleStatus: 'conditional',
      citations: [{ ref: 'Texte de test A', date: '2022-07-19' }],
      perimeter: ['cam-1', 'cam-2'],
      validUntil: new Date(Date.UTC(2031, 0, 14, 23)).toISOString()
    })
    expect(counting?.requirements.map((requirement) => [requirement.type, requirement.satisfied])).toEqual([
      ['ARRETE', true],
      ['AIPD', true]
    ])
    expect(counting?.approvals).toEqual([
      { by: 'bruno', role: 'supervisor', at: new Date(NOW).toISOString(), justification: 'Dossier relu et conforme (bruno)', current: true, revocation: null },
      { by: 'denis', role: 'dpo', at: new Date(NOW).toISOString(), justification: 'Dossier relu et conforme (denis)', current: true, revocation: null }
    ])

    const parking = parsed.modules.find((module) => module.id === 'lapi-stationnement')
    expect(parking?.state).toBe('LOCKED')
    expect(parking?.approvals[0].revocation).toEqual({
      by: 'claire',
      at: new Date(NOW + 1000).toISOString(),
      justification: 'Panneaux non conformes au modèle'
    })

    expect(parsed.documents.map((document) => [document.reference, document.sha256.length, document.withdrawal?.reason ?? null])).toEqual([
      ['Arrêté 2026-114', 64, null],
      ['AIPD comptage', 64, null],
      ['Panneaux 2026', 64, 'Remplacés par le nouveau modèle']
    ])
    expect(parsed.documents[1]).toMatchObject({ piaStatus: 'validée avec signature', attachedBy: 'claire', modules: ['comptage-personnes'] })
    expect(parsed.modules.find((module) => module.id === 'reconnaissance-faciale')?.state).toBe('FORBIDDEN')
  })

  it('renders a PDF', async () => {
    const bytes = await registerToPdf(await register(), { timeZone: PARIS })
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF')
    expect(bytes.length).toBeGreaterThan(5000)
  })

  it('names its files after the day it was generated', () => {
    expect(registerFileName('pdf', NOW)).toBe('dossier-conformite-2026-11-29.pdf')
    expect(registerFileName('json', NOW)).toBe('dossier-conformite-2026-11-29.json')
  })
})
