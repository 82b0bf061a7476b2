import { contract } from '../../../../electron/shared/contract'
import type { LapiModuleId } from './purposes'

/**
 * Bounds of what the LAPI forms send, read from the contract's own schemas so that the screen and the
 * core never disagree on them.
 */
const importShape = contract['lapi.importHotlist'].input.shape
const withdrawShape = contract['lapi.withdrawHotlist'].input.shape

export const HOTLIST_NAME = { min: importShape.name.minLength ?? 0, max: importShape.name.maxLength ?? Infinity }
export const HOTLIST_REASON = { min: importShape.reason.minLength ?? 0, max: importShape.reason.maxLength ?? Infinity }
export const HOTLIST_TEXT_MAX = importShape.text.maxLength ?? Infinity
export const WITHDRAW_REASON = { min: withdrawShape.reason.minLength ?? 0, max: withdrawShape.reason.maxLength ?? Infinity }
/** A file larger than this is not a list of plates (a payments export of a whole year is a few hundred kilobytes). */
export const MAX_LIST_FILE_BYTES = 4_000_000

/** Counted as the core counts: without the spaces around. */
export function withinLength(text: string, bounds: { min: number; max: number }): boolean {
  const length = text.trim().length
  return length >= bounds.min && length <= bounds.max
}

/** The entries the core will read in the text, split as it splits them: lines, commas, semicolons. */
export function splitEntries(text: string): string[] {
  return text
    .split(/[\n,;]+/u)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
}

/** Uppercase letters and digits, as the core compares plates: « ab-123-cd » is « AB123CD ». */
function normalised(cell: string): string {
  return cell.toUpperCase().replace(/[^A-Z0-9]/gu, '')
}

/** Could be a plate: 4 to 12 letters and digits once normalised, with at least one of each (no date, amount or name). */
export function looksLikePlate(cell: string): boolean {
  const plate = normalised(cell)
  return plate.length >= 4 && plate.length <= 12 && /[A-Z]/u.test(plate) && /[0-9]/u.test(plate)
}

/** A header naming the plate column: « plaque », « Immatriculation », « N° d'immatriculation », « plate »… */
function isPlateHeader(cell: string): boolean {
  const name = cell
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
  return /plaque|immat|plate|registration/u.test(name)
}

function unquote(cell: string): string {
  const trimmed = cell.trim()
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replace(/""/gu, '"').trim() : trimmed
}

const DELIMITERS = [';', '\t', ','] as const

/** The delimiter that cuts every line (two lines at least) into the same number, two or more, of cells: a table. */
function tableDelimiter(lines: readonly string[]): string | null {
  if (lines.length < 2) return null
  for (const delimiter of DELIMITERS) {
    const counts = new Set(lines.map((line) => line.split(delimiter).length))
    if (counts.size === 1 && [...counts][0] >= 2) return delimiter
  }
  return null
}

export interface FilePlates {
  /** One entry per line, as the text field shows it and the core receives it. */
  text: string
  /** How many entries that is. */
  count: number
  /** The header of the column the plates were taken from, when the file is a table that names it. */
  column: string | null
  /** Rows left out because they held no plate-like cell in the kept columns (a header, a total line). */
  skipped: number
}

/**
 * A list file's plates, one per line. A plain list is taken as it is (one per line, or separated by
 * commas or semicolons). A table (a payments export, a permits register, in CSV) keeps only its plate
 * column — named « plaque », « immatriculation »… in its header, otherwise the columns whose cells look
 * like plates — so that dates, amounts and names are never sent as plates.
 */
export function platesFromFile(content: string): FilePlates {
  const lines = content
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\r|\n/u)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
  const delimiter = tableDelimiter(lines)
  if (delimiter === null) {
    const entries = lines.flatMap((line) => line.split(/[,;\t]/u)).map(unquote).filter((entry) => entry.length > 0)
    return { text: entries.join('\n'), count: entries.length, column: null, skipped: 0 }
  }
  const rows = lines.map((line) => line.split(delimiter).map(unquote))
  const named = rows[0].findIndex(isPlateHeader)
  if (named !== -1) {
    const entries = rows.slice(1).map((row) => row[named]).filter((entry) => entry.length > 0)
    return { text: entries.join('\n'), count: entries.length, column: rows[0][named], skipped: rows.length - 1 - entries.length }
  }
  // No header names the plates: keep the columns where most rows hold something plate-like.
  const width = rows[0].length
  const columns = Array.from({ length: width }, (_, column) => column).filter(
    (column) => rows.filter((row) => looksLikePlate(row[column])).length * 2 >= rows.length
  )
  if (columns.length === 0) {
    // Nothing looks like a plate: every cell goes, and the core says which ones it refused.
    const entries = rows.flat().filter((entry) => entry.length > 0)
    return { text: entries.join('\n'), count: entries.length, column: null, skipped: 0 }
  }
  const kept = rows.filter((row) => columns.some((column) => looksLikePlate(row[column])))
  const entries = kept.flatMap((row) => columns.map((column) => row[column])).filter((entry) => entry.length > 0)
  return { text: entries.join('\n'), count: entries.length, column: null, skipped: rows.length - kept.length }
}

export interface ImportFormValues {
  name: string
  moduleId: LapiModuleId
  reason: string
  text: string
}

export type ImportProblem = 'nameLength' | 'reasonLength' | 'textEmpty' | 'textTooLong'

export function emptyImportForm(moduleId: LapiModuleId): ImportFormValues {
  return { name: '', moduleId, reason: '', text: '' }
}

/** What the form must say before sending, in the order a person fills it; null when the core may judge it. */
export function importProblem(values: ImportFormValues): ImportProblem | null {
  if (!withinLength(values.name, HOTLIST_NAME)) return 'nameLength'
  if (!withinLength(values.reason, HOTLIST_REASON)) return 'reasonLength'
  if (values.text.length > HOTLIST_TEXT_MAX) return 'textTooLong'
  if (splitEntries(values.text).length === 0) return 'textEmpty'
  return null
}

export function toImportInput(values: ImportFormValues) {
  return { name: values.name.trim(), moduleId: values.moduleId, reason: values.reason.trim(), text: values.text }
}
