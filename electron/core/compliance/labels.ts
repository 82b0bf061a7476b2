import type { DeployerType, Role } from '../../shared/accounts'
import type { ModuleId, ModuleState } from '../../shared/compliance'

/** The words the lock uses for the codes it shows (reasons, register, PDF). */

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  operator: 'opérateur',
  supervisor: 'superviseur',
  dpo: 'DPO',
  admin: 'administrateur'
}

export const DEPLOYER_LABELS: Readonly<Record<DeployerType, string>> = {
  commune: 'Commune',
  'police-municipale': 'Police municipale',
  'police-nationale': 'Police nationale',
  gendarmerie: 'Gendarmerie nationale',
  douanes: 'Douanes',
  transport: 'Exploitant de transport',
  'site-prive': 'Site privé'
}

export const STATE_LABELS: Readonly<Record<ModuleState, string>> = {
  FORBIDDEN: 'Interdit',
  LOCKED: 'Verrouillé',
  READY: 'Prêt (en attente d’approbation)',
  UNLOCKED: 'Débloqué',
  EXPIRED: 'Expiré',
  REVOKED: 'Révoqué'
}

/** The family of a module the pack does not describe, read from its id. */
export function familyOf(id: ModuleId): 'lapi' | 'detection' | 'foule' | 'biometrie' {
  if (id.startsWith('lapi-')) return 'lapi'
  if (id.startsWith('detection-')) return 'detection'
  if (id.startsWith('foule-') || id.startsWith('comptage-')) return 'foule'
  return 'biometrie'
}

export const plural = (count: number, singular: string, pluralForm = `${singular}s`): string =>
  `${count} ${count > 1 ? pluralForm : singular}`
