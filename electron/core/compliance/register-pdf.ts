import PDFDocument from 'pdfkit'
import { AUDIT_ACTION_LABELS, describeDetails, formatFrenchDateTime } from '../audit/audit-format'
import { toWinAnsi } from '../audit/win-ansi'
import { formatFrenchDate } from './calendar'
import { ROLE_LABELS } from './labels'
import type { ComplianceRegister, RegisterApproval, RegisterModule } from './register-export'

/**
 * The register as a PDF for people: portrait A4, built-in Helvetica (hence toWinAnsi, see win-ansi),
 * one section per module, then the documents and the audit extract, every page numbered.
 */

const MARGIN = 48
const WIDTH = 595.28 - 2 * MARGIN
const COLOURS: Readonly<Record<RegisterModule['state'], string>> = {
  FORBIDDEN: '#b3261e',
  LOCKED: '#8a5a00',
  READY: '#1f5fa8',
  UNLOCKED: '#1b7f3b',
  EXPIRED: '#8a5a00',
  REVOKED: '#b3261e'
}
const RULE_STATUS_LABELS: Readonly<Record<RegisterModule['ruleStatus'], string>> = {
  forbidden: 'interdit',
  conditional: 'autorisé sous conditions',
  allowed: 'autorisé'
}

export interface RegisterPdfOptions {
  /** Time zone of the dates shown; the machine's own by default. */
  timeZone?: string
}

type Pdf = PDFKit.PDFDocument

function heading(doc: Pdf, text: string, size = 13): void {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage()
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor('black').text(toWinAnsi(text), MARGIN, doc.y, { width: WIDTH })
  doc.moveDown(0.2)
}

function line(doc: Pdf, label: string, value: string): void {
  doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(toWinAnsi(`${label} : `), MARGIN, doc.y, { width: WIDTH, continued: true })
  doc.font('Helvetica').text(toWinAnsi(value))
}

function bullet(doc: Pdf, text: string): void {
  doc.font('Helvetica').fontSize(9).fillColor('black').text(toWinAnsi(`•  ${text}`), MARGIN + 10, doc.y, { width: WIDTH - 10 })
}

function describeApproval(approval: RegisterApproval, timeZone: string | undefined): string {
  const when = formatFrenchDateTime(Date.parse(approval.at), timeZone)
  const status = approval.revocation
    ? ` — révoquée le ${formatFrenchDateTime(Date.parse(approval.revocation.at), timeZone)} par ${approval.revocation.by} (« ${approval.revocation.justification} »)`
    : approval.current
      ? ' — en cours'
      : ' — donnée sur un état antérieur du dossier'
  return `Approbation de ${approval.by} (${ROLE_LABELS[approval.role]}), le ${when} : « ${approval.justification} »${status}`
}

function drawModule(doc: Pdf, module: RegisterModule, timeZone: string | undefined): void {
  heading(doc, `${module.label} (${module.id})`, 12)
  doc.font('Helvetica-Bold').fontSize(10).fillColor(COLOURS[module.state]).text(toWinAnsi(`État : ${module.stateLabel}`), MARGIN, doc.y, { width: WIDTH })
  line(doc, 'Règle pour ce déployeur', RULE_STATUS_LABELS[module.ruleStatus] + (module.uncertain ? ' (points à confirmer)' : ''))
  line(doc, 'Motif', module.reason)
  line(doc, 'Textes et décisions', module.citations.map((citation) => (citation.date ? `${citation.ref} (${formatFrenchDate(citation.date)})` : citation.ref)).join(' ; ') || '—')
  if (module.requirements.length > 0) {
    doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(toWinAnsi('Exigences :'), MARGIN, doc.y, { width: WIDTH })
    for (const requirement of module.requirements) {
      const verdict = requirement.satisfied ? 'rempli' : `NON REMPLI — ${requirement.problem ?? ''}`
      const documents = requirement.documentIds.length > 0 ? ` [documents n° ${requirement.documentIds.join(', ')}]` : ''
      bullet(doc, `${requirement.label}${requirement.uncertain ? ' (à confirmer)' : ''} : ${verdict}${documents}`)
    }
  }
  for (const approval of module.approvals) bullet(doc, describeApproval(approval, timeZone))
  // What follows describes an unlock; a forbidden module has none to describe.
  if (module.state === 'FORBIDDEN') return
  const needed = module.approvalsNeeded
  line(doc, 'Approbations requises', `${needed.count} personne(s) distincte(s) : ${needed.roles.map((role) => ROLE_LABELS[role]).join(' ou ')}`)
  if (module.validUntil !== null) line(doc, 'Fin du déblocage', formatFrenchDateTime(Date.parse(module.validUntil), timeZone))
  line(doc, 'Périmètre', module.perimeter === null ? 'toute l’installation' : module.perimeter.join(', ') || 'aucune caméra')
  const limits = module.limits
  const retention = limits.maxImageRetentionDays === null ? 'selon les notes' : `${limits.maxImageRetentionDays} jour(s) au plus`
  line(
    doc,
    'Limites',
    `conservation des images : ${retention} ; confirmation humaine : ${limits.humanConfirmation ? 'oui' : 'non'} ; ` +
      `aucune biométrie : ${limits.noBiometrics ? 'oui' : 'non'} ; comptages seuls : ${limits.countsOnly ? 'oui' : 'non'}`
  )
  for (const note of limits.notes) bullet(doc, note)
}

