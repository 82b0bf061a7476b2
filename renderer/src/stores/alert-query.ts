import type { Alert, AlertQuery, AlertState } from '../../../electron/shared/alerts'
import { OPEN_ALERT_STATES } from '../../../electron/shared/alerts'

/** The history's filters as its form holds them: empty strings and nulls mean « all ». */
export interface AlertHistoryFilters {
  cameraId: string
  ruleId: string
  /** One state, or every open one ('open'). */
  state: AlertState | 'open' | ''
  /** Event time, ms since the epoch: from (inclusive) and to (exclusive). */
  from: number | null
  to: number | null
  /** Who decided it, or has it in review (an exact username). */
  operator: string
}

export const NO_ALERT_FILTERS: AlertHistoryFilters = { cameraId: '', ruleId: '', state: '', from: null, to: null, operator: '' }

export type AlertListQuery = Omit<AlertQuery, 'before' | 'limit'>

export function statesOf(state: AlertHistoryFilters['state']): AlertState[] | undefined {
  if (state === '') return undefined
  return state === 'open' ? [...OPEN_ALERT_STATES] : [state]
}

export function toAlertQuery(filters: AlertHistoryFilters): AlertListQuery {
  const states = statesOf(filters.state)
  const operator = filters.operator.trim()
  return {
    ...(filters.cameraId ? { cameraId: filters.cameraId } : {}),
    ...(filters.cameraId && filters.ruleId ? { ruleId: filters.ruleId } : {}),
    ...(states ? { states } : {}),
    ...(filters.from !== null ? { from: filters.from } : {}),
    ...(filters.to !== null ? { to: filters.to } : {}),
    ...(operator ? { operator } : {})
  }
}

/** Whether an alert pushed live belongs in the history as filtered (the same test the core's query makes). */
export function matchesAlertFilters(filters: AlertHistoryFilters, alert: Alert): boolean {
  if (filters.cameraId && alert.cameraId !== filters.cameraId) return false
  if (filters.cameraId && filters.ruleId && alert.ruleId !== filters.ruleId) return false
  const states = statesOf(filters.state)
  if (states && !states.includes(alert.state)) return false
  if (filters.from !== null && alert.at < filters.from) return false
  if (filters.to !== null && alert.at >= filters.to) return false
  const operator = filters.operator.trim()
  if (operator && alert.decidedBy !== operator && alert.owner !== operator) return false
  return true
}

export function sameFilters(a: AlertHistoryFilters, b: AlertHistoryFilters): boolean {
  return a.cameraId === b.cameraId && a.ruleId === b.ruleId && a.state === b.state && a.from === b.from && a.to === b.to && a.operator === b.operator
}
