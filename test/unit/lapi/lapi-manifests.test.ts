import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFlatYaml } from '../../../electron/core/lapi/flat-yaml'
import { loadPlateDetectorManifest, parsePlateDetectorManifest } from '../../../electron/core/lapi/plate-detector-manifest'
import { loadPlateOcrManifest, parsePlateOcrConfig } from '../../../electron/core/lapi/plate-ocr-manifest'

const MODELS_DIR = join(process.cwd(), 'models')
const lpdJson = (): Record<string, unknown> => JSON.parse(readFileSync(join(MODELS_DIR, 'lpd-yunet.json'), 'utf8')) as Record<string, unknown>
const assets = JSON.parse(readFileSync(join(process.cwd(), 'resources', 'assets.json'), 'utf8')) as {
  assets: Array<{ destination: string; sha256: string; bytes: number }>
}
const assetFor = (file: string) => assets.assets.find((asset) => asset.destination === `models/${file}`)

describe('plate detector manifest (models/lpd-yunet.json)', () => {
  it('loads, with the file’s sha256 and size as resources/assets.json has them', () => {
    const manifest = loadPlateDetectorManifest(MODELS_DIR)
    expect(manifest).toMatchObject({ id: 'lpd-yunet', task: 'plate-detection', input: { width: 320, height: 240 } })
    expect(manifest.preprocessing).toMatchObject({ channelOrder: 'bgr', resize: 'stretch', mean: [0, 0, 0], std: [1, 1, 1] })
    expect(assetFor(manifest.file)).toMatchObject({ sha256: manifest.sha256, bytes: manifest.bytes })
  })

  it('rejects unknown keys and corner columns outside the loc row', () => {
    expect(() => parsePlateDetectorManifest({ ...lpdJson(), thresholds: { score: 0.5, nmsIou: 0.3, topK: 5 } })).toThrow(/thresholds.*topK/)
    const decoding = { ...(lpdJson().decoding as Record<string, unknown>), cornerColumns: [4, 6, 10, 13] }
    expect(() => parsePlateDetectorManifest({ ...lpdJson(), decoding })).toThrow(/cornerColumns/)
  })

  it('is not an object-detector manifest: its task is checked', () => {
    expect(() => parsePlateDetectorManifest({ ...lpdJson(), task: 'detection' })).toThrow(/task/)
  })

  it('accepts only a stretched input, the one the corner decoding assumes', () => {
    const preprocessing = { ...(lpdJson().preprocessing as Record<string, unknown>), resize: 'letterbox-centred' }
    expect(() => parsePlateDetectorManifest({ ...lpdJson(), preprocessing })).toThrow(/preprocessing\.resize.*stretched/)
  })
})

describe('plate OCR manifest and its YAML config', () => {
  it('loads cct-xs-v2-global: 10 slots, 37 symbols with the pad last, 128×64 RGB, 66 regions', () => {
    const { manifest, config } = loadPlateOcrManifest(MODELS_DIR)
    expect(config).toMatchObject({ max_plate_slots: 10, pad_char: '_', img_width: 128, img_height: 64, image_color_mode: 'rgb', keep_aspect_ratio: false })
    expect(config.alphabet).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_')
    expect(config.plate_regions).toHaveLength(66)
    expect(config.plate_regions?.[21]).toBe('France')
    expect(config.plate_regions?.[65]).toBe('Unknown')
    expect(assetFor(manifest.file)).toMatchObject({ sha256: manifest.sha256, bytes: manifest.bytes })
    expect(assetFor(manifest.config.file)).toMatchObject({ sha256: manifest.config.sha256, bytes: manifest.config.bytes })
  })

  it('refuses a config whose bytes differ from the pinned sha256 (the alphabet order gives every output its meaning)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-ocr-'))
    copyFileSync(join(MODELS_DIR, 'cct-xs-v2-global.json'), join(dir, 'cct-xs-v2-global.json'))
    const yaml = readFileSync(join(MODELS_DIR, 'cct_xs_v2_global_plate_config.yaml'), 'utf8')
    writeFileSync(join(dir, 'cct_xs_v2_global_plate_config.yaml'), yaml.replace("'0123456789ABC", "'1023456789ABC"))
    expect(() => loadPlateOcrManifest(dir)).toThrow(/sha256/)
  })

  it('refuses configs this reader does not implement', () => {
    const base = "max_plate_slots: 9\nalphabet: 'AB_'\npad_char: '_'\nimg_height: 64\nimg_width: 128\ninterpolation: linear\nimage_color_mode: rgb\n"
    expect(parsePlateOcrConfig(`${base}keep_aspect_ratio: false`).max_plate_slots).toBe(9)
    expect(() => parsePlateOcrConfig(`${base}keep_aspect_ratio: true`)).toThrow(/keep_aspect_ratio/)
    expect(() => parsePlateOcrConfig(base.replace("pad_char: '_'", "pad_char: '-'") + 'keep_aspect_ratio: false')).toThrow(/pad_char/)
  })
})

describe('flat YAML reader', () => {
  it('reads scalars, quoted strings with # inside, comments and multi-line flow lists', () => {
    const parsed = parseFlatYaml("# comment\na: 10\nb: 'x # y' # trailing\nc: false\nd: [ 'A', \"B C\",\n  'D' ]\ne: plain text\nf: 1.5\n")
    expect(parsed).toEqual({ a: 10, b: 'x # y', c: false, d: ['A', 'B C', 'D'], e: 'plain text', f: 1.5 })
  })

  it('refuses what it does not understand, with the line number', () => {
    expect(() => parseFlatYaml('a:\n  b: 1')).toThrow(/line 2/)
    expect(() => parseFlatYaml('a: [1, 2')).toThrow(/never closed/)
    expect(() => parseFlatYaml('a: 1\na: 2')).toThrow(/duplicate/)
    expect(() => parseFlatYaml('- item')).toThrow(/line 1/)
    expect(() => parseFlatYaml("a: 'open")).toThrow(/unterminated/)
  })
})