function drawDocuments(doc: Pdf, register: ComplianceRegister, timeZone: string | undefined): void {
  heading(doc, 'Documents des dossiers')
  if (register.documents.length === 0) bullet(doc, 'Aucun document joint.')
  for (const document of register.documents) {
    const period = `délivré le ${formatFrenchDate(document.issuedOn)}${document.expiresOn ? `, fin le ${formatFrenchDate(document.expiresOn)}` : ''}`
    const perimeter = document.perimeter === null ? 'toute l’installation' : document.perimeter.join(', ')
    const pia = document.piaStatus ? ` ; statut PIA : ${document.piaStatus}` : ''
    const withdrawn = document.withdrawal
      ? ` ; RETIRÉ le ${formatFrenchDateTime(Date.parse(document.withdrawal.at), timeZone)} par ${document.withdrawal.by} (« ${document.withdrawal.reason} »)`
      : ''
    bullet(
      doc,
      `N° ${document.id} — ${document.typeLabel} « ${document.reference} » (${document.issuer}), ${period} ; périmètre : ${perimeter} ; ` +
        `modules : ${document.modules.join(', ')} ; fichier « ${document.fileName} » (${document.bytes} octets, SHA-256 ${document.sha256})${pia} ; ` +
        `joint par ${document.attachedBy} le ${formatFrenchDateTime(Date.parse(document.attachedAt), timeZone)}${withdrawn}`
    )
  }
}

function drawAudit(doc: Pdf, register: ComplianceRegister, timeZone: string | undefined): void {
  heading(doc, 'Extrait du journal d’audit (actions de conformité)')
  if (register.auditExtract.length === 0) bullet(doc, 'Aucune entrée.')
  for (const entry of register.auditExtract) {
    const target = entry.target ? ` — ${entry.target}` : ''
    const details = Object.keys(entry.details).length > 0 ? ` — ${describeDetails(entry.details)}` : ''
    bullet(doc, `N° ${entry.seq}, ${formatFrenchDateTime(entry.at, timeZone)} — ${entry.actor} — ${AUDIT_ACTION_LABELS[entry.action]}${target}${details}`)
  }
}

function drawPageNumbers(doc: Pdf, footer: string): void {
  const range = doc.bufferedPageRange()
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index)
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = doc.page.height - MARGIN + 16
    doc.font('Helvetica').fontSize(8).fillColor('#555555')
    doc.text(toWinAnsi(footer), MARGIN, y, { width: WIDTH, align: 'left', lineBreak: false })
    doc.text(`Page ${index + 1} / ${range.count}`, MARGIN, y, { width: WIDTH, align: 'right', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
}

export function registerToPdf(register: ComplianceRegister, options: RegisterPdfOptions = {}): Promise<Buffer> {
  const { timeZone } = options
  const title = 'Dossier de conformité — Vigie'
  const generatedAt = formatFrenchDateTime(Date.parse(register.generatedAt), timeZone)
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: title, Author: register.organisation.name, Creator: 'Vigie' }
  })
  const chunks: Buffer[] = []
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  doc.font('Helvetica-Bold').fontSize(18).text(toWinAnsi(title))
  doc.font('Helvetica').fontSize(11).text(toWinAnsi(register.organisation.name))
  doc.moveDown(0.5)
  line(doc, 'Type de déployeur', register.organisation.deployerLabel)
  if (register.organisation.dpoContact) line(doc, 'Contact du DPO', register.organisation.dpoContact)
  const pack = register.rulePack
  line(doc, 'Référentiel appliqué', `${pack.title} (${pack.id}, version ${pack.version}, en vigueur depuis le ${formatFrenchDate(pack.effectiveDate)})`)
  line(doc, 'Généré', `le ${generatedAt} par ${register.generatedBy}`)

  heading(doc, 'Synthèse')
  for (const module of register.modules) bullet(doc, `${module.label} : ${module.stateLabel}`)
  for (const module of register.modules) drawModule(doc, module, timeZone)
  drawDocuments(doc, register, timeZone)
  drawAudit(doc, register, timeZone)

  drawPageNumbers(doc, `${title} — ${register.organisation.name} — généré le ${generatedAt}`)
  doc.end()
  return finished
}
