import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { DetectorPool } from '../../electron/core/analytics/detection/detector-pool'
import { DEFAULT_DETECTOR_MODEL_ID } from '../../electron/core/analytics/detection/model-manifest'
import type { SceneInput } from '../../electron/shared/scene'
import { mediaPath } from './media'
import { ANALYSIS_FPS, runClip, startDetectorPool, type ChainRun } from './run-scenario'

/**
 * How well the chain counts people on the real clips of resources/media: each clip runs through
 * detector → tracker → rules with one people-counting rule whose zone is the whole image, and the
 * rule's occupancy at the analysed frame nearest the reference frame is compared with the count
 * stated for that frame. The references are visual counts (shared/media/MANIFEST.md, or this file
 * where the manifest states a count without a frame), not official ground truth.
 *
 *   npx tsx test/scenarios/counting-accuracy.ts     (prints the JSON report)
 */

export interface CountingReference {
  media: string
  width: number
  height: number
  nativeFps: number
  /** Frame of the clip (from 0, at its own rate) the count refers to. */
  frame: number
  count: number
  /** Where the count comes from. */
  source: string
}

export const COUNTING_REFERENCES: CountingReference[] = [
  { media: 'intel_store-aisle-detection.gif', width: 480, height: 270, nativeFps: 15, frame: 30, count: 3, source: 'MANIFEST: "3 people (frame 30: 3 visible)"' },
  { media: 'intel_classroom.gif', width: 480, height: 270, nativeFps: 15, frame: 20, count: 4, source: 'MANIFEST: "4 seated people (frame 20: 4 visible)"' },
  {
    media: 'intel_face-demographics-walking.gif',
    width: 480,
    height: 270,
    nativeFps: 12,
    frame: 18,
    count: 2,
    source: 'MANIFEST: "2 people walk towards the camera" (both visible in every frame; frame 18 = middle of the clip)'
  },
  {
    media: 'intel_worker-zone-detection.gif',
    width: 480,
    height: 270,
    nativeFps: 15,
    frame: 35,
    count: 1,
    source: 'MANIFEST: "one worker ... walks across" (visible in every frame; frame 35 = middle of the clip)'
  },
  {
    media: 'intel_people-detection.gif',
    width: 480,
    height: 270,
    nativeFps: 12,
    frame: 4,
    count: 1,
    source: 'MANIFEST: "a person walks in at the left edge" (by inspection: small and cut by the left edge, visible in frames 0–8 only)'
  }
]

/**
 * intel_one-by-one-person-detection has no stated count per frame. What can be said honestly, by
 * looking at the frames: six different people come one at a time, and there are 0 or 1 people in
 * view at these instants (every 5 s from 2.5 s; at 92.5 s only the head of the fifth visitor,
 * coming in at the bottom edge).
 */
export const ONE_BY_ONE = {
  media: 'intel_one-by-one-person-detection.mp4',
  width: 768,
  height: 432,
  visitors: 6,
  inspected: [
    [2.5, 0], [7.5, 1], [12.5, 1], [17.5, 1], [22.5, 0], [27.5, 1], [32.5, 1], [37.5, 1], [42.5, 1], [47.5, 0],
    [52.5, 1], [57.5, 1], [62.5, 1], [67.5, 1], [72.5, 0], [77.5, 1], [82.5, 1], [87.5, 0], [92.5, 1], [97.5, 1],
    [102.5, 1], [107.5, 1], [112.5, 1], [117.5, 1], [122.5, 0], [127.5, 1], [132.5, 1], [137.5, 0]
  ] as ReadonlyArray<readonly [number, number]>
} as const

export interface CountingResult {
  media: string
  referenceFrame: number
  referenceSeconds: number
  referenceCount: number
  source: string
  /** The analysed frame (5 fps) nearest the reference frame. */
  analysedFrame: number
  analysedSeconds: number
  /** People-counting occupancy (confirmed person tracks whose ground point is in the zone). */
  occupancy: number
  /** Confirmed person tracks in that frame, wherever their ground point is. */
  personTracks: number
  /** The detector's person boxes at score ≥ 0.5 in that frame (before tracking). */
  personDetections: number
  error: number
}

export interface OneByOneResult {
  media: string
  visitorsByInspection: number
  /** Times the occupancy rose from 0: the chain's count of arrivals. */
  arrivals: number
  /** Distinct confirmed person tracks over the clip. */
  personTracks: number
  maxOccupancy: number
  instants: Array<{ atSeconds: number; inspected: number; occupancy: number }>
  /** Instants where the occupancy equals the inspected count. */
  agreeing: number
}

