import { RpcError } from '../../shared/result'
import { readPiaExport, type PiaStatus } from './pia-export'
import type { DocumentFormat } from './rule-pack-schema'

/**
 * What a document really is, judged by its bytes and never by its name: a scanned arrêté renamed
 * « arrete.pdf » but saved as PNG must be refused, since it would not open as what it claims to be.
 */

export interface InspectedDocument {
  format: DocumentFormat
  mimeType: string
  /** Read from a PIA-tool export; null for a PDF. */
  piaStatus: PiaStatus | null
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1')
const PDF_END = Buffer.from('%%EOF', 'latin1')
/** Readers look for the end-of-file marker within the last kilobyte (trailing bytes are common). */
const PDF_END_WINDOW = 1024

/** Formats people commonly send by mistake, so that the refusal says what the file is. */
const KNOWN_SIGNATURES: ReadonlyArray<{ bytes: number[]; what: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'une image PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'une image JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'une image GIF' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'une image TIFF' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'une image TIFF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'une archive ZIP (ou un document Word, Excel, OpenDocument)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'un ancien document Office' }
]

const ACCEPTED = 'seuls les PDF et les exports JSON du logiciel PIA de la CNIL sont acceptés'

function refuse(message: string): never {
  throw new RpcError('INVALID_INPUT', message)
}

function startsWith(bytes: Buffer, prefix: readonly number[] | Buffer): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte)
}

function inspectPdf(bytes: Buffer): InspectedDocument {
  const tail = bytes.subarray(Math.max(0, bytes.length - PDF_END_WINDOW))
  if (!tail.includes(PDF_END)) refuse('Ce PDF est incomplet (marque de fin %%EOF absente) : le fichier a sans doute été tronqué.')
  return { format: 'pdf', mimeType: 'application/pdf', piaStatus: null }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf]

/** The document as a JSON object, or undefined when it is not one (binary, text, array…). */
function parseJson(bytes: Buffer): unknown {
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return undefined
  }
  if (!text.trimStart().startsWith('{')) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function inspectDocument(bytes: Buffer): InspectedDocument {
  if (bytes.length === 0) refuse('Le fichier est vide.')
  if (startsWith(bytes, PDF_MAGIC)) return inspectPdf(bytes)

  const known = KNOWN_SIGNATURES.find((signature) => startsWith(bytes, signature.bytes))
  if (known) refuse(`Ce fichier est ${known.what}, pas un PDF : ${ACCEPTED}. Exportez-le d'abord en PDF.`)

  const data = parseJson(bytes)
  if (data === undefined) refuse(`Format de fichier non reconnu : ${ACCEPTED}.`)
  const reading = readPiaExport(data)
  if (reading.kind === 'not-pia') refuse(`Ce fichier JSON n'est pas un export du logiciel PIA de la CNIL : ${ACCEPTED}.`)
  if (reading.kind === 'invalid') refuse(`Export PIA illisible : ${reading.problem}.`)
  return { format: 'pia-json', mimeType: 'application/json', piaStatus: reading.status }
}
