import { createHash, createPublicKey, sign, verify } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../fs/atomic-file'
import { fingerprintOf, type EvidenceKey } from './evidence-key'

export const MANIFEST_FILE = 'manifest.json'
export const SIGNATURE_FILE = 'manifest.sig'
export const PUBLIC_KEY_FILE = 'public-key.pem'
/** Files of the signature itself, not covered by the manifest. */
const SIGNATURE_FILES = new Set([MANIFEST_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE])

export const EvidenceManifestSchema = z
  .object({
    format: z.literal('vigie-evidence/1'),
    createdAt: z.string(),
    installation: z.string(),
    operator: z.string(),
    workstation: z.string(),
    /** Why it was exported: a réquisition reference, say. */
    reason: z.string(),
    subject: z.record(z.union([z.string(), z.number(), z.boolean(), z.null()])),
    files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).min(1),
    keyFingerprint: z.string().regex(/^[0-9a-f]{64}$/)
  })
  .strict()
export type EvidenceManifest = z.infer<typeof EvidenceManifestSchema>

async function sha256Of(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex')
}

/**
 * Writes manifest.json (every file's size and sha256), its Ed25519 signature and the public key
 * into an export folder that already holds the exported files.
 */
export async function signExport(
  folder: string,
  key: EvidenceKey,
  fields: Omit<EvidenceManifest, 'format' | 'files' | 'keyFingerprint'>
): Promise<EvidenceManifest> {
  const names = (await readdir(folder)).filter((name) => !SIGNATURE_FILES.has(name)).sort()
  const files = await Promise.all(names.map(async (name) => ({ name, bytes: (await stat(join(folder, name))).size, sha256: await sha256Of(join(folder, name)) })))
  const manifest: EvidenceManifest = { format: 'vigie-evidence/1', ...fields, files, keyFingerprint: key.fingerprint }
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')
  await writeFileAtomic(join(folder, MANIFEST_FILE), bytes)
  await writeFileAtomic(join(folder, SIGNATURE_FILE), `${sign(null, bytes, key.privateKey).toString('base64')}\n`)
  await writeFileAtomic(join(folder, PUBLIC_KEY_FILE), key.publicPem)
  return manifest
}

export interface VerificationProblem {
  file: string
  problem: string
}

export interface EvidenceVerification {
  ok: boolean
  problems: VerificationProblem[]
  keyFingerprint: string | null
  manifest: EvidenceManifest | null
}

/**
 * Checks an export: the signature over manifest.json (with the installation's public key when
 * given, else the one in the folder, whose fingerprint is reported), then every file's size and
 * sha256, and that no file was added or removed. Each problem names its file.
 */
export async function verifyExport(folder: string, trustedPublicPem?: string): Promise<EvidenceVerification> {
  const problems: VerificationProblem[] = []
  const fail = (file: string, problem: string): EvidenceVerification => ({ ok: false, problems: [...problems, { file, problem }], keyFingerprint: null, manifest: null })
  const read = (name: string) => readFile(join(folder, name)).catch(() => null)
  const [manifestBytes, signatureText, folderPem] = await Promise.all([read(MANIFEST_FILE), read(SIGNATURE_FILE), read(PUBLIC_KEY_FILE)])
  if (!manifestBytes) return fail(MANIFEST_FILE, 'absent')
  if (!signatureText) return fail(SIGNATURE_FILE, 'absent')
  const pem = trustedPublicPem ?? folderPem?.toString('utf8')
  if (!pem) return fail(PUBLIC_KEY_FILE, 'absent')
  let publicKey
  try {
    publicKey = createPublicKey(pem)
  } catch {
    return fail(PUBLIC_KEY_FILE, 'clé publique illisible')
  }
  if (!verify(null, manifestBytes, publicKey, Buffer.from(signatureText.toString('utf8').trim(), 'base64'))) {
    return fail(MANIFEST_FILE, trustedPublicPem ? 'signature invalide pour la clé de cette installation' : 'signature invalide')
  }
  const parsed = EvidenceManifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')))
  if (!parsed.success) return fail(MANIFEST_FILE, 'format inconnu')
  const manifest = parsed.data
  const present = new Set((await readdir(folder)).filter((name) => !SIGNATURE_FILES.has(name)))
  for (const file of manifest.files) {
    if (!present.delete(file.name)) {
      problems.push({ file: file.name, problem: 'absent' })
      continue
    }
    const path = join(folder, file.name)
    if ((await stat(path)).size !== file.bytes) problems.push({ file: file.name, problem: 'taille modifiée' })
    else if ((await sha256Of(path)) !== file.sha256) problems.push({ file: file.name, problem: 'contenu modifié (sha256)' })
  }
  for (const extra of present) problems.push({ file: extra, problem: 'fichier ajouté après la signature' })
  return { ok: problems.length === 0, problems, keyFingerprint: fingerprintOf(publicKey), manifest }
}
