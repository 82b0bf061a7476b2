import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RawOutput } from '../../../electron/core/analytics/detection/detection-types'
import { decodePlates } from '../../../electron/core/lapi/decode-plates'
import type { PlateDetection } from '../../../electron/core/lapi/lapi-types'
import { loadPlateDetectorManifest } from '../../../electron/core/lapi/plate-detector-manifest'
import { suppressPlates } from '../../../electron/core/lapi/plate-nms'
import { buildPlatePriors } from '../../../electron/core/lapi/plate-priors'

/**
 * Reference: LPD-YuNet's real outputs on fastalpr_test_image.png for every prior it scores ≥ 0.01,
 * with corners decoded independently from the models MANIFEST (fixtures/make-lpd-reference.ts).
 * The other 4371 priors are zero here (probability 0 → below any threshold), as they are in effect.
 */
interface ReferenceRow {
  prior: number
  loc: number[]
  conf: [number, number]
  iou: number
  expected: { score: number; corners: Array<[number, number]> }
}
interface Reference {
  frame: { width: number; height: number }
  priorCount: number
  priorsSample: Array<{ prior: number; value: [number, number, number, number] }>
  rows: ReferenceRow[]
}

const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'lpd-yunet-reference.json'), 'utf8')) as Reference
const manifest = loadPlateDetectorManifest(join(process.cwd(), 'models'))
const priors = buildPlatePriors(manifest.decoding.featureMaps, manifest.input.width, manifest.input.height)
const { width, height } = reference.frame

function outputs(rows: readonly ReferenceRow[]): RawOutput[] {
  const loc = new Float32Array(priors.count * 14)
  const conf = new Float32Array(priors.count * 2)
  const iou = new Float32Array(priors.count)
  for (const row of rows) {
    loc.set(row.loc, row.prior * 14)
    conf.set(row.conf, row.prior * 2)
    iou[row.prior] = row.iou
  }
  // Same order as the ONNX graph's outputs; the decoder finds them by shape anyway.
  return [
    { dims: [priors.count, 14], data: loc },
    { dims: [priors.count, 2], data: conf },
    { dims: [priors.count, 1], data: iou }
  ]
}

const decode = (rows: readonly ReferenceRow[], scoreThreshold: number, repairCorners = false): PlateDetection[] =>
  decodePlates({
    outputs: outputs(rows),
    priors,
    decoding: manifest.decoding,
    region: { x: 0, y: 0, width, height },
    frameWidth: width,
    frameHeight: height,
    scoreThreshold,
    source: { kind: 'frame' },
    repairCorners
  })

describe('LPD-YuNet priors', () => {
  it('has the 4385 priors of 30×40×3 + 15×20×2 + 7×10×2 + 3×5×3, in the MANIFEST order', () => {
    expect(priors.count).toBe(4385)
    expect(reference.priorCount).toBe(4385)
    for (const { prior, value } of reference.priorsSample) {
      expect(Array.from(priors.values.subarray(prior * 4, prior * 4 + 4))).toEqual(value.map((v) => Math.fround(v)))
    }
  })
})

describe('LPD-YuNet decoding against the real model outputs', () => {
  it('gives the reference score and four corners for every prior above the threshold', () => {
    const threshold = 0.05
    const kept = reference.rows.filter((row) => row.expected.score >= threshold)
    expect(kept.length).toBeGreaterThan(5)
    const decoded = decode(reference.rows, threshold)
    expect(decoded).toHaveLength(kept.length)
    for (const [index, row] of kept.entries()) {
      const found = decoded[index]
      expect(found.score).toBeCloseTo(row.expected.score, 5)
      found.modelCorners.forEach((corner, k) => {
        expect(corner.x).toBeCloseTo(row.expected.corners[k][0], 3)
        expect(corner.y).toBeCloseTo(row.expected.corners[k][1], 3)
      })
      // Without the repair, the corners used are the model's.
      expect(found.corners).toEqual(found.modelCorners)
    }
  })

  it('scores with sqrt(conf · iou), the iou clamped to 0..1', () => {
    const [row] = reference.rows
    const clamped = decode([{ ...row, iou: 1.7, conf: [0, 0.81] }], 0.1)
    expect(clamped[0].score).toBeCloseTo(0.9, 6)
    expect(decode([{ ...row, iou: -0.2, conf: [0, 0.99] }], 0.01)).toHaveLength(0)
  })

  it('after NMS leaves one plate, on the MANIFEST box of the Czech plate (x 307–389, y 189–208)', () => {
    const plates = suppressPlates(decode(reference.rows, manifest.thresholds.score, true), manifest.thresholds.nmsIou)
    expect(plates).toHaveLength(1)
    const { box } = plates[0]
    expect(box.x1).toBeGreaterThan(300)
    expect(box.x1).toBeLessThan(312)
    expect(box.x2).toBeGreaterThan(384)
    expect(box.x2).toBeLessThan(395)
    expect(box.y1).toBeGreaterThan(184)
    expect(box.y1).toBeLessThan(194)
    expect(box.y2).toBeGreaterThan(204)
    expect(box.y2).toBeLessThan(214)
  })

  it('maps a vehicle crop back to frame pixels: offset, then the crop’s own scale per axis', () => {
    const [row] = reference.rows
    const region = { x: 100, y: 50, width: 259, height: 165 }
    const [inCrop] = decodePlates({
      outputs: outputs([row]),
      priors,
      decoding: manifest.decoding,
      region,
      frameWidth: width,
      frameHeight: height,
      scoreThreshold: 0.001,
      source: { kind: 'vehicle', vehicleIndex: 0 },
      repairCorners: false
    })
    inCrop.modelCorners.forEach((corner, k) => {
      expect(corner.x).toBeCloseTo(100 + (row.expected.corners[k][0] / width) * region.width, 3)
      expect(corner.y).toBeCloseTo(50 + (row.expected.corners[k][1] / height) * region.height, 3)
    })
    expect(inCrop.source).toEqual({ kind: 'vehicle', vehicleIndex: 0 })
  })

  it('names the output it cannot find', () => {
    const [loc, conf] = outputs(reference.rows)
    expect(() =>
      decodePlates({
        outputs: [loc, conf],
        priors,
        decoding: manifest.decoding,
        region: { x: 0, y: 0, width, height },
        frameWidth: width,
        frameHeight: height,
        scoreThreshold: 0.5,
        source: { kind: 'frame' }
      })
    ).toThrow(/iou.*\[4385,1\]/)
  })
})
