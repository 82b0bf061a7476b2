import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeployerType } from '../../../electron/shared/accounts'
import type { ModuleId, ModuleStatus } from '../../../electron/shared/compliance'
import type { Approver, ComplianceChange } from '../../../electron/core/compliance/compliance-service'
import { Calendar } from '../../../electron/core/compliance/calendar'
import { ComplianceFixture, DAY_MS, expectRpcError, NOW, PARIS, pdf, piaExport } from './support'

/** The lock's states on the test pack: comptage-personnes needs ARRETE (60 months) and a validated AIPD, two approvers. */

const paris = new Calendar(PARIS)
let fixture: ComplianceFixture

beforeEach(async () => {
  fixture = await ComplianceFixture.create('test')
})
afterEach(async () => {
  await fixture.dispose()
})

const counting = (deployer: DeployerType = 'commune', now = NOW): Promise<ModuleStatus> =>
  fixture.service.moduleStatus('comptage-personnes', deployer, now)

/** Alice (supervisor) attaches the arrêté, Claire (DPO) the validated AIPD. */
async function completeCountingDossier(arrete: { issuedOn?: string; perimeter?: string[] | null } = {}): Promise<void> {
  await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf('arrêté'), { reference: 'Arrêté 2026-114', ...arrete })
  await fixture.attach(fixture.people.claire, ['comptage-personnes'], 'AIPD', piaExport(2), { reference: 'AIPD comptage', fileName: 'aipd.json' })
}

/** Bruno (supervisor) and Denis (DPO) attached nothing: together they unlock. */
async function unlockCounting(now = NOW): Promise<ModuleStatus> {
  await fixture.approve('comptage-personnes', fixture.people.bruno, 'commune', now)
  return fixture.approve('comptage-personnes', fixture.people.denis, 'commune', now)
}

describe('LOCKED → READY → UNLOCKED', () => {
  it('unlocks with two distinct approvers once every requirement is met', async () => {
    const empty = await counting()
    expect(empty.state).toBe('LOCKED')
    expect(empty.reason).toContain('2 exigences non remplies')
    await expectRpcError(fixture.approve('comptage-personnes', fixture.people.bruno), 'CONFLICT')

    await completeCountingDossier()
    const ready = await counting()
    expect(ready.state).toBe('READY')
    expect(ready.reason).toContain('en attente de 2 approbations de plus')

    const half = await fixture.approve('comptage-personnes', fixture.people.bruno)
    expect(half.state).toBe('READY')
    expect(half.approvals).toEqual([expect.objectContaining({ by: 'bruno', role: 'supervisor', current: true, at: NOW })])

    const unlocked = await fixture.approve('comptage-personnes', fixture.people.denis)
    expect(unlocked.state).toBe('UNLOCKED')
    // The arrêté, issued on 15/01/2026 for 60 months, is the only document with an end.
    expect(unlocked.validUntil).toBe(paris.startOf('2031-01-15'))
    expect(unlocked.perimeter).toBeNull()
    expect(await fixture.service.canRun('comptage-personnes', 'cam-7', 'commune', NOW)).toEqual({
      allowed: true,
      reason: 'Comptage de personnes — débloqué jusqu’au 15/01/2031 exclu.',
      // The rule pack's limit travels with the permission: counting may keep counts only.
      countsOnly: true
    })
    await expectRpcError(fixture.approve('comptage-personnes', fixture.people.alice), 'CONFLICT')
  })

  it('refuses a second approval by the same person', async () => {
    await completeCountingDossier()
    await fixture.approve('comptage-personnes', fixture.people.bruno)
    const error = await expectRpcError(fixture.approve('comptage-personnes', fixture.people.bruno), 'CONFLICT')
    expect(error.message).toContain('déjà approuvé ce dossier')
    expect((await counting()).state).toBe('READY')
  })

  it('refuses someone who attached a document as the only approver', async () => {
    await fixture.attach(fixture.people.alice, ['lapi-stationnement'], 'NOTICE', pdf('panneaux'))
    const error = await expectRpcError(fixture.approve('lapi-stationnement', fixture.people.alice), 'CONFLICT')
    expect(error.message).toContain('au moins une approbation doit venir d’une personne qui n’en a joint aucun')
    expect((await fixture.approve('lapi-stationnement', fixture.people.bruno)).state).toBe('UNLOCKED')
  })

  it('refuses two approvers who both attached documents, until an independent one approves', async () => {
    await completeCountingDossier()
    expect((await fixture.approve('comptage-personnes', fixture.people.alice)).state).toBe('READY')
    await expectRpcError(fixture.approve('comptage-personnes', fixture.people.claire), 'CONFLICT')
    expect((await fixture.approve('comptage-personnes', fixture.people.bruno)).state).toBe('UNLOCKED')
  })

  it('refuses an approver without an approving role and a missing justification', async () => {
    await completeCountingDossier()
    const error = await expectRpcError(fixture.approve('comptage-personnes', fixture.people.olivier), 'FORBIDDEN')
    expect(error.message).toBe('Approuver ce module demande le rôle superviseur ou DPO.')
    await expectRpcError(fixture.service.approve('comptage-personnes', 'commune', fixture.people.bruno, '   ok   ', NOW), 'INVALID_INPUT')
  })
})

