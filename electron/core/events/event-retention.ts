import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModuleId } from '../../shared/compliance'
import { LEGAL_MAX_RETENTION_DAYS } from '../../shared/recording'
import type { Database } from '../store/database'

const DAY_MS = 24 * 60 * 60 * 1000

export interface EventRetentionOptions {
  db: Database
  snapshotsDir: string
  /** The rule pack's image retention for a module (null: no figure, the legal month applies). */
  retentionDays: (moduleId: ModuleId) => Promise<number | null>
  /** Periods of a camera under legal hold: their events are kept until the hold is released. */
  holds: () => Promise<Array<{ cameraId: string; from: number; to: number }>>
  /** Audits what was deleted, per camera and module; awaited before the rows go. */
  recordPurge: (cameraId: string, details: { moduleId: string; events: number; snapshots: number; before: number }) => Promise<void>
  now: () => number
}

/**
 * Deletes events (alerts and counts), their review and their snapshots once their module's
 * retention has passed: the rule pack's figure, never more than the legal month for images, unless
 * a legal hold covers them. Each camera's deletions are audited before they happen.
 */
export async function purgeExpiredEvents(options: EventRetentionOptions): Promise<number> {
  const { db } = options
  const holds = await options.holds()
  const groups = await db.all<{ camera_id: string; module_id: string }>('SELECT DISTINCT camera_id, module_id FROM analytics_events')
  let deleted = 0
  for (const { camera_id: cameraId, module_id: moduleId } of groups) {
    const days = Math.min((await options.retentionDays(moduleId as ModuleId)) ?? LEGAL_MAX_RETENTION_DAYS, LEGAL_MAX_RETENTION_DAYS)
    const before = options.now() - days * DAY_MS
    const candidates = await db.all<{ id: number; at: number; snapshot: string | null }>(
      'SELECT id, at, snapshot FROM analytics_events WHERE camera_id = ? AND module_id = ? AND at < ?',
      [cameraId, moduleId, before]
    )
    const expired = candidates.filter((event) => !holds.some((hold) => hold.cameraId === cameraId && event.at >= hold.from && event.at < hold.to))
    if (expired.length === 0) continue
    const snapshots = expired.flatMap((event) => (event.snapshot ? [event.snapshot] : []))
    await options.recordPurge(cameraId, { moduleId, events: expired.length, snapshots: snapshots.length, before })
    // Images first: an event row left without its image is harmless, an image without its row would never go.
    for (const snapshot of snapshots) await rm(join(options.snapshotsDir, snapshot), { force: true })
    await db.transaction((sql) => {
      for (const event of expired) {
        sql.run('DELETE FROM alert_reviews WHERE event_id = ?', [event.id])
        sql.run('DELETE FROM analytics_events WHERE id = ?', [event.id])
      }
    })
    deleted += expired.length
  }
  return deleted
}
