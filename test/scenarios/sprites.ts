import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { decodeFrame, ffmpegVersion, mediaDigest, writeRgbaPng } from './media'

/** A rectangle in the pixels of the decoded frame (x2/y2 exclusive). */
export interface PixelRect {
  x1: number
  y1: number
  x2: number
  y2: number
}

/**
 * A patch cut out of a real frame, to be overlaid on a background.
 *
 * - `keyed`: the person (or object) is separated from the frame by difference with a frame of the
 *   same fixed camera where they are absent (`emptyAtSeconds`), inside `region`; the result is the
 *   largest connected blob, holes filled, on a transparent background. No rectangle of foreign
 *   floor comes along, so sprites can pass in front of each other.
 * - `crop`: a plain rectangle, opaque (for an object that no frame shows absent).
 */
export type SpriteSpec =
  | {
      kind: 'keyed'
      media: string
      atSeconds: number
      emptyAtSeconds: number
      /** Size the frames are decoded at before cutting (the clips' own size). */
      frameWidth: number
      frameHeight: number
      region: PixelRect
      /** Per-channel difference (0–255) above which a pixel belongs to the patch. */
      threshold?: number
    }
  | {
      kind: 'crop'
      media: string
      atSeconds: number
      frameWidth: number
      frameHeight: number
      region: PixelRect
    }

export interface BuiltSprite {
  path: string
  width: number
  height: number
  hash: string
}

const SPRITE_VERSION = 1

export function spriteHash(spec: SpriteSpec): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: SPRITE_VERSION, spec, media: mediaDigest(spec.media), ffmpeg: ffmpegVersion() }))
    .digest('hex')
    .slice(0, 16)
}

/** Builds the sprite PNG into `dir` unless it is already there (same hash). */
export async function buildSprite(spec: SpriteSpec, dir: string): Promise<BuiltSprite> {
  const hash = spriteHash(spec)
  const path = join(dir, `sprite-${hash}.png`)
  if (existsSync(path)) return { path, hash, ...pngSize(path) }
  mkdirSync(dir, { recursive: true })
  const frame = await decodeFrame(spec.media, spec.atSeconds, spec.frameWidth, spec.frameHeight)
  const { x1, y1, x2, y2 } = clampRect(spec.region, spec.frameWidth, spec.frameHeight)
  const width = x2 - x1
  const height = y2 - y1
  let mask: Uint8Array
  if (spec.kind === 'keyed') {
    const empty = await decodeFrame(spec.media, spec.emptyAtSeconds, spec.frameWidth, spec.frameHeight)
    mask = differenceMask(frame, empty, spec.frameWidth, { x1, y1, x2, y2 }, spec.threshold ?? 32)
  } else {
    mask = new Uint8Array(width * height).fill(1)
  }
  const box = maskBounds(mask, width, height)
  if (box === null) throw new Error(`sprite from ${spec.media} @ ${spec.atSeconds}s: nothing differs from the empty frame`)
  const outWidth = box.x2 - box.x1
  const outHeight = box.y2 - box.y1
  const rgba = new Uint8Array(outWidth * outHeight * 4)
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      const mx = box.x1 + x
      const my = box.y1 + y
      const source = ((y1 + my) * spec.frameWidth + (x1 + mx)) * 3
      const target = (y * outWidth + x) * 4
      rgba[target] = frame[source]
      rgba[target + 1] = frame[source + 1]
      rgba[target + 2] = frame[source + 2]
      rgba[target + 3] = mask[my * width + mx] ? 255 : 0
    }
  }
  // Written under a private name, then renamed: a parallel build never reads a half-written file.
  const partial = join(dir, `sprite-${hash}.${process.pid}.partial.png`)
  await writeRgbaPng(partial, outWidth, outHeight, rgba)
  renameSync(partial, path)
  return { path, hash, width: outWidth, height: outHeight }
}

function clampRect(rect: PixelRect, width: number, height: number): PixelRect {
  const x1 = Math.max(0, Math.floor(rect.x1))
  const y1 = Math.max(0, Math.floor(rect.y1))
  const x2 = Math.min(width, Math.ceil(rect.x2))
  const y2 = Math.min(height, Math.ceil(rect.y2))
  if (x2 <= x1 || y2 <= y1) throw new Error(`empty sprite region ${JSON.stringify(rect)}`)
  return { x1, y1, x2, y2 }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const header = readFileSync(path).subarray(0, 24)
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) }
}

