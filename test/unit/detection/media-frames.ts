import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { RgbFrame } from '../../../electron/core/analytics/detection/detection-types'

const FFMPEG = '/usr/bin/ffmpeg'
export const MEDIA_DIR = join(process.cwd(), 'resources', 'media')
export const MODELS_DIR = join(process.cwd(), 'models')

/** Frame sizes of the sample clips (see shared/media/MANIFEST.md). */
export const CLIPS = {
  storeAisle: { file: 'intel_store-aisle-detection.gif', width: 480, height: 270 },
  classroom: { file: 'intel_classroom.gif', width: 480, height: 270 },
  peopleDetection: { file: 'derived/intel_people-detection.mp4', width: 480, height: 270 },
  carDetection: { file: 'intel_car-detection.mp4', width: 768, height: 432 }
} as const

type Clip = (typeof CLIPS)[keyof typeof CLIPS]

/** Frame `index` (from 0) of a clip as raw RGB, decoded by ffmpeg. */
export function readFrame(clip: Clip, index: number): RgbFrame {
  const bytes = execFileSync(
    FFMPEG,
    ['-v', 'error', '-i', join(MEDIA_DIR, clip.file), '-vf', `select=eq(n\\,${index})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { maxBuffer: 16 * 1024 * 1024 }
  )
  const expected = clip.width * clip.height * 3
  if (bytes.length !== expected) throw new Error(`${clip.file} frame ${index}: ${bytes.length} bytes, expected ${expected}`)
  // A fresh buffer of exactly the frame, like the analysis feed's, so that it can be transferred.
  return { width: clip.width, height: clip.height, data: new Uint8Array(bytes) }
}
