import { createHash } from 'node:crypto'
import type { DeployerType } from '../../shared/accounts'

/**
 * What an approval is given on. Approvers vouch for a set of documents, read against one legal
 * analysis (the rule pack) for one kind of deployer: if any of the three changes, their approval no
 * longer describes what is in force, and the module asks for new ones.
 */
export interface DossierIdentity {
  rulePack: { id: string; version: string }
  deployer: DeployerType | null
  /** The documents of the module's dossier that are not withdrawn. */
  documentIds: readonly string[]
}

export function dossierFingerprint(identity: DossierIdentity): string {
  const canonical = JSON.stringify({
    rulePack: `${identity.rulePack.id}@${identity.rulePack.version}`,
    deployer: identity.deployer,
    documents: [...identity.documentIds].sort((a, b) => Number(a) - Number(b))
  })
  return createHash('sha256').update(canonical).digest('hex')
}