describe('approvals belong to the dossier they were given on', () => {
  it('a new document makes earlier approvals not current', async () => {
    await completeCountingDossier()
    await unlockCounting()
    await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf('arrêté modificatif'), { reference: 'Arrêté modificatif' })
    const after = await counting()
    expect(after.state).toBe('READY')
    expect(after.approvals.map((approval) => approval.current)).toEqual([false, false])
    expect(await fixture.service.canRun('comptage-personnes', 'cam-1', 'commune', NOW)).toMatchObject({ allowed: false })
  })

  it('withdrawing a document also resets the approvals, and names the withdrawal when it leaves a gap', async () => {
    await completeCountingDossier()
    await unlockCounting()
    const arrete = (await fixture.service.documents(NOW)).find((document) => document.type === 'ARRETE')
    await fixture.service.withdrawDocument(arrete?.id ?? '', fixture.people.claire, 'Arrêté annulé par le tribunal administratif', NOW + 1000)
    const after = await counting('commune', NOW + 2000)
    expect(after.state).toBe('LOCKED')
    expect(after.requirements[0].problem).toBe('« Arrêté 2026-114 » : retiré le 29/11/2026 (motif : Arrêté annulé par le tribunal administratif).')
  })

  it('another deployer type makes earlier approvals not current', async () => {
    await completeCountingDossier()
    await unlockCounting()
    expect((await counting('police-municipale')).state).toBe('READY')
    expect((await counting('commune')).state).toBe('UNLOCKED')
  })
})

describe('time and revocation', () => {
  it('an expired document turns UNLOCKED into EXPIRED, showing when', async () => {
    // 60 months from 01/12/2021: the arrêté ends at midnight, Paris time, on 01/12/2026.
    await completeCountingDossier({ issuedOn: '2021-12-01' })
    const unlocked = await unlockCounting()
    const end = paris.startOf('2026-12-01')
    expect(unlocked.validUntil).toBe(end)
    expect(end).toBe(Date.UTC(2026, 10, 30, 23, 0))

    expect((await counting('commune', end - 1)).state).toBe('UNLOCKED')
    const expired = await counting('commune', end)
    expect(expired).toMatchObject({ state: 'EXPIRED', validUntil: end })
    expect(expired.reason).toContain('Déblocage expiré depuis le 01/12/2026')
    expect(expired.requirements[0].problem).toBe('« Arrêté 2026-114 » : expiré le 01/12/2026.')
    expect((await fixture.service.canRun('comptage-personnes', 'cam-1', 'commune', end)).allowed).toBe(false)
    await expectRpcError(fixture.approve('comptage-personnes', fixture.people.alice, 'commune', end), 'CONFLICT')
  })

  it('reports the expiry once to the caller, with the rule pack, and not what people did', async () => {
    await completeCountingDossier({ issuedOn: '2021-12-01' })
    expect((await fixture.service.refresh('commune', NOW)).transitions).toEqual([])
    await unlockCounting()
    expect((await fixture.service.refresh('commune', NOW + 1000)).transitions).toEqual([])

    const end = paris.startOf('2026-12-01')
    const changes: ComplianceChange[] = []
    fixture.service.onDidChange((change) => changes.push(change))
    const { transitions } = await fixture.service.refresh('commune', end + 1000)
    expect(transitions).toEqual([
      {
        moduleId: 'comptage-personnes',
        from: 'UNLOCKED',
        to: 'EXPIRED',
        reason: expect.stringContaining('expiré depuis le 01/12/2026'),
        rulePack: { id: 'test-simple', version: '1.0.0' }
      }
    ])
    expect(changes).toEqual([{ cause: 'time', moduleIds: ['comptage-personnes'] }])
    expect((await fixture.service.refresh('commune', end + 2000)).transitions).toEqual([])
  })

  it('a revocation makes the module REVOKED, then READY, then UNLOCKED again with new approvals', async () => {
    await completeCountingDossier()
    await unlockCounting()
    await expectRpcError(fixture.service.revoke('comptage-personnes', 'commune', fixture.people.alice, 'court', NOW), 'INVALID_INPUT')
    const revoked = await fixture.service.revoke('comptage-personnes', 'commune', fixture.people.alice, 'Plainte d’un riverain à instruire', NOW + DAY_MS)
    expect(revoked.state).toBe('REVOKED')
    expect(revoked.reason).toContain('Déblocage révoqué le 30/11/2026 par alice (« Plainte d’un riverain à instruire »)')
    expect(revoked.approvals.every((approval) => !approval.current)).toBe(true)
    expect((await fixture.service.canRun('comptage-personnes', 'cam-1', 'commune', NOW + DAY_MS)).allowed).toBe(false)
    await expectRpcError(fixture.service.revoke('comptage-personnes', 'commune', fixture.people.alice, 'Révocation sans objet', NOW + DAY_MS), 'CONFLICT')

    expect((await fixture.approve('comptage-personnes', fixture.people.bruno, 'commune', NOW + 2 * DAY_MS)).state).toBe('READY')
    expect((await fixture.approve('comptage-personnes', fixture.people.denis, 'commune', NOW + 2 * DAY_MS)).state).toBe('UNLOCKED')
  })

  it('the end of the legal basis stops the module, whatever its documents say', async () => {
    const june = Date.UTC(2026, 5, 1, 10)
    await fixture.attach(fixture.people.alice, ['detection-intrusion'], 'ARRETE_EVENEMENT', pdf('festival'), {
      reference: 'Arrêté festival',
      issuedOn: '2026-05-20',
      expiresOn: '2026-12-31'
    }, june)
    await fixture.approve('detection-intrusion', fixture.people.bruno, 'commune', june)
    const unlocked = await fixture.approve('detection-intrusion', fixture.people.denis, 'commune', june)
    expect(unlocked).toMatchObject({ state: 'UNLOCKED', validUntil: paris.startOf('2026-07-01') })
    await fixture.service.refresh('commune', june)

    const july = paris.startOf('2026-07-01')
    const stopped = await fixture.service.moduleStatus('detection-intrusion', 'commune', july)
    expect(stopped.state).toBe('FORBIDDEN')
    expect(stopped.reason).toContain('a pris fin le 30/06/2026')
    expect((await fixture.service.refresh('commune', july)).transitions).toMatchObject([{ moduleId: 'detection-intrusion', from: 'UNLOCKED', to: 'FORBIDDEN' }])
  })
})

