import { loadOrCreateSecretKey, SECRET_KEY_BYTES } from '../fs/secret-key'

export const AUDIT_KEY_BYTES = SECRET_KEY_BYTES
export const AUDIT_KEY_FILE = 'audit.key'

/** The key file exists but cannot be the audit key. Never replaced automatically: see the message. */
export class AuditKeyError extends Error {
  constructor(
    readonly path: string,
    readonly size: number
  ) {
    super(
      `Le fichier de clé d'audit ${path} est invalide (${size} octets au lieu de ${AUDIT_KEY_BYTES}). ` +
        `Il n'a pas été remplacé : une nouvelle clé rendrait invérifiable tout le journal d'audit existant. ` +
        `Restaurez ce fichier depuis une sauvegarde.`
    )
    this.name = 'AuditKeyError'
  }
}

/**
 * The secret that authenticates the audit chain, kept outside the database so that rewriting the
 * table is not enough to rewrite history. Created on first use, readable by its owner only.
 */
export function loadOrCreateAuditKey(keysDir: string): Promise<Buffer> {
  return loadOrCreateSecretKey(keysDir, AUDIT_KEY_FILE, (path, size) => new AuditKeyError(path, size))
}
