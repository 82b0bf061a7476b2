import { rm, statfs } from 'node:fs/promises'
import { join } from 'node:path'
import type { RecordingAlarm, RecordingPolicy, RecordingStatus } from '../../shared/recording'
import { LEGAL_MAX_RETENTION_DAYS } from '../../shared/recording'
import type { SpawnProcess } from '../ingest/child-process-guard'
import type { RecordingStore, Segment } from './recording-store'
import { planRetention, type DeletionReason } from './retention-plan'
import { recoverOpenSegments, SegmentRecorder, type RecordedCamera } from './segment-recorder'

export interface RecordingServiceOptions {
  store: RecordingStore
  ffmpegPath: string | null
  recordingsDir: string
  /** Enabled cameras; each records unless its policy says not to. */
  cameras: () => RecordedCamera[]
  /** The rule pack's ceiling, never above the law's month (CSI L252-5). */
  maxRetentionDays?: () => number
  /** Writes the purge to the audit trail; awaited before the next purge. */
  recordPurge: (cameraId: string, details: { segments: number; bytes: number; from: number; to: number; reason: DeletionReason }) => Promise<void>
  onAlarm?: (alarm: RecordingAlarm) => void
  /** Free space of the recordings' disk, in bytes (statfs by default). */
  freeBytes?: (dir: string) => Promise<number>
  segmentSeconds?: number
  purgeIntervalMs?: number
  spawn?: SpawnProcess
  now?: () => number
  log?: (message: string) => void
}

async function diskFreeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir)
  return stats.bavail * stats.bsize
}

/**
 * Every camera's recorder, the recording index and its purge. The purge runs on a timer and
 * whenever asked: past retention first, then quotas, then free disk space, oldest first, never a
 * segment under legal hold and never the one being written; each camera's deletions are audited.
 */
export class RecordingService {
  private readonly recorders = new Map<string, { recorder: SegmentRecorder; source: string }>()
  private timer: ReturnType<typeof setInterval> | null = null
  private purging: Promise<void> | null = null
  private readonly now: () => number
  private lastAlarmKey = ''

  constructor(private readonly options: RecordingServiceOptions) {
    this.now = options.now ?? Date.now
  }

  async start(): Promise<void> {
    await recoverOpenSegments(this.options.store, this.options.recordingsDir)
    await this.sync()
    this.timer = setInterval(() => void this.purge(), this.options.purgeIntervalMs ?? 30_000)
    this.timer.unref()
    await this.purge()
  }

  /** Starts and stops recorders to match the cameras and their policies. */
  async sync(): Promise<void> {
    const wanted = new Map<string, RecordedCamera>()
    if (this.options.ffmpegPath !== null) {
      for (const camera of this.options.cameras()) if ((await this.options.store.policy(camera.id)).enabled) wanted.set(camera.id, camera)
    }
    for (const [cameraId, running] of this.recorders) {
      const camera = wanted.get(cameraId)
      if (!camera || camera.source !== running.source) {
        this.recorders.delete(cameraId)
        await running.recorder.stop()
      }
    }
    for (const [cameraId, camera] of wanted) {
      if (this.recorders.has(cameraId)) continue
      const recorder = new SegmentRecorder({
        camera,
        ffmpegPath: this.options.ffmpegPath as string,
        recordingsDir: this.options.recordingsDir,
        store: this.options.store,
        segmentSeconds: this.options.segmentSeconds,
        spawn: this.options.spawn,
        now: this.now,
        log: this.options.log
      })
      this.recorders.set(cameraId, { recorder, source: camera.source })
      recorder.start()
    }
  }

  async setPolicy(cameraId: string, policy: RecordingPolicy): Promise<void> {
    await this.options.store.setPolicy(cameraId, { ...policy, retentionDays: Math.min(policy.retentionDays, this.maxRetentionDays()) })
    await this.sync()
    await this.purge()
  }

  maxRetentionDays(): number {
    return Math.min(LEGAL_MAX_RETENTION_DAYS, this.options.maxRetentionDays?.() ?? LEGAL_MAX_RETENTION_DAYS)
  }

