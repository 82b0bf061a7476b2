import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadOrCreateEvidenceKey } from '../../electron/core/evidence/evidence-key'
import { signExport, verifyExport } from '../../electron/core/evidence/evidence-manifest'
import { runVigieCli } from '../e2e/fixtures/vigie-host'

describe('evidence exports: signed manifest and `vigie evidence verify`', () => {
  let dir: string
  let folder: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-evidence-'))
    folder = join(dir, 'export-42')
    await mkdir(folder)
    await writeFile(join(folder, 'clip.mp4'), Buffer.alloc(5000, 7))
    await writeFile(join(folder, 'snapshot.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]))
    const key = await loadOrCreateEvidenceKey(join(dir, 'data', 'keys'))
    await signExport(folder, key, {
      createdAt: '2026-11-29T10:00:00.000Z',
      installation: 'Ville de Test',
      operator: 'olga',
      workstation: 'poste 3',
      reason: 'Réquisition PV 2026/00421',
      subject: { alert: 42, camera: 'quai' }
    })
  })

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('verifies an intact export, with the installation’s key or the one it carries', async () => {
    const result = await verifyExport(folder)
    expect(result).toMatchObject({ ok: true, problems: [] })
    expect(result.manifest?.files.map((file) => file.name)).toEqual(['clip.mp4', 'snapshot.jpg'])
    const cli = runVigieCli(['evidence', 'verify', folder, '--data', join(dir, 'data')])
    expect(cli.status, cli.stderr).toBe(0)
    expect(cli.stdout).toMatch(/Export intact : 2 fichiers/)
    expect(runVigieCli(['evidence', 'verify', folder]).status).toBe(0)
  })

  it('fails, naming the file, when a byte of the clip changed, a file was added, or the manifest was re-signed by another key', async () => {
    await appendFile(join(folder, 'clip.mp4'), Buffer.from([1]))
    let cli = runVigieCli(['evidence', 'verify', folder])
    expect(cli.status).toBe(1)
    expect(cli.stdout).toMatch(/ALTÉRÉ : clip\.mp4 — taille modifiée/)

    await writeFile(join(folder, 'clip.mp4'), Buffer.alloc(5000, 8))
    await writeFile(join(folder, 'note.txt'), 'ajout')
    cli = runVigieCli(['evidence', 'verify', folder])
    expect(cli.status).toBe(1)
    expect(cli.stdout).toMatch(/ALTÉRÉ : clip\.mp4 — contenu modifié/)
    expect(cli.stdout).toMatch(/ALTÉRÉ : note\.txt — fichier ajouté/)

    // A forger re-signs the altered folder with a key of their own: the installation's key refuses it.
    await rm(join(folder, 'note.txt'))
    await signExport(folder, await loadOrCreateEvidenceKey(join(dir, 'forger')), {
      createdAt: '2026-11-29T10:00:00.000Z',
      installation: 'Ville de Test',
      operator: 'olga',
      workstation: 'poste 3',
      reason: 'Réquisition PV 2026/00421',
      subject: { alert: 42 }
    })
    cli = runVigieCli(['evidence', 'verify', folder, '--data', join(dir, 'data')])
    expect(cli.status).toBe(1)
    expect(cli.stdout).toMatch(/ALTÉRÉ : manifest\.json — signature invalide pour la clé de cette installation/)
  })
})
