import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { PrivacyMask } from '../../shared/scene'
import { MaskRaster } from '../analytics/frame/privacy-mask'
import { writeFileAtomic } from '../fs/atomic-file'

/**
 * A camera's privacy masks as an image ffmpeg can read: a binary PGM (P5), 255 where a mask covers the
 * pixel and 0 elsewhere, rasterised by the same MaskRaster that blanks the analysis frames. The
 * display and playback streams burn it in with ingest/mask-filter.ts, which fits it to the video's
 * size; 1280×720 is fine enough for a polygon drawn on the wall, whatever the camera's resolution.
 */

export const MASK_IMAGE_WIDTH = 1280
export const MASK_IMAGE_HEIGHT = 720

const MASKED = 255

/** The PGM bytes for `masks` at the given size. */
export function encodeMaskImage(masks: readonly PrivacyMask[], width = MASK_IMAGE_WIDTH, height = MASK_IMAGE_HEIGHT): Uint8Array {
  const raster = new MaskRaster(masks, width, height)
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`)
  const image = new Uint8Array(header.length + width * height)
  image.set(header, 0)
  let offset = header.length
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (raster.covers(x, y)) image[offset] = MASKED
      offset += 1
    }
  }
  return image
}

/**
 * Writes the mask image atomically: an ffmpeg starting at that moment reads the old image or the
 * new one, never half of one (a half-written mask would leave part of a private place visible).
 */
export function writeMaskImage(
  masks: readonly PrivacyMask[],
  path: string,
  width = MASK_IMAGE_WIDTH,
  height = MASK_IMAGE_HEIGHT
): Promise<void> {
  return writeFileAtomic(path, encodeMaskImage(masks, width, height))
}

/**
 * Where a camera's mask image lives: `<dataDir>/masks/<camera>-<hash>.pgm`, or null when the camera
 * has no mask. The hash covers the polygons only (not the masks' names or ids), so renaming a mask
 * keeps the path, while any change of shape gives a new path, which restarts the camera's display
 * stream (ingest-service.ts compares the paths).
 */
export function maskImagePath(dataDir: string, cameraId: string, masks: readonly PrivacyMask[]): string | null {
  if (masks.length === 0) return null
  const geometry = JSON.stringify({
    size: [MASK_IMAGE_WIDTH, MASK_IMAGE_HEIGHT],
    polygons: masks.map((mask) => mask.polygon.map((point) => [point.x, point.y]))
  })
  const hash = createHash('sha256').update(geometry).digest('hex').slice(0, 16)
  return join(dataDir, 'masks', `${cameraId}-${hash}.pgm`)
}
