import { LegalHoldSchema, RecordingPolicySchema, RecordingStorageSchema, type LegalHold, type RecordedSpan, type RecordingPolicy, type RecordingStorage } from '../../shared/recording'
import type { Database } from '../store/database'
import type { PlannedSegment } from './retention-plan'

export interface SegmentRow {
  id: number
  camera_id: string
  file: string
  start_at: number
  end_at: number
  bytes: number
  complete: number
}

interface HoldRow {
  id: number
  camera_id: string
  from_at: number
  to_at: number
  reference: string
  reason: string
  created_by: string
  created_at: number
  released_by: string | null
  released_at: number | null
}

export interface Segment extends PlannedSegment {
  file: string
}

const STORAGE_KEY = 'storage'
/** Segments closer than this are one continuous span on the timeline (a restart, a keyframe late). */
const SPAN_GAP_MS = 3000

function toSegment(row: SegmentRow): Segment {
  return { id: row.id, cameraId: row.camera_id, file: row.file, startAt: row.start_at, endAt: row.end_at, bytes: row.bytes, complete: row.complete === 1 }
}

function toHold(row: HoldRow): LegalHold {
  return LegalHoldSchema.parse({
    id: row.id,
    cameraId: row.camera_id,
    from: row.from_at,
    to: row.to_at,
    reference: row.reference,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at,
    releasedBy: row.released_by,
    releasedAt: row.released_at
  })
}

/** The recording index, policies and legal holds, in SQLite. */
export class RecordingStore {
  constructor(private readonly db: Database) {}

  async openSegment(cameraId: string, file: string, startAt: number): Promise<number> {
    const { lastInsertRowid } = await this.db.run('INSERT INTO recording_segments (camera_id, file, start_at, end_at) VALUES (?, ?, ?, ?)', [
      cameraId,
      file,
      startAt,
      startAt
    ])
    return lastInsertRowid
  }

  async completeSegment(file: string, endAt: number, bytes: number): Promise<void> {
    await this.db.run('UPDATE recording_segments SET end_at = ?, bytes = ?, complete = 1 WHERE file = ?', [endAt, bytes, file])
  }

  /** Segments left open by a crash: their file is all there is to know. */
  async openSegments(): Promise<Segment[]> {
    return (await this.db.all<SegmentRow>('SELECT * FROM recording_segments WHERE complete = 0')).map(toSegment)
  }

  async allSegments(): Promise<Segment[]> {
    return (await this.db.all<SegmentRow>('SELECT * FROM recording_segments ORDER BY start_at')).map(toSegment)
  }

  /** The camera's segments overlapping [from, to), oldest first; the one being written counts as reaching `to`. */
  async segmentsBetween(cameraId: string, from: number, to: number): Promise<Segment[]> {
    const rows = await this.db.all<SegmentRow>(
      'SELECT * FROM recording_segments WHERE camera_id = ? AND start_at < ? AND (end_at > ? OR complete = 0) ORDER BY start_at',
      [cameraId, to, from]
    )
    return rows.map(toSegment)
  }

  /** Continuous stretches; the segment being written reaches `now` (its fragments are on disk as they come). */
  async spans(cameraId: string, from: number, to: number, now: number): Promise<RecordedSpan[]> {
    const spans: RecordedSpan[] = []
    const segments = await this.db.all<SegmentRow>(
      'SELECT * FROM recording_segments WHERE camera_id = ? AND start_at < ? AND (end_at > ? OR complete = 0) ORDER BY start_at',
      [cameraId, to, from]
    )
    for (const segment of segments.map(toSegment)) {
      const end = segment.complete ? segment.endAt : Math.max(segment.endAt, now)
      const last = spans.at(-1)
      if (last && segment.startAt - last.end <= SPAN_GAP_MS) last.end = Math.max(last.end, end)
      else spans.push({ start: segment.startAt, end })
    }
    return spans
  }

  async deleteSegments(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return
    await this.db.transaction((sql) => {
      for (const id of ids) sql.run('DELETE FROM recording_segments WHERE id = ?', [id])
    })
  }

  async policy(cameraId: string): Promise<RecordingPolicy> {
    const row = await this.db.get<{ policy: string }>('SELECT policy FROM recording_policies WHERE camera_id = ?', [cameraId])
    return RecordingPolicySchema.parse(row ? JSON.parse(row.policy) : {})
  }

  async setPolicy(cameraId: string, policy: RecordingPolicy): Promise<void> {
    await this.db.run(
      'INSERT INTO recording_policies (camera_id, policy) VALUES (?, ?) ON CONFLICT (camera_id) DO UPDATE SET policy = excluded.policy',
      [cameraId, JSON.stringify(policy)]
    )
  }

  async storage(): Promise<RecordingStorage> {
    const row = await this.db.get<{ value: string }>('SELECT value FROM recording_settings WHERE key = ?', [STORAGE_KEY])
    return RecordingStorageSchema.parse(row ? JSON.parse(row.value) : {})
  }

  async setStorage(storage: RecordingStorage): Promise<void> {
    await this.db.run(
      'INSERT INTO recording_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [STORAGE_KEY, JSON.stringify(storage)]
    )
  }

  async placeHold(hold: Omit<LegalHold, 'id' | 'releasedBy' | 'releasedAt'>): Promise<LegalHold> {
    const { lastInsertRowid } = await this.db.run(
      'INSERT INTO legal_holds (camera_id, from_at, to_at, reference, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [hold.cameraId, hold.from, hold.to, hold.reference, hold.reason, hold.createdBy, hold.createdAt]
    )
    return { ...hold, id: lastInsertRowid, releasedBy: null, releasedAt: null }
  }

  async releaseHold(id: number, by: string, at: number): Promise<LegalHold | null> {
    await this.db.run('UPDATE legal_holds SET released_by = ?, released_at = ? WHERE id = ? AND released_at IS NULL', [by, at, id])
    const row = await this.db.get<HoldRow>('SELECT * FROM legal_holds WHERE id = ?', [id])
    return row ? toHold(row) : null
  }

  async holds(options: { activeOnly?: boolean; cameraId?: string } = {}): Promise<LegalHold[]> {
    const where: string[] = []
    const params: string[] = []
    if (options.activeOnly) where.push('released_at IS NULL')
    if (options.cameraId) {
      where.push('camera_id = ?')
      params.push(options.cameraId)
    }
    const rows = await this.db.all<HoldRow>(`SELECT * FROM legal_holds ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC`, params)
    return rows.map(toHold)
  }
}
