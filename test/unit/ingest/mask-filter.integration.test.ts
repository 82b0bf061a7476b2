import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MaskRaster } from '../../../electron/core/analytics/frame/privacy-mask'
import { buildMaskFilter } from '../../../electron/core/ingest/mask-filter'
import { writeMaskImage } from '../../../electron/core/recording/mask-image'
import type { PrivacyMask } from '../../../electron/shared/scene'
import { ffmpegForTests } from '../../fixtures/make-clip'
import { BLACK_LUMA, CODING_NOISE, decodeLuma, maskRegions, maxAt, meanAt, meanDifferenceAt } from '../../fixtures/video-frames'

/**
 * The mask filter with real ffmpeg, on pixels, at sizes below, equal to and above the mask image's
 * 1280×720, in 16:9 and 4:3. Before encoding, every pixel a mask touches is black and every pixel
 * away from the masks is unchanged; after H.264 encoding, masked areas stay black.
 */

const MASKS: PrivacyMask[] = [
  { id: 'balcon', name: 'Balcon', polygon: [{ x: 0.55, y: 0.05 }, { x: 0.95, y: 0.1 }, { x: 0.9, y: 0.45 }, { x: 0.6, y: 0.4 }] },
  { id: 'fenetre', name: 'Fenêtre', polygon: [{ x: 0.1, y: 0.5 }, { x: 0.35, y: 0.55 }, { x: 0.2, y: 0.9 }] }
]
const FRAMES = 5
/** Masks grow outwards by at most one pixel of the mask image plus one 2×2 block: 5 pixels at 4K. */
const GROWTH = 6
/** Pixels this close to an edge are not judged after encoding: H.264 blurs edges. */
const EDGE_MARGIN = 8
/** Mean luma difference allowed between the encoded picture and the original (x264 at its default quality). */
const REENCODE_TOLERANCE = 3

let dir: string
let maskImage: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-mask-filter-'))
  maskImage = join(dir, 'mask.pgm')
  await writeMaskImage(MASKS, maskImage)
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function ffmpeg(args: readonly string[]): Buffer {
  const result = spawnSync(ffmpegForTests(), ['-hide_banner', '-loglevel', 'error', ...args], { maxBuffer: 1024 * 1024 * 1024 })
  if (result.status !== 0) throw new Error(result.stderr.toString())
  return result.stdout
}

/** The luma planes of raw yuv420p frames. */
function lumaPlanes(raw: Buffer, width: number, height: number): Uint8Array[] {
  const frameBytes = (width * height * 3) / 2
  const planes: Uint8Array[] = []
  for (let offset = 0; offset + frameBytes <= raw.length; offset += frameBytes) planes.push(raw.subarray(offset, offset + width * height))
  return planes
}

describe('mask filter on pixels', () => {
  for (const [width, height] of [[352, 288], [704, 576], [1280, 720], [1920, 1080], [3840, 2160]] as const) {
    it(`blacks out the masks of a ${width}×${height} video and leaves the rest as it was`, () => {
      const pattern = ['-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=25`]
      const masking = ['-i', maskImage, '-filter_complex', buildMaskFilter({ video: '0:v:0', mask: '1:v:0', output: 'out' }), '-map', '[out]']
      const frames = ['-frames:v', String(FRAMES)]
      const original = lumaPlanes(ffmpeg([...pattern, ...frames, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-']), width, height)
      const rawMasked = ffmpeg([...pattern, ...masking, ...frames, '-f', 'rawvideo', '-'])
      const encoded = join(dir, `masked-${width}.mp4`)
      ffmpeg([...pattern, ...masking, ...frames, '-c:v', 'libx264', '-preset', 'veryfast', '-y', encoded])

      // Before encoding: exact, to the pixel, chroma included.
      const raster = new MaskRaster(MASKS, width, height)
      const away = maskRegions(MASKS, width, height, GROWTH).outside
      const chroma = rawMasked.subarray(width * height, width * height + (width / 2) * (height / 2))
      const masked = lumaPlanes(rawMasked, width, height)
      let touched = 0
      let notBlack = 0
      for (let y = 0; y < height; y += 1) {
        for (let x = 0; x < width; x += 1) {
          if (!raster.covers(x, y)) continue
          touched += 1
          if (masked[0][y * width + x] !== BLACK_LUMA || chroma[(y >> 1) * (width / 2) + (x >> 1)] !== 128) notBlack += 1
        }
      }
      expect(touched).toBeGreaterThan(0.05 * width * height)
      expect(notBlack).toBe(0)
      for (const [index, frame] of masked.entries()) expect(meanDifferenceAt(frame, original[index], away)).toBe(0)

      // After encoding: black within coding noise deep inside, the picture elsewhere.
      const regions = maskRegions(MASKS, width, height, EDGE_MARGIN)
      const decoded = decodeLuma(encoded, width, height)
      expect(decoded).toHaveLength(FRAMES)
      for (const [index, frame] of decoded.entries()) {
        expect(meanAt(original[index], regions.inside)).toBeGreaterThan(40)
        expect(maxAt(frame, regions.inside)).toBeLessThanOrEqual(BLACK_LUMA + CODING_NOISE)
        expect(meanAt(frame, regions.inside)).toBeLessThan(BLACK_LUMA + 0.5)
        expect(meanDifferenceAt(frame, original[index], regions.outside)).toBeLessThan(REENCODE_TOLERANCE)
      }
    }, 60_000)
  }
})
