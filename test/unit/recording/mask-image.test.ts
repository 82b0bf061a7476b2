import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MaskRaster } from '../../../electron/core/analytics/frame/privacy-mask'
import {
  encodeMaskImage,
  MASK_IMAGE_HEIGHT,
  MASK_IMAGE_WIDTH,
  maskImagePath,
  writeMaskImage
} from '../../../electron/core/recording/mask-image'
import type { NormPoint, PrivacyMask } from '../../../electron/shared/scene'

const QUAD: PrivacyMask = {
  id: 'fenetres',
  name: 'Fenêtres',
  polygon: [
    { x: 0.1, y: 0.1 },
    { x: 0.6, y: 0.2 },
    { x: 0.5, y: 0.7 },
    { x: 0.15, y: 0.55 }
  ]
}

/** Splits a PGM into its header fields and pixels. */
function readPgm(bytes: Uint8Array): { magic: string; width: number; height: number; max: number; pixels: Uint8Array } {
  const text = Buffer.from(bytes.subarray(0, 32)).toString('latin1')
  const match = /^(P5)\n(\d+) (\d+)\n(\d+)\n/u.exec(text)
  if (match === null) throw new Error('not a PGM header')
  return { magic: match[1], width: Number(match[2]), height: Number(match[3]), max: Number(match[4]), pixels: bytes.subarray(match[0].length) }
}

/** A small deterministic generator, so that a failure can be replayed. */
function randomPolygons(seed: number, count: number): PrivacyMask[] {
  let state = seed
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
  return Array.from({ length: count }, (_, index) => ({
    id: `m${index}`,
    name: `Masque ${index}`,
    polygon: Array.from({ length: 3 + Math.floor(next() * 4) }, (): NormPoint => ({ x: next(), y: next() }))
  }))
}

describe('encodeMaskImage', () => {
  it('writes a binary 8-bit PGM of the requested size, 1280×720 by default', () => {
    const image = readPgm(encodeMaskImage([QUAD]))
    expect(image).toMatchObject({ magic: 'P5', width: MASK_IMAGE_WIDTH, height: MASK_IMAGE_HEIGHT, max: 255 })
    expect(image.pixels).toHaveLength(1280 * 720)
    expect(readPgm(encodeMaskImage([QUAD], 320, 180)).pixels).toHaveLength(320 * 180)
  })

  it('is 255 wherever MaskRaster covers a pixel, 0 away from the masks, and nothing else', () => {
    const [width, height] = [320, 180]
    const { pixels } = readPgm(encodeMaskImage([QUAD], width, height))
    const raster = new MaskRaster([QUAD], width, height)
    const neighbourCovered = (x: number, y: number): boolean => [-1, 0, 1].some((dy) => [-1, 0, 1].some((dx) => raster.covers(x + dx, y + dy)))
    let outline = 0
    const wrong: string[] = []
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const value = pixels[y * width + x]
        if (value !== 0 && value !== 255) wrong.push(`${x},${y}=${value}`)
        else if (raster.covers(x, y) && value !== 255) wrong.push(`${x},${y} covered but not masked`)
        else if (!raster.covers(x, y) && value === 255) {
          outline += 1
          if (!neighbourCovered(x, y)) wrong.push(`${x},${y} masked away from the mask`)
        }
      }
    }
    expect(wrong).toEqual([])
    expect(outline).toBeGreaterThan(0)
    expect(outline).toBeLessThan(0.05 * raster.coveredPixels)
  })

  it('masks every square a mask touches, so a finer video never finds a masked spot unmasked', () => {
    const [width, height] = [64, 36]
    const missed: string[] = []
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const masks = randomPolygons(seed, 3)
      const { pixels } = readPgm(encodeMaskImage(masks, width, height))
      // A video 3.17 times finer, at an odd ratio: each of its covered pixels lands in a masked square.
      const [fineWidth, fineHeight] = [203, 114]
      const fine = new MaskRaster(masks, fineWidth, fineHeight)
      for (let y = 0; y < fineHeight; y += 1) {
        for (let x = 0; x < fineWidth; x += 1) {
          if (!fine.covers(x, y)) continue
          const column = Math.floor(((x + 0.5) * width) / fineWidth)
          const row = Math.floor(((y + 0.5) * height) / fineHeight)
          if (pixels[row * width + column] !== 255) missed.push(`seed ${seed}: ${x},${y}`)
        }
      }
    }
    expect(missed).toEqual([])
  })

  it('keeps a sliver thinner than a pixel', () => {
    const sliver: PrivacyMask = { id: 'antenne', name: 'Antenne', polygon: [{ x: 0.5, y: 0.1 }, { x: 0.5005, y: 0.1 }, { x: 0.5003, y: 0.9 }] }
    expect(new MaskRaster([sliver], 320, 180).coveredPixels).toBe(0)
    const { pixels } = readPgm(encodeMaskImage([sliver], 320, 180))
    const column = Math.floor(0.5 * 320)
    for (let row = 18; row < 162; row += 1) expect(pixels[row * 320 + column]).toBe(255)
  })

  it('is all zero without masks', () => {
    expect(readPgm(encodeMaskImage([], 16, 9)).pixels.every((value) => value === 0)).toBe(true)
  })
})

