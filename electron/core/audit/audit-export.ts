import PDFDocument from 'pdfkit'
import type { AuditEntry, AuditVerification } from '../../shared/audit'
import { AUDIT_ACTION_LABELS, describeDetails, describeFilter, describeVerification, formatFrenchDateTime } from './audit-format'
import type { AuditFilter } from './audit-query'
import { toWinAnsi } from './win-ansi'

// ---------------------------------------------------------------------------------------------- CSV

/** Excel in French opens `;`-separated files directly, and reads UTF-8 only when the file says so (BOM). */
const CSV_SEPARATOR = ';'
const CSV_LINE_END = '\r\n'
const UTF8_BOM = '\ufeff'
const CSV_HEADER = [
  'N°', 'Date (ISO 8601, UTC)', 'Date (heure locale)', 'Personne', 'Action', 'Code action',
  'Caméra', 'Cible', 'Poste', 'Détails (JSON)'
]

/**
 * One field, RFC 4180: quoted when it holds the separator, a quote or a line break, quotes doubled.
 * A cell starting like a formula (= + - @) would be evaluated by a spreadsheet, and a user name or
 * a target is free text: a leading apostrophe keeps it text.
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[";\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert
}

const csvLine = (fields: readonly string[]): string => fields.map(csvField).join(CSV_SEPARATOR) + CSV_LINE_END

export interface AuditCsvOptions {
  /** Time zone of the local dates; the machine's own by default. */
  timeZone?: string
}

/**
 * The entries as a CSV file for a spreadsheet, followed by a comment block (lines starting with #)
 * giving the chain check's result, so that a printed or forwarded export says whether it can be trusted.
 */
export function auditToCsv(entries: readonly AuditEntry[], verification: AuditVerification, options: AuditCsvOptions = {}): Buffer {
  let text = UTF8_BOM + csvLine(CSV_HEADER)
  for (const entry of entries) {
    text += csvLine([
      String(entry.seq),
      new Date(entry.at).toISOString(),
      formatFrenchDateTime(entry.at, options.timeZone),
      entry.actor,
      AUDIT_ACTION_LABELS[entry.action],
      entry.action,
      entry.cameraId ?? '',
      entry.target ?? '',
      entry.workstation,
      JSON.stringify(entry.details)
    ])
  }
  const summary = describeVerification(verification, options.timeZone)
  text += CSV_LINE_END
  text += csvLine([`# Vérification de la chaîne d'audit : ${summary.verdict}`])
  for (const line of summary.lines) text += csvLine([`# ${line}`])
  return Buffer.from(text, 'utf8')
}

// ---------------------------------------------------------------------------------------------- PDF

const PAGE_MARGIN = 36
/** A4 landscape, in points, between the margins. */
const TABLE_WIDTH = 841.89 - 2 * PAGE_MARGIN
const FIXED_COLUMNS = [
  { title: 'Date', width: 92 },
  { title: 'Personne', width: 90 },
  { title: 'Action', width: 118 },
  { title: 'Caméra', width: 70 },
  { title: 'Cible', width: 90 },
  { title: 'Poste', width: 80 }
]
/** The details take what the other columns leave. */
export const PDF_COLUMNS = [
  ...FIXED_COLUMNS,
  { title: 'Détails', width: TABLE_WIDTH - FIXED_COLUMNS.reduce((sum, column) => sum + column.width, 0) }
]

/** A page holds about a hundred lines of a cell; longer text is cut (the CSV has it whole). */
const MAX_CELL_CHARACTERS = 600
const CELL_PADDING = 3
const TABLE_FONT_SIZE = 8
const VERDICT_COLOURS = { ok: '#1b7f3b', broken: '#b3261e' }

const fitCell = (text: string): string =>
  toWinAnsi(text.length > MAX_CELL_CHARACTERS ? `${text.slice(0, MAX_CELL_CHARACTERS)}…` : text)

/** The table's cells, row by row, as the PDF prints them (already safe for its fonts). */
export function auditPdfRows(entries: readonly AuditEntry[], timeZone?: string): string[][] {
  return entries.map((entry) =>
    [
      formatFrenchDateTime(entry.at, timeZone),
      entry.actor,
      AUDIT_ACTION_LABELS[entry.action],
      entry.cameraId ?? '',
      entry.target ?? '',
      entry.workstation,
      describeDetails(entry.details)
    ].map(fitCell)
  )
}

export interface AuditPdfOptions {
  organisationName: string
  /** Who asked for the export. */
  generatedBy: string
  filters: AuditFilter
  generatedAt?: number
  timeZone?: string
}

type Pdf = PDFKit.PDFDocument

function tableFont(doc: Pdf, header: boolean): void {
  doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(TABLE_FONT_SIZE)
}

function rowHeight(doc: Pdf, cells: readonly string[], header: boolean): number {
  tableFont(doc, header)
  const cellHeights = cells.map((cell, index) => doc.heightOfString(cell, { width: PDF_COLUMNS[index].width - 2 * CELL_PADDING }))
  return Math.max(...cellHeights) + 2 * CELL_PADDING
}

