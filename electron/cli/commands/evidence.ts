import { createPrivateKey, createPublicKey } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { EVIDENCE_KEY_FILE } from '../../core/evidence/evidence-key'
import { verifyExport } from '../../core/evidence/evidence-manifest'
import { UsageError } from './cli-context'

export const EVIDENCE_HELP = `evidence verify <dossier d'export>
    Vérifie un export de preuve : signature Ed25519 du manifeste (avec la clé de l'installation si --data
    est donné, sinon celle jointe à l'export, dont l'empreinte est affichée), puis la taille et le sha256 de
    chaque fichier. Code 0 si l'export est intact, 1 sinon, en nommant le fichier altéré.`

/**
 * Runs without opening the installation: an export is checked wherever it is copied (a court, an
 * investigator's machine). With --data, the installation's own key is the reference.
 */
export async function evidenceVerify(argv: string[], dataDir: string | undefined, print: (line: string) => void): Promise<number> {
  const [folder, ...extra] = argv
  if (!folder || extra.length > 0) throw new UsageError('evidence verify attend un seul dossier d’export')
  let trusted: string | undefined
  if (dataDir !== undefined) {
    const pem = await readFile(join(resolve(dataDir), 'keys', EVIDENCE_KEY_FILE), 'utf8').catch(() => null)
    if (pem === null) throw new UsageError(`aucune clé de preuve dans ${dataDir} : cette installation n'a encore rien exporté`)
    trusted = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'pem' }).toString()
  }
  const result = await verifyExport(resolve(folder), trusted)
  if (result.ok) {
    print(`Export intact : ${result.manifest?.files.length ?? 0} fichiers vérifiés, signature valide.`)
    print(`Empreinte de la clé : ${result.keyFingerprint}${trusted ? ' (clé de cette installation)' : ' (clé jointe à l’export : comparez-la à celle de l’installation)'}`)
    return 0
  }
  for (const problem of result.problems) print(`ALTÉRÉ : ${problem.file} — ${problem.problem}`)
  return 1
}
