import {
  AlertSchema,
  OPEN_ALERT_STATES,
  type Alert,
  type AlertDecision,
  type AlertQuality,
  type AlertQuery,
  type AlertState,
  type DecideAlerts
} from '../../shared/alerts'
import type { AnalyticsEvent } from '../../shared/analytics-events'
import { RpcError } from '../../shared/result'
import type { Database, SqlExecutor } from '../store/database'
import { toEvent, type EventRow } from './event-store'

interface ReviewRow {
  state: AlertState
  owner: string | null
  decided_by: string | null
  decided_at: number | null
  reason: string | null
  note: string | null
  escalated_at: number | null
  escalated_by: string | null
}

type AlertRow = EventRow & ReviewRow

export const SYSTEM_REVIEWER = 'system'
/** An alert nobody has decided after this long goes to the supervisors. */
export const DEFAULT_ESCALATE_AFTER_MS = 5 * 60_000
/** Below this many decisions a false-alarm share says little. */
const MIN_DECISIONS_FOR_SUGGESTION = 10
const SUGGESTION_SHARE = 0.5

function toAlert(row: AlertRow): Alert {
  return AlertSchema.parse({
    ...toEvent(row),
    state: row.state,
    owner: row.owner,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    reason: row.reason,
    note: row.note,
    escalatedAt: row.escalated_at,
    escalatedBy: row.escalated_by
  })
}

const SELECT_ALERTS = 'SELECT e.*, r.* FROM analytics_events e JOIN alert_reviews r ON r.event_id = e.id'

/**
 * The queue of alerts waiting for a person, and the record of what each person decided. Every
 * transition is checked here, whatever the screen allowed: a decided alert stays decided, an alert
 * in someone's review is theirs, dismissing or escalating needs a reason and a note.
 */
