import type { CameraConfig } from '../../shared/camera'
import { SceneSchema, type Scene, type SceneInput } from '../../shared/scene'

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
  /** Zones, masks and rules drawn for the clip, so that an unlocked module has something to watch. */
  scene?: SceneInput
}

const rect = (x1: number, y1: number, x2: number, y2: number) => [
  { x: x1, y: y1 },
  { x: x2, y: y1 },
  { x: x2, y: y2 },
  { x: x1, y: y2 }
]

const PARVIS_SCENE: SceneInput = {
  zones: [
    { id: 'abords-table', name: 'Abords de la table', polygon: [{ x: 0.4, y: 0.55 }, { x: 0.8, y: 0.55 }, { x: 0.86, y: 0.97 }, { x: 0.34, y: 0.97 }] },
    { id: 'sol', name: 'Sol du hall', polygon: rect(0, 0.52, 1, 1) }
  ],
  masks: [{ id: 'fenetre-logement', name: 'Fenêtre d’un logement voisin', polygon: rect(0, 0, 0.16, 0.42) }],
  rules: [
    { id: 'occupation-table', name: 'Occupation des abords de la table', kind: 'people-counting', zoneId: 'abords-table' },
    { id: 'bagage-oublie', name: 'Bagage oublié dans le hall', kind: 'object-left', zoneId: 'sol', priority: 'high', stationarySeconds: 30 }
  ]
}

const ENTREPOT_SCENE: SceneInput = {
  zones: [{ id: 'allee-machines', name: 'Allée des machines', polygon: [{ x: 0.47, y: 0.55 }, { x: 1, y: 0.45 }, { x: 1, y: 1 }, { x: 0.32, y: 1 }] }],
  rules: [{ id: 'intrusion-allee', name: 'Intrusion dans l’allée des machines', kind: 'intrusion', zoneId: 'allee-machines', priority: 'high', minDwellSeconds: 1 }]
}

const GALERIE_SCENE: SceneInput = {
  zones: [{ id: 'allee-centrale', name: 'Allée centrale', polygon: [{ x: 0.2, y: 0.45 }, { x: 0.8, y: 0.45 }, { x: 0.92, y: 1 }, { x: 0.08, y: 1 }], groundAreaM2: 12 }],
  rules: [{ id: 'densite-allee', name: 'Densité dans l’allée centrale', kind: 'crowd-density', zoneId: 'allee-centrale', thresholds: { low: 0.15, high: 0.3 } }]
}

/** Watch-list reading over the car park: forbidden to a commune, it shows the lock refusing it. */
const PARKING_SCENE: SceneInput = {
  rules: [{ id: 'plaques-signalees', name: 'Plaques signalées', kind: 'plate-watchlist', priority: 'high' }]
}

/** Paid-parking pre-control on a parked car: once unlocked, and with a rights list imported, it flags the car for an agent. */
const STATIONNEMENT_SCENE: SceneInput = {
  rules: [{ id: 'controle-stationnement', name: 'Contrôle du stationnement payant', kind: 'parking-control', minConfidence: 0.8, minReads: 2 }]
}

export const DEMO_CLIPS: readonly DemoClip[] = [
  { id: 'demo-parvis', name: 'Parvis de la mairie', assetPath: 'resources/media/intel_one-by-one-person-detection.mp4', transcode: 'auto', analytics: ['comptage-personnes', 'detection-objet-abandonne'], scene: PARVIS_SCENE },
  { id: 'demo-parking', name: 'Parking du marché', assetPath: 'resources/media/intel_car-detection.mp4', transcode: 'auto', analytics: ['lapi-securite'], scene: PARKING_SCENE },
  { id: 'demo-entrepot', name: 'Entrepôt municipal', assetPath: 'resources/media/derived/intel_worker-zone-detection.mp4', transcode: 'always', analytics: ['detection-intrusion'], scene: ENTREPOT_SCENE },
  { id: 'demo-galerie', name: 'Galerie commerciale', assetPath: 'resources/media/derived/intel_store-aisle-detection.mp4', transcode: 'always', analytics: ['foule-alertes'], scene: GALERIE_SCENE },
  { id: 'demo-couloir', name: 'Couloir de la médiathèque', assetPath: 'resources/media/derived/intel_face-demographics-walking.mp4', transcode: 'always', analytics: [] },
  { id: 'demo-piste', name: 'Piste cyclable', assetPath: 'resources/media/derived/intel_person-bicycle-car-detection.mp4', transcode: 'always', analytics: [] },
  { id: 'demo-stationnement', name: 'Rue du Marché, stationnement payant', assetPath: 'resources/media/derived/fastalpr_test_image_zoom.mp4', transcode: 'always', analytics: ['lapi-stationnement'], scene: STATIONNEMENT_SCENE }
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

/** The demo camera's own scene, until someone saves another. */
export function demoScene(cameraId: string): Scene | undefined {
  const clip = DEMO_CLIPS.find((candidate) => candidate.id === cameraId)
  return clip?.scene ? SceneSchema.parse(clip.scene) : undefined
}
