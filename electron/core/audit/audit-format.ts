import type { AuditAction, AuditVerification } from '../../shared/audit'
import type { AuditFilter } from './audit-query'

/** How the exports name each action, for a reader who does not know the codes. */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'auth.login': 'Connexion',
  'auth.login-failed': 'Échec de connexion',
  'auth.account-locked': 'Compte verrouillé',
  'auth.logout': 'Déconnexion',
  'session.idle-lock': 'Verrouillage pour inactivité',
  'session.unlock': 'Déverrouillage de la session',
  'account.password-change': 'Changement de mot de passe',
  'account.create': 'Création de compte',
  'account.update': 'Modification de compte',
  'account.password-reset': 'Réinitialisation de mot de passe',
  'organisation.update': "Modification de l'organisation",
  'setup.first-admin': 'Création du premier administrateur',
  'camera.add': 'Ajout de caméra',
  'camera.update': 'Modification de caméra',
  'camera.remove': 'Suppression de caméra',
  'scene.update': 'Modification des zones, masques et règles',
  'analytics.detector': 'Changement du détecteur d’objets',
  'recording.policy': 'Modification de l’enregistrement d’une caméra',
  'recording.storage': 'Modification des quotas de stockage',
  'recording.purge': 'Suppression d’enregistrements',
  'events.purge': 'Suppression d’alertes et d’images échues',
  'lapi.hotlist-import': 'Import d’une liste de plaques',
  'lapi.hotlist-withdraw': 'Retrait d’une liste de plaques',
  'lapi.purge': 'Suppression de lectures de plaques échues',
  'recording.hold': 'Mise sous réquisition d’enregistrements',
  'recording.release': 'Levée d’une réquisition',
  'mask.lift-request': 'Demande de levée de masques',
  'mask.lift-approve': 'Autorisation de levée de masques',
  'mask.lift-end': 'Fin de levée de masques',
  'settings.update': 'Modification des réglages',
  'live.start': 'Début de visionnage en direct',
  'live.stop': 'Fin de visionnage en direct',
  'playback.view': 'Relecture d’enregistrement',
  'export.create': "Export d'images",
  'audit.export': "Export du journal d'audit",
  'audit.purge': "Purge du journal d'audit",
  'compliance.action': 'Action de conformité',
  'alert.decision': 'Décision sur une alerte'
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * A date as a French reader writes it, « 15/01/2025 10:30:00 », in `timeZone` (the machine's own
 * when omitted). Formatters are cached: building one per row would dominate a large export.
 */
export function formatFrenchDateTime(at: number, timeZone?: string): string {
  const cacheKey = timeZone ?? ''
  let formatter = formatters.get(cacheKey)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone })
    formatters.set(cacheKey, formatter)
  }
  return formatter.format(at)
}

/** The details of an entry on one line: « clé : valeur ; clé : valeur ». */
export function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key} : ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ; ')
}

/** The filters an export was made with, one line each, for its reader. */
export function describeFilter(filter: AuditFilter, timeZone?: string): string[] {
  const lines: string[] = []
  if (filter.actor !== undefined) lines.push(`Personne : ${filter.actor}`)
  if (filter.cameraId !== undefined) lines.push(`Caméra : ${filter.cameraId}`)
  if (filter.action !== undefined) lines.push(`Action : ${AUDIT_ACTION_LABELS[filter.action]}`)
  if (filter.from !== undefined && filter.to !== undefined) {
    lines.push(`Période : du ${formatFrenchDateTime(filter.from, timeZone)} au ${formatFrenchDateTime(filter.to, timeZone)}`)
  } else if (filter.from !== undefined) {
    lines.push(`Période : depuis le ${formatFrenchDateTime(filter.from, timeZone)}`)
  } else if (filter.to !== undefined) {
    lines.push(`Période : jusqu'au ${formatFrenchDateTime(filter.to, timeZone)}`)
  }
  return lines.length > 0 ? lines : ['Aucun filtre : toutes les entrées']
}

export interface VerificationSummary {
  verdict: string
  lines: string[]
}

/** The chain check's result as a verdict and the lines that back it, for the foot of a CSV or the head of a PDF. */
export function describeVerification(verification: AuditVerification, timeZone?: string): VerificationSummary {
  const lines = [verification.message, `Entrées vérifiées : ${verification.checked}`]
  if (verification.firstBrokenSeq !== null) lines.push(`Première entrée en défaut : n° ${verification.firstBrokenSeq}`)
  if (verification.checkpointSeq !== null) {
    lines.push(`Entrées purgées par la conservation : jusqu'au n° ${verification.checkpointSeq}`)
  }
  lines.push(`Vérification faite le ${formatFrenchDateTime(verification.verifiedAt, timeZone)}`)
  return {
    verdict: verification.ok ? "Chaîne d'audit intègre" : "Chaîne d'audit rompue",
    lines
  }
}
