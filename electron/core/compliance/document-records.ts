import { ModuleIdSchema, type ModuleId } from '../../shared/compliance'
import type { SqlExecutor } from '../store/database'
import type { IsoDate } from './calendar'
import { PIA_STATUSES, type PiaStatus } from './pia-export'
import { DocumentFormatSchema, type DocumentFormat } from './rule-pack-schema'

/** The documents of the dossiers, read and written inside a transaction the caller opened. */

export interface Withdrawal {
  at: number
  by: string
  reason: string
}

export interface DocumentRecord {
  id: string
  sha256: string
  type: string
  reference: string
  issuer: string
  issuedOn: IsoDate
  expiresOn: IsoDate | null
  /** Camera ids; null covers the whole installation. */
  perimeter: string[] | null
  fileName: string
  mimeType: string
  format: DocumentFormat
  bytes: number
  piaStatus: PiaStatus | null
  attachedById: number
  attachedBy: string
  attachedAt: number
  modules: ModuleId[]
  withdrawal: Withdrawal | null
}

export type NewDocumentRecord = Omit<DocumentRecord, 'id' | 'withdrawal'>

interface DocumentRow {
  id: number
  sha256: string
  type: string
  reference: string
  issuer: string
  issued_on: string
  expires_on: string | null
  perimeter: string | null
  file_name: string
  mime_type: string
  format: string
  bytes: number
  pia_status: string | null
  attached_by_id: number
  attached_by: string
  attached_at: number
  withdrawn_at: number | null
  withdrawn_by: string | null
  withdrawal_reason: string | null
}

const COLUMNS = `id, sha256, type, reference, issuer, issued_on, expires_on, perimeter, file_name, mime_type, format, bytes,
  pia_status, attached_by_id, attached_by, attached_at, withdrawn_at, withdrawn_by, withdrawal_reason`

function knownModules(ids: readonly string[]): ModuleId[] {
  // A module dropped from a later version of the app leaves links behind; they are simply not shown.
  return ids.flatMap((id) => {
    const parsed = ModuleIdSchema.safeParse(id)
    return parsed.success ? [parsed.data] : []
  })
}

function piaStatusOf(text: string | null): PiaStatus | null {
  return PIA_STATUSES.find((status) => status === text) ?? null
}

function toRecord(row: DocumentRow, modules: readonly string[]): DocumentRecord {
  return {
    id: String(row.id),
    sha256: row.sha256,
    type: row.type,
    reference: row.reference,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    perimeter: row.perimeter === null ? null : (JSON.parse(row.perimeter) as string[]),
    fileName: row.file_name,
    mimeType: row.mime_type,
    format: DocumentFormatSchema.parse(row.format),
    bytes: row.bytes,
    piaStatus: piaStatusOf(row.pia_status),
    attachedById: row.attached_by_id,
    attachedBy: row.attached_by,
    attachedAt: row.attached_at,
    modules: knownModules(modules),
    withdrawal:
      row.withdrawn_at === null ? null : { at: row.withdrawn_at, by: row.withdrawn_by ?? '', reason: row.withdrawal_reason ?? '' }
  }
}

function modulesByDocument(sql: SqlExecutor): Map<number, string[]> {
  const links = new Map<number, string[]>()
  for (const link of sql.all<{ document_id: number; module_id: string }>(
    'SELECT document_id, module_id FROM compliance_document_modules ORDER BY module_id'
  )) {
    const modules = links.get(link.document_id) ?? []
    modules.push(link.module_id)
    links.set(link.document_id, modules)
  }
  return links
}

export function insertDocument(sql: SqlExecutor, document: NewDocumentRecord): DocumentRecord {
  const { lastInsertRowid } = sql.run(
    `INSERT INTO compliance_documents (sha256, type, reference, issuer, issued_on, expires_on, perimeter, file_name, mime_type,
       format, bytes, pia_status, attached_by_id, attached_by, attached_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      document.sha256,
      document.type,
      document.reference,
      document.issuer,
      document.issuedOn,
      document.expiresOn,
      document.perimeter === null ? null : JSON.stringify(document.perimeter),
      document.fileName,
      document.mimeType,
      document.format,
      document.bytes,
      document.piaStatus,
      document.attachedById,
      document.attachedBy,
      document.attachedAt
    ]
  )
  for (const moduleId of document.modules) {
    sql.run('INSERT INTO compliance_document_modules (document_id, module_id) VALUES (?, ?)', [lastInsertRowid, moduleId])
  }
  return { ...document, id: String(lastInsertRowid), withdrawal: null }
}

/** Every document, oldest first, withdrawn ones included (the register shows them). */
export function listDocuments(sql: SqlExecutor): DocumentRecord[] {
  const links = modulesByDocument(sql)
  return sql.all<DocumentRow>(`SELECT ${COLUMNS} FROM compliance_documents ORDER BY id`).map((row) => toRecord(row, links.get(row.id) ?? []))
}

export function documentsOfModule(sql: SqlExecutor, moduleId: ModuleId): DocumentRecord[] {
  return listDocuments(sql).filter((document) => document.modules.includes(moduleId))
}

export function findDocument(sql: SqlExecutor, id: string): DocumentRecord | null {
  if (!/^\d{1,15}$/.test(id)) return null
  const row = sql.get<DocumentRow>(`SELECT ${COLUMNS} FROM compliance_documents WHERE id = ?`, [Number(id)])
  if (!row) return null
  const links = sql.all<{ module_id: string }>('SELECT module_id FROM compliance_document_modules WHERE document_id = ? ORDER BY module_id', [
    row.id
  ])
  return toRecord(row, links.map((link) => link.module_id))
}

export function markWithdrawn(sql: SqlExecutor, id: string, withdrawal: Withdrawal): void {
  sql.run('UPDATE compliance_documents SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ? WHERE id = ? AND withdrawn_at IS NULL', [
    withdrawal.at,
    withdrawal.by,
    withdrawal.reason,
    Number(id)
  ])
}