/**
 * 1 where the frame differs from the empty frame, inside the region: threshold, closing then opening
 * (3×3), largest 8-connected blob, holes filled.
 */
function differenceMask(frame: Uint8Array, empty: Uint8Array, frameWidth: number, region: PixelRect, threshold: number): Uint8Array {
  const width = region.x2 - region.x1
  const height = region.y2 - region.y1
  let mask: Uint8Array = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = ((region.y1 + y) * frameWidth + region.x1 + x) * 3
      const difference = Math.max(Math.abs(frame[i] - empty[i]), Math.abs(frame[i + 1] - empty[i + 1]), Math.abs(frame[i + 2] - empty[i + 2]))
      mask[y * width + x] = difference > threshold ? 1 : 0
    }
  }
  mask = erode(dilate(mask, width, height, 2), width, height, 2)
  mask = dilate(erode(mask, width, height, 1), width, height, 1)
  mask = largestComponent(mask, width, height)
  return fillHoles(mask, width, height)
}

function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return morph(mask, width, height, radius, 1)
}

function erode(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  return morph(mask, width, height, radius, 0)
}

/** Square structuring element; `wanted` 1 dilates (any neighbour set), 0 erodes (any neighbour clear). */
function morph(mask: Uint8Array, width: number, height: number, radius: number, wanted: 0 | 1): Uint8Array {
  const out = new Uint8Array(mask.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let hit = false
      for (let dy = -radius; dy <= radius && !hit; dy++) {
        const yy = y + dy
        if (yy < 0 || yy >= height) continue
        for (let dx = -radius; dx <= radius; dx++) {
          const xx = x + dx
          if (xx < 0 || xx >= width) continue
          if (mask[yy * width + xx] === wanted) {
            hit = true
            break
          }
        }
      }
      out[y * width + x] = wanted === 1 ? (hit ? 1 : 0) : hit ? 0 : 1
    }
  }
  return out
}

function largestComponent(mask: Uint8Array, width: number, height: number): Uint8Array {
  const label = new Int32Array(mask.length)
  const stack: number[] = []
  let best = 0
  let bestSize = 0
  let next = 0
  for (let seed = 0; seed < mask.length; seed++) {
    if (mask[seed] === 0 || label[seed] !== 0) continue
    next += 1
    let size = 0
    label[seed] = next
    stack.push(seed)
    while (stack.length > 0) {
      const index = stack.pop() as number
      size += 1
      const y = Math.floor(index / width)
      const x = index - y * width
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx
          const yy = y + dy
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue
          const neighbour = yy * width + xx
          if (mask[neighbour] === 1 && label[neighbour] === 0) {
            label[neighbour] = next
            stack.push(neighbour)
          }
        }
      }
    }
    if (size > bestSize) {
      bestSize = size
      best = next
    }
  }
  const out = new Uint8Array(mask.length)
  for (let i = 0; i < mask.length; i++) out[i] = label[i] === best && best !== 0 ? 1 : 0
  return out
}

/** Clear pixels not reachable from the border through clear pixels are holes: set them. */
function fillHoles(mask: Uint8Array, width: number, height: number): Uint8Array {
  const outside = new Uint8Array(mask.length)
  const stack: number[] = []
  const push = (index: number): void => {
    if (mask[index] === 0 && outside[index] === 0) {
      outside[index] = 1
      stack.push(index)
    }
  }
  for (let x = 0; x < width; x++) {
    push(x)
    push((height - 1) * width + x)
  }
  for (let y = 0; y < height; y++) {
    push(y * width)
    push(y * width + width - 1)
  }
  while (stack.length > 0) {
    const index = stack.pop() as number
    const y = Math.floor(index / width)
    const x = index - y * width
    if (x > 0) push(index - 1)
    if (x < width - 1) push(index + 1)
    if (y > 0) push(index - width)
    if (y < height - 1) push(index + width)
  }
  const out = new Uint8Array(mask.length)
  for (let i = 0; i < mask.length; i++) out[i] = outside[i] === 1 ? 0 : 1
  return out
}

function maskBounds(mask: Uint8Array, width: number, height: number): PixelRect | null {
  let x1 = width
  let y1 = height
  let x2 = -1
  let y2 = -1
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x] === 0) continue
      if (x < x1) x1 = x
      if (x > x2) x2 = x
      if (y < y1) y1 = y
      if (y > y2) y2 = y
    }
  }
  return x2 < 0 ? null : { x1, y1, x2: x2 + 1, y2: y2 + 1 }
}
