import { existsSync } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_DOCUMENT_BYTES } from '../../../electron/shared/compliance'
import { sha256Of } from '../../../electron/core/compliance/document-files'
import { ComplianceFixture, expectRpcError, NOW, pdf, piaExport } from './support'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])

let fixture: ComplianceFixture

beforeEach(async () => {
  fixture = await ComplianceFixture.create('test')
})
afterEach(async () => {
  await fixture.dispose()
})

describe('attaching a document', () => {
  it('accepts a PDF, stores it once under its sha256 (owner-only) and describes it', async () => {
    const bytes = pdf('arrêté n° 2026-114')
    const document = await fixture.attach(fixture.people.alice, ['comptage-personnes', 'detection-intrusion'], 'ARRETE', bytes, {
      reference: 'Arrêté n° 2026-114',
      issuedOn: '2026-01-15',
      perimeter: ['cam-2', 'cam-1', 'cam-2'],
      fileName: 'Arrêté 2026-114.pdf'
    })
    expect(document).toMatchObject({
      type: 'ARRETE',
      typeLabel: "Arrêté d'autorisation",
      reference: 'Arrêté n° 2026-114',
      issuedOn: '2026-01-15',
      // 60 months, the validity the pack gives this type.
      expiresOn: '2031-01-15',
      perimeter: ['cam-1', 'cam-2'],
      fileName: 'Arrêté 2026-114.pdf',
      mimeType: 'application/pdf',
      bytes: bytes.length,
      piaStatus: null,
      attachedBy: 'alice',
      attachedAt: NOW,
      modules: ['comptage-personnes', 'detection-intrusion'],
      withdrawn: false,
      sha256: sha256Of(bytes)
    })
    const path = join(fixture.documentsDir, document.sha256)
    expect(await readFile(path)).toEqual(bytes)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('reuses the stored file when the same bytes are attached again', async () => {
    const bytes = pdf('même fichier')
    const first = await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', bytes)
    const second = await fixture.attach(fixture.people.bruno, ['lapi-stationnement'], 'NOTICE', bytes)
    expect(second.id).not.toBe(first.id)
    expect(second.sha256).toBe(first.sha256)
    expect(await readdir(fixture.documentsDir)).toEqual([first.sha256])
  })

  it('refuses a PNG renamed .pdf, judging by the content', async () => {
    const error = await expectRpcError(fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', PNG, { fileName: 'arrete.pdf' }), 'INVALID_INPUT')
    expect(error.message).toBe(
      "Ce fichier est une image PNG, pas un PDF : seuls les PDF et les exports JSON du logiciel PIA de la CNIL sont acceptés. Exportez-le d'abord en PDF."
    )
    expect(existsSync(fixture.documentsDir) ? await readdir(fixture.documentsDir) : []).toEqual([])
  })

  it('refuses a truncated PDF and a plain text file', async () => {
    const truncated = pdf().subarray(0, 30)
    expect((await expectRpcError(fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', truncated), 'INVALID_INPUT')).message).toContain(
      'incomplet'
    )
    const text = Buffer.from('Arrêté préfectoral, version texte')
    expect((await expectRpcError(fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', text), 'INVALID_INPUT')).message).toContain(
      'Format de fichier non reconnu'
    )
  })

  it('refuses a file over the size limit before decoding it', async () => {
    const justOver = 'A'.repeat(Math.ceil((MAX_DOCUMENT_BYTES + 1) / 3) * 4)
    const error = await expectRpcError(
      fixture.service.attachDocument(
        { moduleIds: ['comptage-personnes'], type: 'ARRETE', reference: 'gros', issuer: 'Préfet', issuedOn: '2026-01-15', fileName: 'gros.pdf', base64: justOver },
        fixture.people.alice,
        NOW
      ),
      'INVALID_INPUT'
    )
    expect(error.message).toContain('la taille maximale est de 15 Mo')
  })

  it('refuses a damaged base64 rather than decoding other bytes', async () => {
    const error = await expectRpcError(
      fixture.service.attachDocument(
        { moduleIds: ['comptage-personnes'], type: 'ARRETE', reference: 'x', issuer: 'Préfet', issuedOn: '2026-01-15', fileName: 'x.pdf', base64: 'JVBERi0*' },
        fixture.people.alice,
        NOW
      ),
      'INVALID_INPUT'
    )
    expect(error.message).toContain('base64 invalide')
  })

  it('keeps « ../../etc/passwd » as a harmless display name and stores under the sha256 only', async () => {
    const document = await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf('passwd'), { fileName: '../../etc/passwd' })
    expect(document.fileName).toBe('passwd')
    expect(await readdir(fixture.documentsDir)).toEqual([document.sha256])
    expect(existsSync(join(fixture.documentsDir, '..', '..', 'etc'))).toBe(false)
    expect((await fixture.service.documentContent(document.id)).fileName).toBe('passwd')
  })

  it.each([
    [0, 'en cours', false],
    [1, 'refusée', false],
    [2, 'validée', true],
    ['3', 'validée avec signature', true],
    [4, 'archivée', false]
  ] as const)('reads PIA status %j as « %s »: satisfies the AIPD requirement only when validated (%s)', async (code, label, satisfies) => {
    const document = await fixture.attach(fixture.people.claire, ['comptage-personnes'], 'AIPD', piaExport(code), {
      reference: 'AIPD comptage',
      fileName: 'aipd.json'
    })
    expect(document).toMatchObject({ piaStatus: label, mimeType: 'application/json' })
    const status = await fixture.service.moduleStatus('comptage-personnes', 'commune', NOW)
    const requirement = status.requirements.find((candidate) => candidate.type === 'AIPD')
    expect(requirement).toMatchObject({
      satisfied: satisfies,
      problem: satisfies ? null : `« AIPD comptage » : AIPD non validée (statut PIA : ${label}).`,
      documentIds: [document.id]
    })
  })

  it('refuses a PIA export with an unknown status, a JSON that is not a PIA export, and a format the type does not accept', async () => {
    const unknown = await expectRpcError(fixture.attach(fixture.people.claire, ['comptage-personnes'], 'AIPD', piaExport(9)), 'INVALID_INPUT')
    expect(unknown.message).toContain('statut d’AIPD inconnu : 9')

    const other = Buffer.from(JSON.stringify({ titre: 'AIPD', statut: 'validée' }))
    expect((await expectRpcError(fixture.attach(fixture.people.claire, ['comptage-personnes'], 'AIPD', other), 'INVALID_INPUT')).message).toContain(
      "n'est pas un export du logiciel PIA"
    )

    const pdfAsAipd = await expectRpcError(fixture.attach(fixture.people.claire, ['comptage-personnes'], 'AIPD', pdf('aipd')), 'INVALID_INPUT')
    expect(pdfAsAipd.message).toBe(
      "Un document « Analyse d'impact (AIPD) » doit être un export JSON du logiciel PIA de la CNIL ; ce fichier est un PDF."
    )
    const piaAsArrete = await expectRpcError(fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', piaExport(2)), 'INVALID_INPUT')
    expect(piaAsArrete.message).toContain('doit être un PDF')
  })

  it('checks the type and the dates against the rule pack', async () => {
    const unknownType = await expectRpcError(fixture.attach(fixture.people.alice, ['comptage-personnes'], 'PERMIS_DE_PECHE', pdf()), 'INVALID_INPUT')
    expect(unknownType.message).toContain('Type de document « PERMIS_DE_PECHE » inconnu')

    const noEnd = await expectRpcError(fixture.attach(fixture.people.alice, ['detection-intrusion'], 'ARRETE_EVENEMENT', pdf()), 'INVALID_INPUT')
    expect(noEnd.message).toContain('indiquez sa date de fin')

    const backwards = await expectRpcError(
      fixture.attach(fixture.people.alice, ['detection-intrusion'], 'ARRETE_EVENEMENT', pdf(), { issuedOn: '2026-05-01', expiresOn: '2026-04-30' }),
      'INVALID_INPUT'
    )
    expect(backwards.message).toContain('doit suivre la date de délivrance')

    const impossible = await expectRpcError(fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf(), { issuedOn: '2026-02-30' }), 'INVALID_INPUT')
    expect(impossible.message).toContain("n'est pas une date du calendrier")
  })
})

describe('documents are never modified nor deleted', () => {
  it('withdraws a document with a reason, once', async () => {
    const document = await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf())
    await expectRpcError(fixture.service.withdrawDocument(document.id, fixture.people.bruno, 'trop', NOW), 'INVALID_INPUT')
    const withdrawn = await fixture.service.withdrawDocument(document.id, fixture.people.bruno, 'Arrêté abrogé par la préfecture', NOW + 1000)
    expect(withdrawn.withdrawn).toBe(true)
    await expectRpcError(fixture.service.withdrawDocument(document.id, fixture.people.bruno, 'Arrêté abrogé une seconde fois', NOW), 'CONFLICT')
    await expectRpcError(fixture.service.withdrawDocument('999', fixture.people.bruno, 'Document inexistant à retirer', NOW), 'NOT_FOUND')

    expect(await fixture.service.documents(NOW)).toEqual([withdrawn])
    expect((await fixture.service.documentContent(document.id)).base64).toBe(pdf().toString('base64'))
  })

  it('refuses deleting or editing a document in the database itself', async () => {
    const document = await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf())
    await expect(fixture.db.run('DELETE FROM compliance_documents WHERE id = ?', [Number(document.id)])).rejects.toThrow(/ne se supprime pas/)
    await expect(fixture.db.run("UPDATE compliance_documents SET expires_on = '2099-01-01'")).rejects.toThrow(/ne se modifie pas/)
  })

  it('refuses to serve a file changed on disk', async () => {
    const document = await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf())
    await writeFile(join(fixture.documentsDir, document.sha256), pdf('falsifié'))
    const error = await expectRpcError(fixture.service.documentContent(document.id), 'INTERNAL')
    expect(error.message).toContain('a été modifié sur le disque')

    // Attaching the genuine file again puts back the content its name promises.
    await fixture.attach(fixture.people.alice, ['comptage-personnes'], 'ARRETE', pdf())
    expect((await fixture.service.documentContent(document.id)).base64).toBe(pdf().toString('base64'))
  })
})
