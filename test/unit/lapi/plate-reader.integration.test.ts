import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Detector } from '../../../electron/core/analytics/detection/detector'
import { resolveFfmpeg } from '../../../electron/core/ingest/ffmpeg-path'
import { decodeImageFile, ImageDecodeError } from '../../../electron/core/lapi/image-file'
import type { RgbFrame } from '../../../electron/core/lapi/lapi-types'
import { PlateReader } from '../../../electron/core/lapi/plate-reader'
import { PlateVoter } from '../../../electron/core/lapi/plate-voter'
import { PLATE_CENTRE, renderSyntheticPlate } from '../../fixtures/synthetic-plates'

const MODELS_DIR = join(process.cwd(), 'models')
const MEDIA_DIR = join(process.cwd(), 'resources', 'media')
const FFMPEG = resolveFfmpeg().path
const ZOOM = { file: join(MEDIA_DIR, 'derived', 'fastalpr_test_image_zoom.mp4'), width: 518, height: 330 }

function zoomFrames(indices: readonly number[]): RgbFrame[] {
  const select = indices.map((index) => `eq(n\\,${index})`).join('+')
  const bytes = execFileSync(FFMPEG, ['-v', 'error', '-i', ZOOM.file, '-vf', `select=${select}`, '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 64 * 1024 * 1024
  })
  const size = ZOOM.width * ZOOM.height * 3
  expect(bytes.length).toBe(indices.length * size)
  return indices.map((_, k) => ({ width: ZOOM.width, height: ZOOM.height, data: new Uint8Array(bytes.subarray(k * size, (k + 1) * size)) }))
}

describe('image files decoded by ffmpeg', () => {
  it('reads PNG and JPEG to RGB at their size', async () => {
    const png = await decodeImageFile(FFMPEG, join(MEDIA_DIR, 'fastalpr_test_image.png'))
    expect([png.width, png.height, png.data.length]).toEqual([518, 331, 518 * 331 * 3])
    const jpeg = join(mkdtempSync(join(tmpdir(), 'vigie-lapi-')), 'plate.jpg')
    execFileSync(FFMPEG, ['-v', 'error', '-i', join(MEDIA_DIR, 'fpo_test_plate_2.png'), '-q:v', '2', jpeg])
    const decoded = await decodeImageFile(FFMPEG, jpeg)
    expect([decoded.width, decoded.height]).toEqual([157, 81])
  })

  it('says which file it could not read', async () => {
    await expect(decodeImageFile(FFMPEG, join(MEDIA_DIR, 'absent.png'))).rejects.toBeInstanceOf(ImageDecodeError)
    await expect(decodeImageFile(FFMPEG, join(MEDIA_DIR, 'absent.png'))).rejects.toThrow(/absent\.png/)
  })
})

describe('plate reading end to end on real images', () => {
  let reader: PlateReader
  beforeAll(async () => {
    reader = await PlateReader.load({ modelsDir: MODELS_DIR })
  })
  afterAll(() => reader.dispose())

  it('reads 5AU5341, a Czech plate, from fastalpr_test_image.png, where the MANIFEST puts it', async () => {
    const frame = await decodeImageFile(FFMPEG, join(MEDIA_DIR, 'fastalpr_test_image.png'))
    const { plates, timings } = await reader.readTimed(frame)
    expect(plates).toHaveLength(1)
    const [plate] = plates
    // Seen: 5AU5341, confidence 0.9997, Czech Republic at 0.99998, detection score 0.75.
    expect(plate).toMatchObject({ text: '5AU5341', format: 'foreign', country: 'Czech Republic' })
    expect(plate.confidence).toBeGreaterThan(0.9)
    const [tl, tr, br, bl] = plate.corners
    for (const [corner, x, y] of [
      [tl, 307, 189],
      [tr, 389, 189],
      [br, 389, 208],
      [bl, 307, 208]
    ] as const) {
      expect(Math.abs(corner.x - x)).toBeLessThan(6)
      expect(Math.abs(corner.y - y)).toBeLessThan(6)
    }
    expect(timings.detectorRuns).toBe(1)
  })

  it('finds the same single plate when the car is also given as a vehicle box', async () => {
    const frame = await decodeImageFile(FFMPEG, join(MEDIA_DIR, 'fastalpr_test_image.png'))
    const vehicles = await Detector.load({ modelsDir: MODELS_DIR, modelId: 'nanodet-plus-416' })
    try {
      const cars = (await vehicles.detect(frame)).filter((d) => d.label === 'car')
      expect(cars.length).toBeGreaterThanOrEqual(1)
      const { plates, timings } = await reader.readTimed(frame, cars)
      expect(timings.detectorRuns).toBeGreaterThan(1)
      expect(plates.map((plate) => plate.text)).toEqual(['5AU5341'])
    } finally {
      await vehicles.dispose()
    }
  })

  it('reads 5AU5341 on frames across the zoom clip, and the track vote is 5AU5341', async () => {
    const indices = [0, 25, 50, 75, 100, 125, 149]
    const voter = new PlateVoter()
    const texts: string[] = []
    for (const frame of zoomFrames(indices)) {
      const plates = await reader.read(frame)
      texts.push(plates[0]?.text ?? '')
      for (const plate of plates) voter.add('zoom', plate)
    }
    // Seen: all seven frames read exactly (148 of the 150 frames do, npm run bench -- lapi).
    expect(texts.filter((text) => text === '5AU5341').length).toBeGreaterThanOrEqual(6)
    expect(voter.result('zoom')).toMatchObject({ text: '5AU5341', format: 'foreign', country: 'Czech Republic' })
  })

  it('reads the two fast-plate-ocr crops as crops (no detection)', async () => {
    const first = await reader.readCrop(await decodeImageFile(FFMPEG, join(MEDIA_DIR, 'fpo_test_plate_1.png')))
    const second = await reader.readCrop(await decodeImageFile(FFMPEG, join(MEDIA_DIR, 'fpo_test_plate_2.png')))
    expect([first.text, second.text]).toEqual(['AD799KB', 'KRW301'])
    expect(first.country).toBe('Argentina')
  })

  it('reads a French SIV plate drawn by the benchmark’s renderer: format siv, country France', async () => {
    const sample = renderSyntheticPlate(FFMPEG, {
      text: 'GZ758AJ',
      department: '69',
      plateWidth: 150,
      centre: PLATE_CENTRE,
      yaw: 0.1,
      pitch: 0,
      rollDegrees: 3,
      blurSigma: 0.5,
      brightness: 0,
      contrast: 1,
      gamma: 1,
      noise: 0,
      zoom: 1.2
    })
    const [plate, ...others] = await reader.read(sample.frame)
    // Seen: GZ758AJ, siv, France, confidence 0.87; corners 1 to 6 px from the drawn ones.
    expect(others).toEqual([])
    expect(plate).toMatchObject({ text: 'GZ758AJ', display: 'GZ-758-AJ', format: 'siv', country: 'France' })
    plate.corners.forEach((corner, index) => {
      expect(Math.abs(corner.x - sample.corners[index].x)).toBeLessThan(8)
      expect(Math.abs(corner.y - sample.corners[index].y)).toBeLessThan(8)
    })
  })

  it('reads nothing on a frame without plates', async () => {
    const classroom = execFileSync(FFMPEG, ['-v', 'error', '-i', join(MEDIA_DIR, 'intel_classroom.gif'), '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'])
    expect(await reader.read({ width: 480, height: 270, data: new Uint8Array(classroom) })).toEqual([])
  })
})