  async status(cameraIds: readonly string[]): Promise<RecordingStatus[]> {
    const segments = await this.options.store.allSegments()
    return Promise.all(
      cameraIds.map(async (cameraId): Promise<RecordingStatus> => {
        const mine = segments.filter((segment) => segment.cameraId === cameraId)
        const running = this.recorders.get(cameraId)
        const policy = await this.options.store.policy(cameraId)
        const state = !policy.enabled ? 'disabled' : !running ? 'stopped' : running.recorder.running ? 'recording' : 'failed'
        return {
          cameraId,
          state,
          problem: running?.recorder.problem ?? (this.options.ffmpegPath === null ? 'ffmpeg est introuvable' : null),
          bytes: mine.reduce((sum, segment) => sum + segment.bytes, 0),
          oldest: mine[0]?.startAt ?? null,
          newest: mine.at(-1)?.endAt ?? null
        }
      })
    )
  }

  /** One purge at a time; a request during a purge waits for it rather than running a second. */
  purge(): Promise<void> {
    this.purging ??= this.runPurge()
      .catch((error: unknown) => this.options.log?.(`[recording] purge failed: ${(error as Error).message}`))
      .finally(() => {
        this.purging = null
      })
    return this.purging
  }

  private async runPurge(): Promise<void> {
    const { store } = this.options
    const storage = await store.storage()
    const segments = await store.allSegments()
    const policies = new Map<string, RecordingPolicy>()
    for (const cameraId of new Set(segments.map((segment) => segment.cameraId))) policies.set(cameraId, await store.policy(cameraId))
    const free = await (this.options.freeBytes ?? diskFreeBytes)(this.options.recordingsDir).catch(() => Number.POSITIVE_INFINITY)
    const max = this.maxRetentionDays()
    const plan = planRetention({
      now: this.now(),
      segments,
      holds: (await store.holds({ activeOnly: true })).map((hold) => ({ cameraId: hold.cameraId, from: hold.from, to: hold.to })),
      retentionDays: (cameraId) => Math.min(policies.get(cameraId)?.retentionDays ?? max, max),
      quotaBytes: (cameraId) => policies.get(cameraId)?.quotaBytes ?? null,
      totalQuotaBytes: storage.totalQuotaBytes,
      diskShortBytes: Math.max(0, storage.minFreeBytes - free)
    })

    const byCamera = new Map<string, Array<{ segment: Segment; reason: DeletionReason }>>()
    for (const deletion of plan.deletions) {
      const segment = segments.find((candidate) => candidate.id === deletion.segment.id) as Segment
      byCamera.set(segment.cameraId, [...(byCamera.get(segment.cameraId) ?? []), { segment, reason: deletion.reason }])
    }
    for (const [cameraId, deletions] of byCamera) {
      // The file goes first: a row without its file is harmless, a file without its row would never be purged.
      for (const { segment } of deletions) await rm(join(this.options.recordingsDir, segment.file), { force: true })
      await store.deleteSegments(deletions.map(({ segment }) => segment.id))
      const worst = deletions.some((d) => d.reason !== 'retention') ? deletions.find((d) => d.reason !== 'retention')?.reason : 'retention'
      await this.options.recordPurge(cameraId, {
        segments: deletions.length,
        bytes: deletions.reduce((sum, d) => sum + d.segment.bytes, 0),
        from: Math.min(...deletions.map((d) => d.segment.startAt)),
        to: Math.max(...deletions.map((d) => d.segment.endAt)),
        reason: worst ?? 'retention'
      })
      if (worst && worst !== 'retention') {
        this.alarm({
          at: this.now(),
          kind: worst === 'disk-full' ? 'disk-low' : 'quota-reached',
          cameraId: worst === 'camera-quota' ? cameraId : null,
          message:
            worst === 'disk-full'
              ? 'Disque presque plein : les enregistrements les plus anciens ont été supprimés avant leur échéance.'
              : 'Quota de stockage atteint : les enregistrements les plus anciens ont été supprimés avant leur échéance.'
        })
      }
    }
    for (const pressure of plan.unrelieved) {
      this.alarm({
        at: this.now(),
        kind: pressure.reason === 'disk-full' ? 'disk-low' : 'quota-reached',
        cameraId: pressure.cameraId,
        message: 'Stockage saturé par des enregistrements sous réquisition ou en cours : aucune suppression possible, libérez de la place.'
      })
    }
  }

  private alarm(alarm: RecordingAlarm): void {
    const key = `${alarm.kind}/${alarm.cameraId ?? ''}/${alarm.message}`
    if (key !== this.lastAlarmKey) this.options.log?.(`[recording] ${alarm.message}`)
    this.lastAlarmKey = key
    this.options.onAlarm?.(alarm)
  }

  async dispose(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    await this.purging
    await Promise.all([...this.recorders.values()].map(({ recorder }) => recorder.stop()))
    this.recorders.clear()
  }
}
