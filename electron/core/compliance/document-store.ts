import { AttachDocumentSchema, MAX_DOCUMENT_BYTES, type AttachDocumentInput, type ModuleId } from '../../shared/compliance'
import { RpcError } from '../../shared/result'
import { describeIssues, frenchErrorMap } from '../../shared/zod-fr'
import type { Database } from '../store/database'
import { decodeBase64 } from './base64'
import { addMonths, formatFrenchDate, isCalendarDate, type IsoDate } from './calendar'
import { DocumentFiles } from './document-files'
import { inspectDocument } from './document-inspection'
import { findDocument, insertDocument, listDocuments, markWithdrawn, type DocumentRecord } from './document-records'
import { displayFileName } from './file-name'
import type { DocumentFormat, DocumentType, RulePack } from './rule-pack-schema'

/** The person acting, as the core's session knows them. */
export interface Actor {
  userId: number
  username: string
}

/** Justifications are read by a CNIL inspector: a word or two says nothing. */
export const MIN_JUSTIFICATION_LENGTH = 10

export function checkJustification(justification: string): string {
  const trimmed = justification.trim()
  if (trimmed.length < MIN_JUSTIFICATION_LENGTH) {
    throw new RpcError('INVALID_INPUT', `Une justification d’au moins ${MIN_JUSTIFICATION_LENGTH} caractères est requise.`)
  }
  return trimmed
}

const FORMAT_LABELS: Readonly<Record<DocumentFormat, string>> = { pdf: 'un PDF', 'pia-json': 'un export JSON du logiciel PIA de la CNIL' }

const invalid = (message: string): RpcError => new RpcError('INVALID_INPUT', message)

function checkDate(date: string, what: string): IsoDate {
  if (!isCalendarDate(date)) throw invalid(`${what} : « ${date} » n'est pas une date du calendrier.`)
  return date
}

/** The expiry the document states, or the one its type implies (an arrêté de vidéoprotection lasts 60 months). */
function expiryOf(issuedOn: IsoDate, expiresOn: IsoDate | null, type: DocumentType): IsoDate | null {
  const expiry = expiresOn ?? (type.validityMonths === null ? null : addMonths(issuedOn, type.validityMonths))
  if (expiry === null && type.expiryRequired) throw invalid(`Un document « ${type.label} » fixe sa propre échéance : indiquez sa date de fin.`)
  if (expiry !== null && expiry <= issuedOn) {
    throw invalid(`La date de fin (${formatFrenchDate(expiry)}) doit suivre la date de délivrance (${formatFrenchDate(issuedOn)}).`)
  }
  return expiry
}

function normalisedPerimeter(perimeter: string[] | null): string[] | null {
  if (perimeter === null) return null
  const cameras = [...new Set(perimeter.map((camera) => camera.trim()).filter((camera) => camera.length > 0))].sort()
  if (cameras.length === 0) throw invalid('Périmètre vide : indiquez au moins une caméra, ou aucun périmètre pour toute l’installation.')
  return cameras
}

/**
 * The documents of the dossiers: checked (type by content, format accepted for the document type,
 * size, dates), stored once by content, described in the database. Never modified nor deleted;
 * a document can only be withdrawn, with a reason.
 */
export class DocumentStore {
  constructor(
    private readonly db: Database,
    private readonly files: DocumentFiles
  ) {}

  async attach(input: AttachDocumentInput, pack: RulePack, by: Actor, now: number): Promise<DocumentRecord> {
    const parsed = AttachDocumentSchema.safeParse(input, { errorMap: frenchErrorMap })
    if (!parsed.success) throw invalid(`Document refusé : ${describeIssues(parsed.error, 'document')}.`)
    const request = parsed.data
    const type = pack.documentTypes[request.type]
    if (!type) throw invalid(`Type de document « ${request.type} » inconnu du référentiel « ${pack.title} ».`)
    const issuedOn = checkDate(request.issuedOn, 'Date de délivrance')
    const expiresOn = expiryOf(issuedOn, request.expiresOn === null ? null : checkDate(request.expiresOn, 'Date de fin'), type)
    const perimeter = normalisedPerimeter(request.perimeter)

    const bytes = decodeBase64(request.base64, MAX_DOCUMENT_BYTES)
    const inspected = inspectDocument(bytes)
    if (!type.formats.includes(inspected.format)) {
      const expected = type.formats.map((format) => FORMAT_LABELS[format]).join(' ou ')
      throw invalid(`Un document « ${type.label} » doit être ${expected} ; ce fichier est ${FORMAT_LABELS[inspected.format]}.`)
    }

    // The file first: if the database then fails, an unreferenced file remains, which the next
    // attachment of the same bytes reuses; the reverse order could reference a missing file.
    const sha256 = await this.files.put(bytes)
    const modules = [...new Set<ModuleId>(request.moduleIds)]
    return this.db.transaction((sql) =>
      insertDocument(sql, {
        sha256,
        type: request.type,
        reference: request.reference,
        issuer: request.issuer,
        issuedOn,
        expiresOn,
        perimeter,
        fileName: displayFileName(request.fileName),
        mimeType: inspected.mimeType,
        format: inspected.format,
        bytes: bytes.length,
        piaStatus: inspected.piaStatus,
        attachedById: by.userId,
        attachedBy: by.username,
        attachedAt: now,
        modules
      })
    )
  }

  list(): Promise<DocumentRecord[]> {
    return this.db.transaction((sql) => listDocuments(sql))
  }

  async get(id: string): Promise<DocumentRecord> {
    const document = await this.db.transaction((sql) => findDocument(sql, id))
    if (!document) throw new RpcError('NOT_FOUND', `Aucun document n'a l'identifiant « ${id} ».`)
    return document
  }

  async content(id: string): Promise<{ document: DocumentRecord; bytes: Buffer }> {
    const document = await this.get(id)
    return { document, bytes: await this.files.read(document.sha256) }
  }

  async withdraw(id: string, by: Actor, justification: string, now: number): Promise<DocumentRecord> {
    const reason = checkJustification(justification)
    return this.db.transaction((sql) => {
      const document = findDocument(sql, id)
      if (!document) throw new RpcError('NOT_FOUND', `Aucun document n'a l'identifiant « ${id} ».`)
      if (document.withdrawal) throw new RpcError('CONFLICT', `Le document « ${document.reference} » est déjà retiré.`)
      const withdrawal = { at: now, by: by.username, reason }
      markWithdrawn(sql, id, withdrawal)
      return { ...document, withdrawal }
    })
  }
}
