import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { RpcError } from '../../shared/result'
import { writeAtomically } from '../fs/atomic-file'

export const DOCUMENTS_FOLDER = 'documents'

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/**
 * The files of the compliance dossiers, content-addressed: each is stored once under its sha256, is
 * never modified, and the name alone proves which bytes a register refers to. Attaching the same
 * file again reuses it.
 */
export class DocumentFiles {
  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`empreinte invalide : ${sha256}`)
    return join(this.dir, sha256)
  }

  /**
   * Stores `bytes` (atomically, readable by the owner only) unless the same content is already
   * there. A file found under the name but holding other bytes (damaged or tampered with) is
   * replaced by the genuine content its name promises.
   */
  async put(bytes: Buffer): Promise<string> {
    const sha256 = sha256Of(bytes)
    const path = this.pathOf(sha256)
    const existing = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    })
    if (existing !== null && sha256Of(existing) === sha256) return sha256
    await writeAtomically(path, (tempPath) => writeFile(tempPath, bytes, { flag: 'wx', mode: 0o600 }))
    return sha256
  }

  /** The file's bytes, checked against their name: a file changed on disk is reported, never served. */
  async read(sha256: string): Promise<Buffer> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.pathOf(sha256))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new RpcError('NOT_FOUND', `Le fichier du document (empreinte ${sha256.slice(0, 12)}…) est introuvable sur le disque.`)
      }
      throw error
    }
    if (sha256Of(bytes) !== sha256) {
      throw new RpcError('INTERNAL', `Le fichier du document (empreinte ${sha256.slice(0, 12)}…) a été modifié sur le disque : il n'est plus probant.`)
    }
    return bytes
  }
}
