import { createHash } from 'node:crypto'
import { readdir, rm } from 'node:fs/promises'
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

/**
 * The PGM bytes for `masks` at the given size. A pixel is masked when its square touches a mask at
 * all, not only when its centre is inside (as in MaskRaster): the video may be finer than the image,
 * and one of its pixels whose centre is inside a mask may fall in an image pixel whose centre is not.
 */
export function encodeMaskImage(masks: readonly PrivacyMask[], width = MASK_IMAGE_WIDTH, height = MASK_IMAGE_HEIGHT): Uint8Array {
  const raster = new MaskRaster(masks, width, height)
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`)
  const image = new Uint8Array(header.length + width * height)
  const pixels = image.subarray(header.length)
  image.set(header, 0)
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) if (raster.covers(x, y)) pixels[y * width + x] = MASKED
  }
  // Squares crossed by an outline but whose centre is outside: the polygon's thin tips and edges.
  for (const { polygon } of masks) {
    for (let i = 0; i < polygon.length; i += 1) {
      const a = polygon[i]
      const b = polygon[(i + 1) % polygon.length]
      markSegment(pixels, width, height, a.x * width, a.y * height, b.x * width, b.y * height)
    }
  }
  return image
}

/**
 * Marks every pixel square the segment passes through (a grid traversal, Amanatides & Woo), and
 * both squares beside a pixel corner it passes exactly through. Points on the image's far edge
 * (x = width) belong to the last column.
 */
function markSegment(pixels: Uint8Array, width: number, height: number, ax: number, ay: number, bx: number, by: number): void {
  const mark = (x: number, y: number): void => {
    const column = Math.min(width - 1, Math.max(0, x))
    const row = Math.min(height - 1, Math.max(0, y))
    pixels[row * width + column] = MASKED
  }
  let x = Math.floor(ax)
  let y = Math.floor(ay)
  const endX = Math.floor(bx)
  const endY = Math.floor(by)
  const dx = bx - ax
  const dy = by - ay
  const stepX = Math.sign(dx)
  const stepY = Math.sign(dy)
  // Distance along the segment (0 to 1) to the next vertical and horizontal grid lines, and between them.
  const deltaX = stepX === 0 ? Infinity : 1 / Math.abs(dx)
  const deltaY = stepY === 0 ? Infinity : 1 / Math.abs(dy)
  let nextX = stepX > 0 ? (x + 1 - ax) / dx : stepX < 0 ? (ax - x) / -dx : Infinity
  let nextY = stepY > 0 ? (y + 1 - ay) / dy : stepY < 0 ? (ay - y) / -dy : Infinity
  mark(x, y)
  for (let steps = Math.abs(endX - x) + Math.abs(endY - y); steps > 0; steps -= 1) {
    if (nextX < nextY) {
      x += stepX
      nextX += deltaX
    } else if (nextY < nextX) {
      y += stepY
      nextY += deltaY
    } else {
      // Through a corner: the two squares beside it are touched too.
      mark(x + stepX, y)
      mark(x, y + stepY)
      x += stepX
      y += stepY
      nextX += deltaX
      nextY += deltaY
      steps -= 1
    }
    mark(x, y)
  }
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

/** Deletes a camera's mask images other than `keep` (`<camera>-<hash>.pgm` in the masks folder). */
export async function removeOtherMaskImages(dir: string, cameraId: string, keep: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  const mine = new RegExp(`^${cameraId.replace(/[^a-z0-9_-]/gu, '')}-[0-9a-f]{16}\\.pgm$`, 'u')
  await Promise.all(names.filter((name) => name !== keep && mine.test(name)).map((name) => rm(join(dir, name), { force: true })))
}
