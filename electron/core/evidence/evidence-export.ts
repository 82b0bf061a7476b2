import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Alert } from '../../shared/alerts'
import type { Segment } from '../recording/recording-store'
import { exportEvidenceClip } from './evidence-clip'
import type { EvidenceKey } from './evidence-key'
import { signExport, type EvidenceManifest } from './evidence-manifest'

/** Seconds of recording kept before and after the alert's moment. */
export const EVIDENCE_PRE_ROLL_MS = 10_000
export const EVIDENCE_POST_ROLL_MS = 10_000

export interface AlertEvidenceOptions {
  alert: Alert
  reason: string
  actor: string
  workstation: string
  installation: string
  exportsDir: string
  ffmpegPath: string | null
  recordingsDir: string
  segments: (from: number, to: number) => Promise<Segment[]>
  snapshot: () => Promise<Buffer | null>
  maskImage: string | null
  key: EvidenceKey
  now: number
}

/**
 * The evidence of a confirmed alert, in one folder: the clip around it (masks and watermark burned
 * in), its snapshot, the alert's record, and a signed manifest of all of them. What could not be
 * included (no recording over the period) is said in alert.json rather than silently missing.
 */
export async function exportAlertEvidence(options: AlertEvidenceOptions): Promise<{ folder: string; manifest: EvidenceManifest }> {
  const { alert } = options
  const stamp = new Date(options.now).toISOString().replaceAll(':', '-').replace(/\.\d+Z$/u, 'Z')
  const folder = join(options.exportsDir, `${stamp}-alerte-${alert.id}`)
  await mkdir(folder, { recursive: true, mode: 0o700 })
  const from = alert.at - EVIDENCE_PRE_ROLL_MS
  const to = alert.at + EVIDENCE_POST_ROLL_MS
  let clip: { start: number; end: number } | { missing: string } = { missing: 'ffmpeg est introuvable' }
  if (options.ffmpegPath !== null) {
    const watermark = `Vigie — ${options.installation} — export de ${options.actor} (${options.workstation}) le ${new Date(options.now).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })} — alerte n° ${alert.id}`
    clip = await exportEvidenceClip({
      ffmpegPath: options.ffmpegPath,
      recordingsDir: options.recordingsDir,
      // The segment being written holds video up to now: a clip asked for soon after the alert has a shorter post-roll.
      segments: (await options.segments(from, to)).map((segment) => (segment.complete ? segment : { ...segment, endAt: Math.max(segment.endAt, options.now) })),
      from,
      to,
      maskImage: options.maskImage,
      watermark,
      output: join(folder, 'clip.mp4')
    }).catch((error: unknown) => ({ missing: (error as Error).message }))
  }
  const snapshot = await options.snapshot()
  if (snapshot) await writeFile(join(folder, 'snapshot.jpg'), snapshot)
  const record = { alert, clip, masked: options.maskImage !== null, exportedBy: options.actor, workstation: options.workstation, reason: options.reason }
  await writeFile(join(folder, 'alert.json'), `${JSON.stringify(record, null, 2)}\n`)
  const manifest = await signExport(folder, options.key, {
    createdAt: new Date(options.now).toISOString(),
    installation: options.installation,
    operator: options.actor,
    workstation: options.workstation,
    reason: options.reason,
    subject: { alert: alert.id, camera: alert.cameraId, rule: alert.ruleId, at: alert.at, decidedBy: alert.decidedBy }
  })
  return { folder, manifest }
}
