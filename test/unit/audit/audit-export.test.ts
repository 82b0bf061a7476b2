import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { auditPdfRows, auditToCsv, auditToPdf, csvField, PDF_COLUMNS } from '../../../electron/core/audit/audit-export'
import { toWinAnsi } from '../../../electron/core/audit/win-ansi'
import type { AuditEntry, AuditVerification } from '../../../electron/shared/audit'

const PARIS = 'Europe/Paris'
const AT = Date.UTC(2025, 0, 15, 9, 30, 5)

const entry = (seq: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: AT + seq * 1000,
  actor: 'dupont',
  action: 'live.start',
  cameraId: 'cam-1',
  target: null,
  workstation: 'poste-1',
  details: {},
  ...overrides
})

const intact: AuditVerification = {
  ok: true,
  checked: 3,
  firstBrokenSeq: null,
  message: "Journal d'audit intègre : 3 entrées vérifiées",
  checkpointSeq: null,
  verifiedAt: AT
}
const broken: AuditVerification = {
  ok: false,
  checked: 22,
  firstBrokenSeq: 23,
  message: 'Entrée n° 23 altérée : son empreinte ne correspond plus',
  checkpointSeq: 10,
  verifiedAt: AT
}

/** A strict RFC 4180 reader (`;`-separated), to read back what auditToCsv wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ';') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += 1
    } else field += c
  }
  expect(field).toBe('')
  return rows
}

describe('auditToCsv', () => {
  it('starts with a UTF-8 BOM and a header row, `;`-separated, CRLF line ends', () => {
    const csv = auditToCsv([entry(1)], intact, { timeZone: PARIS })
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = csv.toString('utf8').slice(1)
    expect(text.split('\r\n')[0]).toBe(
      'N°;Date (ISO 8601, UTC);Date (heure locale);Personne;Action;Code action;Caméra;Cible;Poste;Détails (JSON)'
    )
    expect(text.split('\r\n')[1]).toBe(
      '1;2025-01-15T09:30:06.000Z;15/01/2025 10:30:06;dupont;Début de visionnage en direct;live.start;cam-1;;poste-1;{}'
    )
  })

  it('quotes what needs quoting, per RFC 4180, and reads back to the same values', () => {
    const awkward = entry(2, {
      actor: 'de "La" Fontaine',
      target: 'a;b',
      workstation: 'ligne 1\r\nligne 2',
      details: { note: 'il a dit "non"; puis\nest parti' }
    })
    const rows = parseCsv(auditToCsv([awkward], intact, { timeZone: PARIS }).toString('utf8').slice(1))
    expect(rows[1].slice(3)).toEqual([
      'de "La" Fontaine',
      'Début de visionnage en direct',
      'live.start',
      'cam-1',
      'a;b',
      'ligne 1\r\nligne 2',
      '{"note":"il a dit \\"non\\"; puis\\nest parti"}'
    ])
  })

  it('keeps text that looks like a formula from being run by a spreadsheet', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvField('+33 1 23')).toBe("'+33 1 23")
    expect(csvField('-1')).toBe("'-1")
    expect(csvField('@dupont')).toBe("'@dupont")
    expect(csvField('dupont')).toBe('dupont')
  })

  it('ends with a comment block giving the chain check result', () => {
    const lines = auditToCsv([entry(1)], broken, { timeZone: PARIS }).toString('utf8').split('\r\n')
    expect(lines.slice(-8)).toEqual([
      '',
      "# Vérification de la chaîne d'audit : Chaîne d'audit rompue",
      '# Entrée n° 23 altérée : son empreinte ne correspond plus',
      '# Entrées vérifiées : 22',
      '# Première entrée en défaut : n° 23',
      "# Entrées purgées par la conservation : jusqu'au n° 10",
      '# Vérification faite le 15/01/2025 10:30:05',
      ''
    ])
    expect(auditToCsv([], intact).toString('utf8')).toContain("# Vérification de la chaîne d'audit : Chaîne d'audit intègre\r\n")
  })
})

describe('auditToPdf', () => {
  const options = {
    organisationName: 'Ville de Saint-Étienne — CSU',
    generatedBy: 'Durand (DPO)',
    filters: { actor: 'dupont', from: AT - 3_600_000, to: AT + 3_600_000 },
    generatedAt: AT,
    timeZone: PARIS
  }

  const pageCount = (pdf: Buffer): number => Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1])

  it('produces a one-page PDF for a few entries', async () => {
    const pdf = await auditToPdf([entry(1), entry(2)], intact, options)
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/)
    expect(pageCount(pdf)).toBe(1)
  })

  it('runs over several pages for many entries, and for none prints a single page', async () => {
    const many = Array.from({ length: 300 }, (_, i) => entry(i + 1, { details: { motif: 'ronde de nuit', i } }))
    const pdf = await auditToPdf(many, broken, options)
    // 300 rows of one line each at 8 pt: at least six A4 landscape pages.
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(6)
    expect(pageCount(await auditToPdf([], intact, options))).toBe(1)
  })

  it('lays out one row per entry, in the column order, in French', () => {
    const rows = auditPdfRows(
      [
        entry(7, {
          action: 'alert.decision',
          cameraId: null,
          target: 'alerte-17',
          details: { décision: 'confirmée', score: 0.93 }
        })
      ],
      PARIS
    )
    expect(PDF_COLUMNS.map((column) => column.title)).toEqual(['Date', 'Personne', 'Action', 'Caméra', 'Cible', 'Poste', 'Détails'])
    expect(rows).toEqual([
      ['15/01/2025 10:30:12', 'dupont', 'Décision sur une alerte', '', 'alerte-17', 'poste-1', 'décision : confirmée ; score : 0.93']
    ])
  })

  it('cuts very long cells so that a row fits on a page', () => {
    const [row] = auditPdfRows([entry(1, { details: { texte: 'x'.repeat(5000) } })])
    expect(row[6]).toHaveLength(601)
    expect(row[6].endsWith('…')).toBe(true)
  })
})

describe('French text in the PDF fonts', () => {
  const helvetica = (): PDFKit.PDFDocument => new PDFDocument().font('Helvetica').fontSize(10)

  it('draws « é à ç œ ’ — » with real glyphs in built-in Helvetica', () => {
    const doc = helvetica()
    for (const character of ['é', 'à', 'ç', 'œ', 'Œ', '’', '«', '»', '—', '…', '€']) {
      // A character outside the font's encoding maps to .notdef, which has no width.
      expect(doc.widthOfString(character), character).toBeGreaterThan(0)
    }
  })

  it('keeps what the fonts can draw and replaces the rest', () => {
    expect(toWinAnsi('Journal d’audit — œuvre à ça « é »')).toBe('Journal d’audit — œuvre à ça « é »')
    // Intl puts narrow no-break spaces in French numbers; emoji have no glyph.
    expect(toWinAnsi('1\u202f234 😀 a\tb\r\nc')).toBe('1\u00a0234 ? a b\nc')
    const doc = helvetica()
    for (const character of toWinAnsi('x\u202fy\u2009z😀\u0007')) expect(doc.widthOfString(character), character).toBeGreaterThan(0)
  })
})