export interface CountingAccuracyReport {
  model: string
  analysisFps: number
  clips: CountingResult[]
  oneByOne: OneByOneResult
  /** Mean absolute error of the occupancy over `clips`. */
  meanAbsoluteError: number
}

/** The whole image as the counting zone, no line. */
export const WHOLE_IMAGE_COUNTING: SceneInput = {
  zones: [{ id: 'whole-image', name: 'Whole image', polygon: [{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }, { x: 0, y: 1 }] }],
  rules: [{ id: 'occupancy', name: 'Occupancy', kind: 'people-counting', zoneId: 'whole-image' }]
}

/** Occupancy after each analysed frame, from the counting rule's events (it reports changes only). */
function occupancyByFrame(run: ChainRun): number[] {
  const byFrame: number[] = []
  let occupancy = 0
  let next = 0
  const events = [...run.events].sort((a, b) => a.atSeconds - b.atSeconds)
  for (const frame of run.frames) {
    while (next < events.length && events[next].atSeconds <= frame.atSeconds + 1e-9) {
      const value = events[next].details['occupancy']
      if (typeof value === 'number') occupancy = value
      next += 1
    }
    byFrame.push(occupancy)
  }
  return byFrame
}

export async function measureCountingAccuracy(options: { pool?: DetectorPool; log?: (line: string) => void } = {}): Promise<CountingAccuracyReport> {
  const pool = options.pool ?? (await startDetectorPool())
  try {
    const clips: CountingResult[] = []
    for (const reference of COUNTING_REFERENCES) {
      const run = await runClip(mediaPath(reference.media), reference, WHOLE_IMAGE_COUNTING, { pool, cameraId: reference.media })
      const occupancy = occupancyByFrame(run)
      const referenceSeconds = reference.frame / reference.nativeFps
      const index = Math.min(run.frames.length - 1, Math.round(referenceSeconds * ANALYSIS_FPS))
      const frame = run.frames[index]
      clips.push({
        media: reference.media,
        referenceFrame: reference.frame,
        referenceSeconds: Math.round(referenceSeconds * 1000) / 1000,
        referenceCount: reference.count,
        source: reference.source,
        analysedFrame: index,
        analysedSeconds: frame.atSeconds,
        occupancy: occupancy[index],
        personTracks: frame.tracks['person'] ?? 0,
        personDetections: frame.personDetections,
        error: occupancy[index] - reference.count
      })
      options.log?.(`${reference.media}: occupancy ${occupancy[index]} vs ${reference.count}`)
    }

    const trackIds = new Set<number>()
    const run = await runClip(mediaPath(ONE_BY_ONE.media), ONE_BY_ONE, WHOLE_IMAGE_COUNTING, {
      pool,
      cameraId: ONE_BY_ONE.media,
      onFrame: (_record, tracks) => {
        for (const track of tracks) if (track.group === 'person') trackIds.add(track.id)
      }
    })
    const occupancy = occupancyByFrame(run)
    let arrivals = 0
    for (let i = 1; i < occupancy.length; i++) if (occupancy[i - 1] === 0 && occupancy[i] > 0) arrivals += 1
    if (occupancy[0] > 0) arrivals += 1
    const instants = ONE_BY_ONE.inspected.map(([atSeconds, inspected]) => ({
      atSeconds,
      inspected,
      occupancy: occupancy[Math.min(occupancy.length - 1, Math.round(atSeconds * ANALYSIS_FPS))]
    }))
    const oneByOne: OneByOneResult = {
      media: ONE_BY_ONE.media,
      visitorsByInspection: ONE_BY_ONE.visitors,
      arrivals,
      personTracks: trackIds.size,
      maxOccupancy: Math.max(0, ...occupancy),
      instants,
      agreeing: instants.filter((instant) => instant.occupancy === instant.inspected).length
    }
    options.log?.(`${ONE_BY_ONE.media}: ${arrivals} arrivals vs ${ONE_BY_ONE.visitors} visitors`)

    return {
      model: DEFAULT_DETECTOR_MODEL_ID,
      analysisFps: ANALYSIS_FPS,
      clips,
      oneByOne,
      meanAbsoluteError: Math.round((clips.reduce((sum, clip) => sum + Math.abs(clip.error), 0) / clips.length) * 1000) / 1000
    }
  } finally {
    if (!options.pool) await pool.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const report = await measureCountingAccuracy({ log: (line) => process.stderr.write(`[counting] ${line}\n`) })
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
}