function drawTableRow(doc: Pdf, cells: readonly string[], header: boolean, height: number): void {
  const left = doc.page.margins.left
  const top = doc.y
  if (header) doc.rect(left, top, TABLE_WIDTH, height).fill('#e8e8e8')
  doc.fillColor('black')
  tableFont(doc, header)
  let x = left
  cells.forEach((cell, index) => {
    doc.text(cell, x + CELL_PADDING, top + CELL_PADDING, { width: PDF_COLUMNS[index].width - 2 * CELL_PADDING })
    x += PDF_COLUMNS[index].width
  })
  doc.moveTo(left, top + height).lineTo(left + TABLE_WIDTH, top + height).lineWidth(0.5).strokeColor('#bbbbbb').stroke()
  doc.x = left
  doc.y = top + height
}

/** The table, its header row repeated at the top of every page. */
function drawTable(doc: Pdf, rows: readonly string[][]): void {
  const header = PDF_COLUMNS.map((column) => toWinAnsi(column.title))
  const headerHeight = rowHeight(doc, header, true)
  drawTableRow(doc, header, true, headerHeight)
  for (const cells of rows) {
    const height = rowHeight(doc, cells, false)
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage()
      drawTableRow(doc, header, true, headerHeight)
    }
    drawTableRow(doc, cells, false, height)
  }
}

/** The verdict in a coloured band (green: intact, red: broken), with the lines that back it. */
function drawVerification(doc: Pdf, verification: AuditVerification, timeZone: string | undefined): void {
  const summary = describeVerification(verification, timeZone)
  const left = doc.page.margins.left
  const innerWidth = TABLE_WIDTH - 16
  const verdict = toWinAnsi(summary.verdict)
  const details = toWinAnsi(summary.lines.join('\n'))
  doc.font('Helvetica-Bold').fontSize(13)
  const verdictHeight = doc.heightOfString(verdict, { width: innerWidth })
  doc.font('Helvetica').fontSize(9)
  const detailsHeight = doc.heightOfString(details, { width: innerWidth })
  const top = doc.y
  const height = verdictHeight + detailsHeight + 20
  doc.rect(left, top, TABLE_WIDTH, height).fill(verification.ok ? VERDICT_COLOURS.ok : VERDICT_COLOURS.broken)
  doc.fillColor('white').font('Helvetica-Bold').fontSize(13).text(verdict, left + 8, top + 8, { width: innerWidth })
  doc.font('Helvetica').fontSize(9).text(details, left + 8, top + 12 + verdictHeight, { width: innerWidth })
  doc.fillColor('black')
  doc.x = left
  doc.y = top + height + 12
}

/** Numbers every page, once the page count is known (the pages are buffered until then). */
function drawPageNumbers(doc: Pdf, footer: string): void {
  const range = doc.bufferedPageRange()
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index)
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const left = doc.page.margins.left
    const y = doc.page.height - PAGE_MARGIN + 12
    doc.font('Helvetica').fontSize(8).fillColor('#555555')
    doc.text(footer, left, y, { width: TABLE_WIDTH, align: 'left', lineBreak: false })
    doc.text(`Page ${index + 1} / ${range.count}`, left, y, { width: TABLE_WIDTH, align: 'right', lineBreak: false })
    doc.page.margins.bottom = bottomMargin
  }
}

/**
 * The entries as a PDF report: title, organisation, who generated it and when, the filters, the
 * chain check's verdict in colour, then the table, every page numbered. Landscape A4, built-in
 * Helvetica (no font file to ship; see win-ansi for what it can draw).
 */
export function auditToPdf(
  entries: readonly AuditEntry[],
  verification: AuditVerification,
  options: AuditPdfOptions
): Promise<Buffer> {
  const title = "Journal d'audit — Vigie"
  const generatedAt = formatFrenchDateTime(options.generatedAt ?? Date.now(), options.timeZone)
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: PAGE_MARGIN,
    bufferPages: true,
    info: { Title: title, Author: options.organisationName, Creator: 'Vigie' }
  })
  const chunks: Buffer[] = []
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  doc.font('Helvetica-Bold').fontSize(18).text(toWinAnsi(title))
  doc.font('Helvetica').fontSize(11).text(toWinAnsi(options.organisationName))
  doc.moveDown(0.5).fontSize(9)
  doc.text(toWinAnsi(`Généré par ${options.generatedBy} le ${generatedAt}`))
  doc.text(toWinAnsi(`Filtres : ${describeFilter(options.filters, options.timeZone).join(' ; ')}`))
  doc.text(toWinAnsi(`Entrées exportées : ${entries.length}`))
  doc.moveDown(0.8)
  drawVerification(doc, verification, options.timeZone)

  if (entries.length === 0) doc.font('Helvetica').fontSize(10).text(toWinAnsi('Aucune entrée ne correspond aux filtres.'))
  else drawTable(doc, auditPdfRows(entries, options.timeZone))

  drawPageNumbers(doc, toWinAnsi(`${title} — ${options.organisationName} — généré le ${generatedAt}`))
  doc.end()
  return finished
}
