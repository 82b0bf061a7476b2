import type { CameraConfig } from '../../shared/camera'

/**
 * The built-in demo site: real street and indoor clips looped as live cameras, so that a new user
 * sees a working wall before configuring anything. Shown only while no camera is configured
 * (or when forced with --demo), always labelled DÉMO, never written to the configuration file.
 *
 * The two long clips are H.264 with frequent keyframes and are remuxed like a real camera; the short
 * GIF-derived clips hold a single keyframe per loop, so they are re-encoded with a 1 s GOP to keep
 * latency low (the tile says « transcodé »).
 */
export interface DemoClip {
  id: string
  name: string
  assetPath: string
  transcode: CameraConfig['transcode']
  /** Modules asked for on this camera: they show the compliance lock at work (locked until the paperwork is done). */
  analytics: CameraConfig['analytics']
}

export const DEMO_CLIPS: readonly DemoClip[] = [
  { id: 'demo-parvis', name: 'Parvis de la mairie', assetPath: 'resources/media/intel_one-by-one-person-detection.mp4', transcode: 'auto', analytics: ['comptage-personnes', 'detection-objet-abandonne'] },
  { id: 'demo-parking', name: 'Parking du marché', assetPath: 'resources/media/intel_car-detection.mp4', transcode: 'auto', analytics: ['lapi-securite'] },
  { id: 'demo-entrepot', name: 'Entrepôt municipal', assetPath: 'resources/media/derived/intel_worker-zone-detection.mp4', transcode: 'always', analytics: [] },
  { id: 'demo-galerie', name: 'Galerie commerciale', assetPath: 'resources/media/derived/intel_store-aisle-detection.mp4', transcode: 'always', analytics: [] },
  { id: 'demo-couloir', name: 'Couloir de la médiathèque', assetPath: 'resources/media/derived/intel_face-demographics-walking.mp4', transcode: 'always', analytics: [] },
  { id: 'demo-piste', name: 'Piste cyclable', assetPath: 'resources/media/derived/intel_person-bicycle-car-detection.mp4', transcode: 'always', analytics: [] }
]

export interface DemoSite {
  cameras: CameraConfig[]
  /** Clips that could not be found, so the UI can say which asset to fetch. */
  missing: string[]
}

export function buildDemoSite(resolveAsset: (relativePath: string) => string | null): DemoSite {
  const cameras: CameraConfig[] = []
  const missing: string[] = []
  for (const clip of DEMO_CLIPS) {
    const path = resolveAsset(clip.assetPath)
    if (!path) {
      missing.push(clip.assetPath)
      continue
    }
    cameras.push({
      id: clip.id,
      name: clip.name,
      source: path,
      rtspTransport: 'tcp',
      transcode: clip.transcode,
      group: 'demo',
      enabled: true,
      analytics: clip.analytics
    })
  }
  return { cameras, missing }
}