describe('writeMaskImage', () => {
  it('writes the image in place of any previous one, leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-mask-image-'))
    try {
      const path = join(dir, 'masks', 'quai.pgm')
      await writeMaskImage([], path, 32, 18)
      await writeMaskImage([QUAD], path, 32, 18)
      expect(new Uint8Array(readFileSync(path))).toEqual(encodeMaskImage([QUAD], 32, 18))
      expect(readdirSync(join(dir, 'masks'))).toEqual(['quai.pgm'])
      await writeMaskImage([QUAD], path)
      expect(readPgm(new Uint8Array(readFileSync(path)))).toMatchObject({ width: 1280, height: 720 })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('maskImagePath', () => {
  it('is null for a camera without masks', () => {
    expect(maskImagePath('/data', 'quai', [])).toBeNull()
  })

  it('names the image after the camera and a hash of the polygons, under <data>/masks', () => {
    const path = maskImagePath('/data', 'quai', [QUAD])
    expect(path).toMatch(/^\/data\/masks\/quai-[0-9a-f]{16}\.pgm$/u)
    expect(maskImagePath('/data', 'quai', [{ ...QUAD }])).toBe(path)
  })

  it('changes with the shapes, not with names or ids', () => {
    const path = maskImagePath('/data', 'quai', [QUAD])
    expect(maskImagePath('/data', 'quai', [{ ...QUAD, id: 'autre', name: 'Autre nom' }])).toBe(path)
    const moved = { ...QUAD, polygon: QUAD.polygon.map((point) => ({ ...point, x: point.x / 2 })) }
    expect(maskImagePath('/data', 'quai', [moved])).not.toBe(path)
    expect(maskImagePath('/data', 'quai', [QUAD, moved])).not.toBe(path)
    expect(maskImagePath('/data', 'gare', [QUAD])).not.toBe(path)
  })
})

describe('removeOtherMaskImages', () => {
  it('keeps the current image of a camera and the other cameras’ images', async () => {
    const { mkdtemp, readdir, rm: remove, writeFile } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { removeOtherMaskImages } = await import('../../../electron/core/recording/mask-image')
    const dir = await mkdtemp(join(tmpdir(), 'vigie-masks-'))
    for (const name of ['quai-0123456789abcdef.pgm', 'quai-fedcba9876543210.pgm', 'quai-nord-0123456789abcdef.pgm', 'gare-0123456789abcdef.pgm']) {
      await writeFile(join(dir, name), '')
    }
    await removeOtherMaskImages(dir, 'quai', 'quai-fedcba9876543210.pgm')
    expect((await readdir(dir)).sort()).toEqual(['gare-0123456789abcdef.pgm', 'quai-fedcba9876543210.pgm', 'quai-nord-0123456789abcdef.pgm'])
    await remove(dir, { recursive: true, force: true })
  })
})
