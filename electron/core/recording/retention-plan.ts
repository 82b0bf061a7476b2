/**
 * What the purge deletes, decided without touching the disk so it can be tested exhaustively.
 *
 * In order: every segment past its camera's retention; then, while a camera is over its quota, its
 * oldest segments; then, while all cameras together are over the total quota or the disk is short
 * of free space, the oldest segments of any camera. A segment under an active legal hold is never
 * chosen, whatever the pressure: if only held footage is left, the alarm says so and nothing is deleted.
 */

export interface PlannedSegment {
  id: number
  cameraId: string
  startAt: number
  endAt: number
  bytes: number
  /** Still being written by ffmpeg: never deleted. */
  complete: boolean
}

export interface HoldWindow {
  cameraId: string
  from: number
  to: number
}

export interface RetentionInput {
  now: number
  segments: readonly PlannedSegment[]
  holds: readonly HoldWindow[]
  retentionDays: (cameraId: string) => number
  quotaBytes: (cameraId: string) => number | null
  totalQuotaBytes: number | null
  /** Bytes to free on the disk (0 when there is enough free space). */
  diskShortBytes: number
}

export type DeletionReason = 'retention' | 'camera-quota' | 'total-quota' | 'disk-full'

export interface RetentionPlan {
  deletions: Array<{ segment: PlannedSegment; reason: DeletionReason }>
  /** Pressure that could not be relieved because what is left is held or still recording. */
  unrelieved: Array<{ reason: Exclude<DeletionReason, 'retention'>; cameraId: string | null; bytes: number }>
}

const DAY_MS = 24 * 60 * 60 * 1000

export function isHeld(segment: PlannedSegment, holds: readonly HoldWindow[]): boolean {
  return holds.some((hold) => hold.cameraId === segment.cameraId && segment.startAt < hold.to && segment.endAt > hold.from)
}

export function planRetention(input: RetentionInput): RetentionPlan {
  const deletions: RetentionPlan['deletions'] = []
  const unrelieved: RetentionPlan['unrelieved'] = []
  const deletable = (segment: PlannedSegment): boolean => segment.complete && !isHeld(segment, input.holds)
  const oldestFirst = [...input.segments].sort((a, b) => a.startAt - b.startAt || a.id - b.id)
  const gone = new Set<number>()
  const remove = (segment: PlannedSegment, reason: DeletionReason): void => {
    gone.add(segment.id)
    deletions.push({ segment, reason })
  }

  for (const segment of oldestFirst) {
    if (deletable(segment) && segment.endAt <= input.now - input.retentionDays(segment.cameraId) * DAY_MS) remove(segment, 'retention')
  }

  const byCamera = new Map<string, PlannedSegment[]>()
  for (const segment of oldestFirst) byCamera.set(segment.cameraId, [...(byCamera.get(segment.cameraId) ?? []), segment])
  for (const [cameraId, segments] of byCamera) {
    const quota = input.quotaBytes(cameraId)
    if (quota === null) continue
    let used = segments.filter((s) => !gone.has(s.id)).reduce((sum, s) => sum + s.bytes, 0)
    for (const segment of segments) {
      if (used <= quota) break
      if (gone.has(segment.id) || !deletable(segment)) continue
      remove(segment, 'camera-quota')
      used -= segment.bytes
    }
    if (used > quota) unrelieved.push({ reason: 'camera-quota', cameraId, bytes: used - quota })
  }

  const left = (): PlannedSegment[] => oldestFirst.filter((s) => !gone.has(s.id))
  let total = left().reduce((sum, s) => sum + s.bytes, 0)
  let overTotal = input.totalQuotaBytes === null ? 0 : total - input.totalQuotaBytes
  let diskShort = input.diskShortBytes - deletions.reduce((sum, d) => sum + d.segment.bytes, 0)
  for (const segment of left()) {
    if (overTotal <= 0 && diskShort <= 0) break
    if (!deletable(segment)) continue
    remove(segment, overTotal > 0 ? 'total-quota' : 'disk-full')
    total -= segment.bytes
    overTotal -= segment.bytes
    diskShort -= segment.bytes
  }
  if (overTotal > 0) unrelieved.push({ reason: 'total-quota', cameraId: null, bytes: overTotal })
  if (diskShort > 0) unrelieved.push({ reason: 'disk-full', cameraId: null, bytes: diskShort })
  return { deletions, unrelieved }
}
