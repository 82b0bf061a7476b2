import { MAX_PLAYBACK_CAMERAS } from '../../stores/playback-store'
import { hrefFor } from '../shell/use-hash-route'

/**
 * The playback screen's address: which cameras, from which moment. « Voir l'enregistrement » in the
 * events journal links here; the same address after a reload shows the same moment again.
 *
 *   #/playback/cameras=demo-parvis,demo-entrepot&at=1767225600000
 */
export interface PlaybackTarget {
  cameraIds: string[]
  at: number | null
}

/** Seconds shown before an alert, so that one sees what led to it. */
export const ALERT_PREROLL_MS = 5_000

const CAMERA_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/

export function formatPlaybackDetail(target: PlaybackTarget): string {
  const params = new URLSearchParams()
  if (target.cameraIds.length > 0) params.set('cameras', target.cameraIds.join(','))
  if (target.at !== null) params.set('at', String(Math.round(target.at)))
  return params.toString().replace(/%2C/g, ',')
}

/** Whatever the address says that makes sense: unknown parameters and malformed ids are dropped. */
export function parsePlaybackDetail(detail: string | null): PlaybackTarget | null {
  if (!detail) return null
  const params = new URLSearchParams(detail)
  const cameraIds = [...new Set((params.get('cameras') ?? '').split(',').filter((id) => CAMERA_ID.test(id)))].slice(0, MAX_PLAYBACK_CAMERAS)
  const atText = params.get('at')
  const at = atText !== null && /^\d{1,15}$/.test(atText) ? Number(atText) : null
  if (cameraIds.length === 0 && at === null) return null
  return { cameraIds, at }
}

export function playbackHref(target: PlaybackTarget): string {
  return hrefFor('playback', formatPlaybackDetail(target))
}

/** Where « Voir l'enregistrement » leads from an alert: its camera, a few seconds before it. */
export function alertPlaybackHref(cameraId: string, at: number): string {
  return playbackHref({ cameraIds: [cameraId], at: at - ALERT_PREROLL_MS })
}
