import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { link, mkdir, open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'

export const EVIDENCE_KEY_FILE = 'evidence-ed25519.pem'

export interface EvidenceKey {
  privateKey: KeyObject
  publicKey: KeyObject
  /** PEM (SPKI) of the public key, as exports carry it. */
  publicPem: string
  /** sha256 of the public key's DER, in hex: what a court clerk compares by phone. */
  fingerprint: string
}

export function fingerprintOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')
}

/**
 * The installation's Ed25519 signing key for evidence exports, created on first use beside the
 * audit key (readable by its owner only) and never replaced: exports signed with it must stay
 * verifiable against it. Written under a temporary name and hard-linked into place, so two
 * processes starting together end up with the same key.
 */
export async function loadOrCreateEvidenceKey(keysDir: string): Promise<EvidenceKey> {
  await mkdir(keysDir, { recursive: true, mode: 0o700 })
  const path = join(keysDir, EVIDENCE_KEY_FILE)
  let pem = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (pem === null) {
    const { privateKey } = generateKeyPairSync('ed25519')
    const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.partial`
    try {
      const handle = await open(temp, 'wx', 0o600)
      try {
        await handle.writeFile(privateKey.export({ type: 'pkcs8', format: 'pem' }))
        await handle.sync()
      } finally {
        await handle.close()
      }
      await link(temp, path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error
      })
    } finally {
      await rm(temp, { force: true })
    }
    pem = await readFile(path, 'utf8')
  }
  const privateKey = createPrivateKey(pem)
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${path} n'est pas une clé Ed25519 : restaurez-la depuis une sauvegarde.`)
  const publicKey = createPublicKey(privateKey)
  return { privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: fingerprintOf(publicKey) }
}
