import { readFile, rm } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { AnalyticsEventSchema, type AnalyticsEvent, type EventQuery } from '../../shared/analytics-events'
import type { Database } from '../store/database'
import { writeFileAtomic } from '../fs/atomic-file'

/** An event as the pipeline reports it, before it has an id; the snapshot is an encoded JPEG. */
export type NewEvent = Omit<AnalyticsEvent, 'id' | 'recordedAt' | 'hasSnapshot'> & {
  snapshot: { jpeg: Uint8Array; width: number; height: number } | null
}

export interface EventRow {
  id: number
  camera_id: string
  rule_id: string
  rule_kind: string
  module_id: string
  kind: string
  alert: number
  at: number
  recorded_at: number
  payload: string
  snapshot: string | null
}

/** The part of an event kept as JSON: whatever the indexed columns do not hold. */
type Payload = Pick<AnalyticsEvent, 'ruleName' | 'priority' | 'boxes' | 'trackIds' | 'details' | 'model' | 'parameters'> & {
  snapshotSize?: { width: number; height: number }
}

export interface EventStoreOptions {
  db: Database
  /** <dataDir>/snapshots */
  snapshotsDir: string
  now?: () => number
  log?: (message: string) => void
}

/**
 * The events the analytics raise, in SQLite, with their snapshots as JPEG files beside the database.
 * The row is written first: a snapshot that cannot be written (full disk) costs the image, never the
 * event, and the event says it has none.
 */
export class EventStore {
  private readonly now: () => number

  constructor(private readonly options: EventStoreOptions) {
    this.now = options.now ?? Date.now
  }

  async record(event: NewEvent): Promise<AnalyticsEvent> {
    const recordedAt = this.now()
    const payload: Payload = {
      ruleName: event.ruleName,
      priority: event.priority,
      boxes: event.boxes,
      trackIds: event.trackIds,
      details: event.details,
      model: event.model,
      parameters: event.parameters,
      ...(event.snapshot ? { snapshotSize: { width: event.snapshot.width, height: event.snapshot.height } } : {})
    }
    const { lastInsertRowid: id } = await this.options.db.run(
      `INSERT INTO analytics_events (camera_id, rule_id, rule_kind, module_id, kind, alert, at, recorded_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [event.cameraId, event.ruleId, event.ruleKind, event.moduleId, event.kind, event.alert ? 1 : 0, event.at, recordedAt, JSON.stringify(payload)]
    )
    let snapshot: string | null = null
    if (event.snapshot) {
      const path = snapshotPath(event.cameraId, event.at, id)
      try {
        await writeFileAtomic(join(this.options.snapshotsDir, path), event.snapshot.jpeg)
        await this.options.db.run('UPDATE analytics_events SET snapshot = ? WHERE id = ?', [path, id])
        snapshot = path
      } catch (error) {
        this.options.log?.(`[events] snapshot of event ${id} not kept: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    const { snapshot: _image, ...rest } = event
    return { ...rest, id, recordedAt, hasSnapshot: snapshot !== null }
  }

  /** Newest first, limited to the cameras the caller may see. */
  async list(query: EventQuery, visibleCameraIds: readonly string[]): Promise<{ events: AnalyticsEvent[]; nextBefore: number | null }> {
    const cameras = query.cameraId === undefined ? visibleCameraIds : visibleCameraIds.filter((id) => id === query.cameraId)
    if (cameras.length === 0) return { events: [], nextBefore: null }
    // `+` with several cameras: walk ids newest first and stop at the limit (see alert-queue.ts).
    const where = [`${cameras.length > 1 ? '+' : ''}camera_id IN (${cameras.map(() => '?').join(', ')})`]
    const params: Array<string | number> = [...cameras]
    if (query.alertsOnly) where.push('alert = 1')
    if (query.kinds && query.kinds.length > 0) {
      where.push(`kind IN (${query.kinds.map(() => '?').join(', ')})`)
      params.push(...query.kinds)
    }
    if (query.from !== undefined) {
      where.push('at >= ?')
      params.push(query.from)
    }
    if (query.to !== undefined) {
      where.push('at < ?')
      params.push(query.to)
    }
    if (query.before !== undefined) {
      where.push('id < ?')
      params.push(query.before)
    }
    const rows = await this.options.db.all<EventRow>(
      `SELECT * FROM analytics_events WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`,
      [...params, query.limit + 1]
    )
    const page = rows.slice(0, query.limit)
    return { events: page.map(toEvent), nextBefore: rows.length > query.limit ? page[page.length - 1].id : null }
  }

  async get(id: number): Promise<AnalyticsEvent | null> {
    const row = await this.options.db.get<EventRow>('SELECT * FROM analytics_events WHERE id = ?', [id])
    return row ? toEvent(row) : null
  }

  /**
   * Forgets what identifies a person in an event once it has served (a parking check a person found
   * in order): the named details are removed and the snapshot is deleted; the event itself stays, for
   * the decision's record. Returns the event as it now is.
   */
  async forget(id: number, detailKeys: readonly string[]): Promise<AnalyticsEvent | null> {
    const row = await this.options.db.get<EventRow>('SELECT * FROM analytics_events WHERE id = ?', [id])
    if (!row) return null
    const payload = JSON.parse(row.payload) as Payload
    const details = Object.fromEntries(Object.entries(payload.details).filter(([key]) => !detailKeys.includes(key)))
    const { snapshotSize: _size, ...kept } = payload
    await this.options.db.run('UPDATE analytics_events SET payload = ?, snapshot = NULL WHERE id = ?', [JSON.stringify({ ...kept, details, boxes: [] }), id])
    if (row.snapshot !== null) await rm(join(this.options.snapshotsDir, row.snapshot), { force: true })
    return this.get(id)
  }

  /** The event's JPEG, or null when it has none (counting, a write that failed, an image already purged). */
  async snapshot(id: number): Promise<{ cameraId: string; jpeg: Buffer; width: number; height: number } | null> {
    const row = await this.options.db.get<EventRow>('SELECT * FROM analytics_events WHERE id = ?', [id])
    if (!row || row.snapshot === null) return null
    const root = resolve(this.options.snapshotsDir)
    const file = resolve(root, row.snapshot)
    if (relative(root, file).startsWith('..') || !file.startsWith(root + sep)) return null
    const size = (JSON.parse(row.payload) as Payload).snapshotSize ?? { width: 0, height: 0 }
    try {
      return { cameraId: row.camera_id, jpeg: await readFile(file), ...size }
    } catch {
      return null
    }
  }
}

/** One folder per camera and day, so a retention job can drop whole days. */
function snapshotPath(cameraId: string, at: number, id: number): string {
  const day = new Date(at).toISOString().slice(0, 10)
  return join(cameraId, day, `${id}.jpg`)
}

export function toEvent(row: EventRow): AnalyticsEvent {
  const payload = JSON.parse(row.payload) as Payload
  return AnalyticsEventSchema.parse({
    id: row.id,
    cameraId: row.camera_id,
    ruleId: row.rule_id,
    ruleKind: row.rule_kind,
    moduleId: row.module_id,
    kind: row.kind,
    alert: row.alert === 1,
    at: row.at,
    recordedAt: row.recorded_at,
    hasSnapshot: row.snapshot !== null,
    ruleName: payload.ruleName,
    priority: payload.priority,
    boxes: payload.boxes,
    trackIds: payload.trackIds,
    details: payload.details,
    model: payload.model,
    parameters: payload.parameters
  })
}
