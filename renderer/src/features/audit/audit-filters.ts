import type { AuditAction, AuditEntry } from '../../../../electron/shared/audit'
import type { AuditSearch } from '../../stores/audit-store'

/** The filter form as typed; dates are the values of <input type="datetime-local" step="1">. */
export interface AuditFilterValues {
  actor: string
  cameraId: string
  action: AuditAction | ''
  from: string
  to: string
}

const SECOND = 1000

/**
 * A datetime-local value is local time, to the second. As the end of a period it includes that whole
 * second, since the core's bounds are inclusive milliseconds.
 */
export function parseDateTimeInput(value: string, edge: 'start' | 'end'): number | undefined {
  if (value === '') return undefined
  const at = new Date(value).getTime()
  if (Number.isNaN(at)) return undefined
  return edge === 'end' ? at + SECOND - 1 : at
}

export function formatDateTimeInput(epochMs: number | undefined): string {
  if (epochMs === undefined) return ''
  const date = new Date(epochMs)
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

const optionalText = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim())

export function toAuditSearch(values: AuditFilterValues): AuditSearch {
  return {
    actor: optionalText(values.actor),
    cameraId: optionalText(values.cameraId),
    action: values.action === '' ? undefined : values.action,
    from: parseDateTimeInput(values.from, 'start'),
    to: parseDateTimeInput(values.to, 'end')
  }
}

export function filterValuesFrom(search: AuditSearch): AuditFilterValues {
  return {
    actor: search.actor ?? '',
    cameraId: search.cameraId ?? '',
    action: search.action ?? '',
    from: formatDateTimeInput(search.from),
    to: formatDateTimeInput(search.to)
  }
}

export const NO_FILTERS: AuditFilterValues = { actor: '', cameraId: '', action: '', from: '', to: '' }

/**
 * One line for the table: « motif : extraction · durée : 120 ». The full details stay available as
 * the cell's title; the export carries them all.
 */
export function summariseDetails(details: AuditEntry['details'], maxLength = 140): string {
  const text = Object.entries(details)
    .map(([key, value]) => `${key} : ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ')
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text
}