export class AlertQueue {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
    private readonly escalateAfterMs = DEFAULT_ESCALATE_AFTER_MS
  ) {}

  async add(event: AnalyticsEvent): Promise<Alert> {
    await this.db.run("INSERT OR IGNORE INTO alert_reviews (event_id, state, updated_at) VALUES (?, 'new', ?)", [event.id, this.now()])
    return this.require(event.id)
  }

  async get(eventId: number): Promise<Alert | null> {
    const row = await this.db.get<AlertRow>(`${SELECT_ALERTS} WHERE e.id = ?`, [eventId])
    return row ? toAlert(row) : null
  }

  /** Newest first within the cameras the reader may see; paging by id keeps every page as fast as the first. */
  async list(query: AlertQuery, visibleCameraIds: readonly string[]): Promise<{ alerts: Alert[]; nextBefore: number | null }> {
    const cameras = query.cameraId === undefined ? visibleCameraIds : visibleCameraIds.filter((id) => id === query.cameraId)
    if (cameras.length === 0) return { alerts: [], nextBefore: null }
    // With several cameras, `+` keeps SQLite off the camera index: it then walks ids newest first and
    // stops at the limit, instead of sorting every row of those cameras (120 ms at 100,000 alerts, against 1).
    const where = [`${cameras.length > 1 ? '+' : ''}e.camera_id IN (${cameras.map(() => '?').join(', ')})`]
    const params: Array<string | number> = [...cameras]
    const add = (clause: string, ...values: Array<string | number>): void => {
      where.push(clause)
      params.push(...values)
    }
    if (query.ruleId) add('e.rule_id = ?', query.ruleId)
    if (query.kinds?.length) add(`e.kind IN (${query.kinds.map(() => '?').join(', ')})`, ...query.kinds)
    if (query.states?.length) add(`r.state IN (${query.states.map(() => '?').join(', ')})`, ...query.states)
    if (query.priority) add("json_extract(e.payload, '$.priority') = ?", query.priority)
    if (query.operator) add('(r.decided_by = ? OR r.owner = ?)', query.operator, query.operator)
    if (query.from !== undefined) add('e.at >= ?', query.from)
    if (query.to !== undefined) add('e.at < ?', query.to)
    if (query.before !== undefined) add('e.id < ?', query.before)
    const rows = await this.db.all<AlertRow>(`${SELECT_ALERTS} WHERE ${where.join(' AND ')} ORDER BY e.id DESC LIMIT ?`, [...params, query.limit + 1])
    const page = rows.slice(0, query.limit)
    return { alerts: page.map(toAlert), nextBefore: rows.length > query.limit ? page[page.length - 1].id : null }
  }

  /** Takes an alert into one's review; someone else's review is not taken over silently. */
  async claim(eventId: number, actor: string): Promise<Alert> {
    const at = this.now()
    await this.db.transaction((sql) => {
      const review = this.reviewOf(sql, eventId)
      if (review.state === 'confirmed' || review.state === 'false_alarm') throw new RpcError('CONFLICT', 'Cette alerte est déjà décidée.')
      if (review.state === 'in_review' && review.owner !== actor) throw new RpcError('CONFLICT', `Cette alerte est en cours de revue par ${review.owner}.`)
      if (review.state === 'in_review') return
      sql.run("UPDATE alert_reviews SET state = 'in_review', owner = ?, updated_at = ? WHERE event_id = ?", [actor, at, eventId])
      this.history(sql, eventId, at, actor, review.state, 'in_review', null, null)
    })
    return this.require(eventId)
  }

  /** Decides one alert or a burst; all or none (one already decided by someone else refuses the lot). */
  async decide(input: DecideAlerts, actor: string): Promise<Alert[]> {
    const at = this.now()
    await this.db.transaction((sql) => {
      for (const eventId of input.eventIds) {
        const review = this.reviewOf(sql, eventId)
        if (review.state === 'confirmed' || review.state === 'false_alarm') {
          throw new RpcError('CONFLICT', `L’alerte n° ${eventId} est déjà décidée (par ${review.decided_by}).`)
        }
        if (review.state === 'in_review' && review.owner !== null && review.owner !== actor) {
          throw new RpcError('CONFLICT', `L’alerte n° ${eventId} est en cours de revue par ${review.owner}.`)
        }
        if (input.decision === 'escalated' && review.state === 'escalated') {
          throw new RpcError('CONFLICT', `L’alerte n° ${eventId} est déjà escaladée.`)
        }
        this.apply(sql, eventId, review.state, input.decision, actor, at, input.reason ?? null, input.note ?? null)
      }
    })
    return Promise.all(input.eventIds.map((id) => this.require(id)))
  }

  /** Alerts left undecided too long go to the supervisors; returns those it escalated. */
  async escalateOverdue(): Promise<Alert[]> {
    const at = this.now()
    const overdue = await this.db.all<{ event_id: number; state: AlertState }>(
      `SELECT r.event_id, r.state FROM alert_reviews r JOIN analytics_events e ON e.id = r.event_id
       WHERE r.state IN ('new', 'in_review') AND e.recorded_at <= ?`,
      [at - this.escalateAfterMs]
    )
    if (overdue.length === 0) return []
    await this.db.transaction((sql) => {
      for (const { event_id: eventId, state } of overdue) {
        this.apply(sql, eventId, state, 'escalated', SYSTEM_REVIEWER, at, 'needs-supervisor', `Non traitée après ${Math.round(this.escalateAfterMs / 60_000)} min`)
      }
    })
    return Promise.all(overdue.map(({ event_id: eventId }) => this.require(eventId)))
  }

  /** False alarms per rule and camera over the decided alerts of a period. */
  async quality(visibleCameraIds: readonly string[], from?: number, to?: number): Promise<AlertQuality[]> {
    if (visibleCameraIds.length === 0) return []
    const params: Array<string | number> = [...visibleCameraIds]
    let period = ''
    if (from !== undefined) {
      period += ' AND e.at >= ?'
      params.push(from)
    }
    if (to !== undefined) {
      period += ' AND e.at < ?'
      params.push(to)
    }
    const rows = await this.db.all<{ camera_id: string; rule_id: string; rule_name: string; confirmed: number; false_alarms: number; top_reason: string | null }>(
      `SELECT e.camera_id, e.rule_id, json_extract(e.payload, '$.ruleName') AS rule_name,
              SUM(r.state = 'confirmed') AS confirmed, SUM(r.state = 'false_alarm') AS false_alarms,
              (SELECT r2.reason FROM alert_reviews r2 JOIN analytics_events e2 ON e2.id = r2.event_id
                WHERE e2.camera_id = e.camera_id AND e2.rule_id = e.rule_id AND r2.state = 'false_alarm' AND r2.reason IS NOT NULL
                GROUP BY r2.reason ORDER BY COUNT(*) DESC LIMIT 1) AS top_reason
       FROM analytics_events e JOIN alert_reviews r ON r.event_id = e.id
       WHERE e.camera_id IN (${visibleCameraIds.map(() => '?').join(', ')}) AND r.state IN ('confirmed', 'false_alarm')${period}
       GROUP BY e.camera_id, e.rule_id ORDER BY false_alarms DESC, e.camera_id, e.rule_id`,
      params
    )
    return rows.map((row) => {
      const decided = row.confirmed + row.false_alarms
      const share = decided === 0 ? 0 : row.false_alarms / decided
      const suggest = decided >= MIN_DECISIONS_FOR_SUGGESTION && share >= SUGGESTION_SHARE
      return {
        cameraId: row.camera_id,
        ruleId: row.rule_id,
        ruleName: row.rule_name,
        decided,
        confirmed: row.confirmed,
        falseAlarms: row.false_alarms,
        falseAlarmShare: Math.round(share * 1000) / 1000,
        topReason: (row.top_reason as AlertQuality['topReason']) ?? null,
        suggestion: suggest
          ? `${Math.round(share * 100)} % de fausses alertes sur ${decided} décisions : revoir la zone ou les seuils de cette règle.`
          : null
      }
    })
  }

  private apply(sql: SqlExecutor, eventId: number, from: AlertState, to: AlertDecision, actor: string, at: number, reason: string | null, note: string | null): void {
    if (to === 'escalated') {
      sql.run("UPDATE alert_reviews SET state = 'escalated', owner = NULL, escalated_at = ?, escalated_by = ?, reason = ?, note = ?, updated_at = ? WHERE event_id = ?", [
        at,
        actor,
        reason,
        note,
        at,
        eventId
      ])
    } else {
      sql.run('UPDATE alert_reviews SET state = ?, owner = COALESCE(owner, ?), decided_by = ?, decided_at = ?, reason = ?, note = ?, updated_at = ? WHERE event_id = ?', [
        to,
        actor,
        actor,
        at,
        reason,
        note,
        at,
        eventId
      ])
    }
    this.history(sql, eventId, at, actor, from, to, reason, note)
  }

  private history(sql: SqlExecutor, eventId: number, at: number, actor: string, from: AlertState, to: AlertState, reason: string | null, note: string | null): void {
    sql.run('INSERT INTO alert_decisions (event_id, at, actor, from_state, to_state, reason, note) VALUES (?, ?, ?, ?, ?, ?, ?)', [eventId, at, actor, from, to, reason, note])
  }

  private reviewOf(sql: SqlExecutor, eventId: number): ReviewRow {
    const review = sql.get<ReviewRow>('SELECT * FROM alert_reviews WHERE event_id = ?', [eventId])
    if (!review) throw new RpcError('NOT_FOUND', `Alerte inconnue : n° ${eventId}.`)
    return review
  }

  private async require(eventId: number): Promise<Alert> {
    const alert = await this.get(eventId)
    if (!alert) throw new RpcError('NOT_FOUND', `Alerte inconnue : n° ${eventId}.`)
    return alert
  }

  static isOpen(alert: Alert): boolean {
    return OPEN_ALERT_STATES.includes(alert.state)
  }
}
