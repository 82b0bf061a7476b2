import type { Role } from '../../shared/accounts'
import type { ApprovalRecord } from './approval-records'
import { plural, ROLE_LABELS } from './labels'

/**
 * Four eyes: enough distinct people holding an approving role, and at least one of them independent
 * of the dossier (they attached none of its documents), so that nobody approves only their own work.
 */

export interface ApprovalPolicy {
  roles: readonly Role[]
  count: number
}

export interface ApprovalAssessment {
  sufficient: boolean
  /** What blocks: too few people, or nobody independent of the dossier among them. */
  lacking: 'people' | 'independent' | null
  /** What is still missing, in French; null when sufficient. */
  missing: string | null
  approvers: string[]
}

export function rolesText(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join(' ou ')
}

export function assessApprovals(current: readonly ApprovalRecord[], policy: ApprovalPolicy, attachers: ReadonlySet<number>): ApprovalAssessment {
  const qualified = current.filter((approval) => policy.roles.includes(approval.role))
  const people = new Map(qualified.map((approval) => [approval.userId, approval.username]))
  const independent = [...people.keys()].some((userId) => !attachers.has(userId))
  const approvers = [...people.values()]
  if (people.size < policy.count) {
    const lacking = policy.count - people.size
    const who = people.size === 0 ? '' : ` (déjà : ${approvers.join(', ')})`
    return { sufficient: false, lacking: 'people', missing: `${plural(lacking, 'approbation')} de plus, par des personnes distinctes ayant le rôle ${rolesText(policy.roles)}${who}`, approvers }
  }
  if (!independent) {
    return { sufficient: false, lacking: 'independent', missing: 'l’approbation d’une personne n’ayant joint aucun document du dossier', approvers }
  }
  return { sufficient: true, lacking: null, missing: null, approvers }
}