describe('perimeter and forbidden modules', () => {
  it('runs only on the cameras every document covers', async () => {
    await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf('arrêté'), { perimeter: ['cam-1', 'cam-2', 'cam-3'] })
    await fixture.attach(fixture.people.claire, ['comptage-personnes'], 'AIPD', piaExport(3), { perimeter: ['cam-2', 'cam-1'] })
    const unlocked = await unlockCounting()
    expect(unlocked.perimeter).toEqual(['cam-1', 'cam-2'])
    expect((await fixture.service.canRun('comptage-personnes', 'cam-1', 'commune', NOW)).allowed).toBe(true)
    expect(await fixture.service.canRun('comptage-personnes', 'cam-3', 'commune', NOW)).toEqual({
      allowed: false,
      reason: 'Comptage de personnes — la caméra « cam-3 » est hors du périmètre couvert par les documents du dossier.'
    })
  })

  it('stays locked when the documents cover no camera in common', async () => {
    await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf('arrêté'), { perimeter: ['cam-1'] })
    await fixture.attach(fixture.people.claire, ['comptage-personnes'], 'AIPD', piaExport(2), { perimeter: ['cam-9'] })
    const status = await counting()
    expect(status.state).toBe('LOCKED')
    expect(status.reason).toContain('aucune caméra en commun')
  })

  it.each<[ModuleId, string]>([
    ['reconnaissance-faciale', 'Interdit partout.'],
    ['detection-objet-retire', "Ce module n'est pas couvert par le référentiel « Référentiel de test (monde simplifié) » : il reste interdit."]
  ])('%s cannot be unlocked by any means', async (moduleId, reason) => {
    await fixture.attach(fixture.people.alice, [moduleId], 'ARRETE', pdf('tentative'))
    for (const person of [fixture.people.bruno, fixture.people.claire, fixture.people.denis] satisfies Approver[]) {
      const error = await expectRpcError(fixture.approve(moduleId, person), 'CONFLICT')
      expect(error.message).toContain('aucune approbation ne peut le débloquer')
    }
    const status = await fixture.service.moduleStatus(moduleId, 'commune', NOW)
    expect(status).toMatchObject({ state: 'FORBIDDEN', reason, approvals: [] })
    expect((await fixture.service.canRun(moduleId, 'cam-1', 'commune', NOW)).allowed).toBe(false)
  })

  it('keeps approvals and revocations in the database for good', async () => {
    await completeCountingDossier()
    await unlockCounting()
    await fixture.service.revoke('comptage-personnes', 'commune', fixture.people.claire, 'Suspension demandée par le DPO', NOW)
    await expect(fixture.db.run('DELETE FROM compliance_approvals')).rejects.toThrow(/ne se supprime pas/)
    await expect(fixture.db.run('UPDATE compliance_approvals SET revocation_id = NULL')).rejects.toThrow(/ne se modifie pas/)
    await expect(fixture.db.run('DELETE FROM compliance_revocations')).rejects.toThrow(/ne se supprime pas/)
  })

  it('tells listeners what changed after each action', async () => {
    const changes: ComplianceChange[] = []
    const stop = fixture.service.onDidChange((change) => changes.push(change))
    await completeCountingDossier()
    await unlockCounting()
    await fixture.service.revoke('comptage-personnes', 'commune', fixture.people.claire, 'Suspension demandée par le DPO', NOW)
    stop()
    await fixture.approve('comptage-personnes', fixture.people.bruno)
    expect(changes.map((change) => change.cause)).toEqual(['document', 'document', 'approval', 'approval', 'revocation'])
    expect(changes.every((change) => change.moduleIds.join() === 'comptage-personnes')).toBe(true)
  })
})
