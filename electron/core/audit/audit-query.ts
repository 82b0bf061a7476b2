import type { AuditEntry, AuditQuery } from '../../shared/audit'
import type { SqlValue } from '../store/database'
import { ENTRY_COLUMNS } from './audit-rows'

/** The viewer's filters, without paging: what an export covers. */
export type AuditFilter = Pick<AuditQuery, 'actor' | 'cameraId' | 'action' | 'from' | 'to'>

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[]
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: number | null
}

export interface SelectStatement {
  sql: string
  params: SqlValue[]
}

/**
 * The SELECT for a filtered, newest-first slice of the trail, ending below `before` when given.
 * Each filter matches exactly and has its index (see migrations/002-audit); the period is inclusive.
 */
export function selectEntries(filter: AuditFilter, before: number | undefined, limit: number): SelectStatement {
  const conditions: string[] = []
  const params: SqlValue[] = []
  const where = (condition: string, value: SqlValue): void => {
    conditions.push(condition)
    params.push(value)
  }
  if (filter.actor !== undefined) where('actor = ?', filter.actor)
  if (filter.cameraId !== undefined) where('camera_id = ?', filter.cameraId)
  if (filter.action !== undefined) where('action = ?', filter.action)
  if (filter.from !== undefined) where('at >= ?', filter.from)
  if (filter.to !== undefined) where('at <= ?', filter.to)
  if (before !== undefined) where('seq < ?', before)
  const clause = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')} ` : ''
  return {
    sql: `SELECT ${ENTRY_COLUMNS} FROM audit_log ${clause}ORDER BY seq DESC LIMIT ?`,
    params: [...params, limit]
  }
}
