import { execFileSync } from 'node:child_process'
import { availableParallelism, cpus } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { Detector } from '../../electron/core/analytics/detection/detector'
import { intersectionOverUnion } from '../../electron/core/analytics/detection/nms'
import { resolveFfmpeg } from '../../electron/core/ingest/ffmpeg-path'
import { cornersBox } from '../../electron/core/lapi/decode-plates'
import { decodeImageFile } from '../../electron/core/lapi/image-file'
import { interpretOcrRead } from '../../electron/core/lapi/interpret-read'
import type { PixelBox, PlateCorners, PlateDetection, RgbFrame } from '../../electron/core/lapi/lapi-types'
import type { PlateReading } from '../../electron/core/lapi/interpret-read'
import { PlateDetector } from '../../electron/core/lapi/plate-detector'
import { PlateOcr } from '../../electron/core/lapi/plate-ocr'
import { PlateVoter } from '../../electron/core/lapi/plate-voter'
import { rectifyPlate } from '../../electron/core/lapi/rectify'
import { seededRandom } from '../fixtures/seeded-random'
import { randomSivText, randomSpec, renderSyntheticPlate, type SyntheticPlateSpec } from '../fixtures/synthetic-plates'

/**
 * npm run bench -- lapi [--tracks N] [--frames-per-track K] [--seed S] [--plateless-frames F] [--json]
 *
 * Licence-plate reading, stage by stage, on:
 * 1. the real plate images of shared/media (MANIFEST ground truth): the Czech 5AU5341 on a full car
 *    photo (end to end), the two fast-plate-ocr crops (OCR only: they are already plates), and every
 *    frame of the zoom clip (per frame, and voted as one track);
 * 2. synthetic French SIV plates rendered by test/fixtures/synthetic-plates.ts on the car photo, with
 *    random size, perspective, roll, blur, light, noise and zoom, grouped in tracks of K frames of one
 *    plate (as a passing vehicle gives), so that the voter is measured too.
 * For each synthetic frame: detector recall (a detection with IoU > 0.3 with the true plate, as in the
 * models MANIFEST) on the whole frame and with the NanoDet vehicle crops added; corner error of the
 * model's corners and of the rebuilt ones; exact-plate and character accuracy end to end, and of the
 * OCR alone on the true corners (to tell detector misses from OCR misreads); time per stage;
 * 3. false positives: detections and reads on frames of the Intel clips, which show no readable plate.
 * Progress goes to stderr; one JSON object is the last line of stdout.
 */

const MODELS_DIR = join(process.cwd(), 'models')
const MEDIA_DIR = join(process.cwd(), 'resources', 'media')
const VEHICLE_CLASS_IDS = new Set([2, 3, 5, 7])
const MATCH_IOU = 0.3

const progress = (message: string): void => {
  process.stderr.write(`[bench:lapi] ${message}\n`)
}
const round = (value: number, digits = 3): number => Number(value.toFixed(digits))
const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : round(part / whole))

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]
}

function timing(values: readonly number[]): { p50: number; p95: number; mean: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)
  return { p50: round(percentile(sorted, 0.5), 2), p95: round(percentile(sorted, 0.95), 2), mean: round(mean, 2) }
}

/** Edit distance, for character accuracy = 1 − distance / true length (floored at 0). */
export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]
}

const characterAccuracy = (read: string, truth: string): number => Math.max(0, 1 - levenshtein(read, truth) / truth.length)

/** Mean distance between corresponding corners, in pixels. */
function cornerError(found: PlateCorners, truth: PlateCorners): number {
  return found.reduce((sum, corner, index) => sum + Math.hypot(corner.x - truth[index].x, corner.y - truth[index].y), 0) / 4
}

interface Models {
  /** The pipeline's detector, at the manifest's threshold. */
  detector: PlateDetector
  /** The same model at the lowest threshold of the sweep, to measure recall at each threshold. */
  sweep: PlateDetector
  ocr: PlateOcr
  vehicles: Detector
}

/** Detector thresholds whose recall is reported (the manifest's is one of them). */
const THRESHOLD_SWEEP = [0.3, 0.4, 0.5] as const

interface FrameOutcome {
  foundOnFrame: boolean
  foundWithVehicles: boolean
  /** Best score of a detection matching the plate, whole frame + vehicle crops, at the sweep's threshold (0 = none). */
  sweepScore: number
  /** Detections that match no true plate (pipeline threshold, frame + vehicle crops). */
  falsePositives: number
  /** Found at the pipeline threshold on the whole frame plus 2×2 overlapping tiles (no vehicle boxes). */
  foundWithTiles: boolean
  /** The end-to-end read of the matched plate (frame + vehicle crops), null when it was not found. */
  reading: PlateReading | null
  text: string | null
  oracleText: string
  modelCornerError: number | null
  rebuiltCornerError: number | null
  /** Rebuilt corner error divided by the plate's width. */
  relativeCornerError: number | null
  detectionMs: number
  detectionWithVehiclesMs: number
  rectificationMs: number
  ocrMs: number
  /** Plate width in model-input pixels on the whole-frame run (the frame is stretched to 320). */
  plateWidthInInput: number
}

function matchTruth(plates: readonly PlateDetection[], truth: PixelBox): PlateDetection | null {
  let best: PlateDetection | null = null
  let bestIou = MATCH_IOU
  for (const plate of plates) {
    const iou = intersectionOverUnion(plate.box, truth)
    if (iou > bestIou) {
      best = plate
      bestIou = iou
    }
  }
  return best
}

interface TimedReading {
  reading: PlateReading
  rectificationMs: number
  ocrMs: number
}

async function readPlate(models: Models, frame: RgbFrame, corners: PlateCorners): Promise<TimedReading> {
  const { marginX, marginY } = models.ocr.manifest.crop
  const started = performance.now()
  const image = rectifyPlate(frame, corners, { width: models.ocr.inputWidth, height: models.ocr.inputHeight, marginX, marginY })
  const rectified = performance.now()
  const [read] = await models.ocr.read([image])
  const ocrMs = performance.now() - rectified
  return { reading: interpretOcrRead(read), rectificationMs: rectified - started, ocrMs }
}

/** Four tiles of 60 % × 60 % of the frame, overlapping by 20 %: what a caller without vehicle boxes could pass. */
function tilesOf(frame: RgbFrame): PixelBox[] {
  return [
    [0, 0],
    [0.4, 0],
    [0, 0.4],
    [0.4, 0.4]
  ].map(([x, y]) => ({ x1: x * frame.width, y1: y * frame.height, x2: (x + 0.6) * frame.width, y2: (y + 0.6) * frame.height }))
}

/** One frame with a known plate through every stage. */
async function measureFrame(models: Models, frame: RgbFrame, truthCorners: PlateCorners): Promise<FrameOutcome> {
  const truthBox = cornersBox(truthCorners, frame.width, frame.height)
  const plateWidth = Math.hypot(truthCorners[1].x - truthCorners[0].x, truthCorners[1].y - truthCorners[0].y)
  const alone = await models.detector.detectPlatesTimed(frame)
  const vehicleBoxes = (await models.vehicles.detect(frame)).filter((d) => VEHICLE_CLASS_IDS.has(d.classId))
  const withVehicles = await models.detector.detectPlatesTimed(frame, vehicleBoxes)
  const swept = await models.sweep.detectPlates(frame, vehicleBoxes)
  const tiled = await models.detector.detectPlates(frame, tilesOf(frame), { lowerFraction: 1, margin: 0, maxFrameFraction: 1 })
  const sumMs = (t: { preprocessMs: number; inferenceMs: number; postprocessMs: number }): number => t.preprocessMs + t.inferenceMs + t.postprocessMs
  const onFrame = matchTruth(alone.plates, truthBox)
  const merged = matchTruth(withVehicles.plates, truthBox)
  const oracle = await readPlate(models, frame, truthCorners)
  const read = merged ? await readPlate(models, frame, merged.corners) : null
  const rebuiltCornerError = merged ? cornerError(merged.corners, truthCorners) : null
  return {
    foundOnFrame: onFrame !== null,
    foundWithVehicles: merged !== null,
    sweepScore: matchTruth(swept, truthBox)?.score ?? 0,
    foundWithTiles: matchTruth(tiled, truthBox) !== null,
    falsePositives: withVehicles.plates.filter((plate) => plate !== merged).length,
    reading: read?.reading ?? null,
    text: read?.reading.text ?? null,
    oracleText: oracle.reading.text,
    modelCornerError: merged ? cornerError(merged.modelCorners, truthCorners) : null,
    rebuiltCornerError,
    relativeCornerError: rebuiltCornerError === null ? null : rebuiltCornerError / plateWidth,
    detectionMs: sumMs(alone.timings),
    detectionWithVehiclesMs: sumMs(withVehicles.timings),
    rectificationMs: read?.rectificationMs ?? oracle.rectificationMs,
    ocrMs: read?.ocrMs ?? oracle.ocrMs,
    plateWidthInInput: ((truthBox.x2 - truthBox.x1) * 320) / frame.width
  }
}

/** Clips with no readable plate (shared/media): every detection there is a false positive. */
const PLATELESS_CLIPS = [
  { file: 'intel_store-aisle-detection.gif', width: 480, height: 270 },
  { file: 'intel_classroom.gif', width: 480, height: 270 },
  { file: 'derived/intel_worker-zone-detection.mp4', width: 480, height: 270 },
  { file: 'derived/intel_person-bicycle-car-detection.mp4', width: 480, height: 270 },
  { file: 'intel_car-detection.mp4', width: 768, height: 432 },
  { file: 'intel_one-by-one-person-detection.mp4', width: 768, height: 432 }
] as const

async function benchPlateless(models: Models, ffmpeg: string, framesPerClip: number): Promise<Record<string, unknown>> {
  progress('plate-less clips')
  let frames = 0
  const detections: Record<string, number> = Object.fromEntries(THRESHOLD_SWEEP.map((threshold) => [String(threshold), 0]))
  const reads: string[] = []
  for (const clip of PLATELESS_CLIPS) {
    const bytes = execFileSync(
      ffmpeg,
      ['-v', 'error', '-i', join(MEDIA_DIR, clip.file), '-vf', 'select=not(mod(n\\,7))', '-vsync', '0', '-frames:v', String(framesPerClip), '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
      { maxBuffer: 1 << 30 }
    )
    const frameBytes = clip.width * clip.height * 3
    for (let offset = 0; offset + frameBytes <= bytes.length; offset += frameBytes) {
      const frame: RgbFrame = { width: clip.width, height: clip.height, data: new Uint8Array(bytes.subarray(offset, offset + frameBytes)) }
      frames += 1
      const vehicleBoxes = (await models.vehicles.detect(frame)).filter((d) => VEHICLE_CLASS_IDS.has(d.classId))
      const swept = await models.sweep.detectPlates(frame, vehicleBoxes)
      for (const threshold of THRESHOLD_SWEEP) detections[String(threshold)] += swept.filter((plate) => plate.score >= threshold).length
      for (const plate of await models.detector.detectPlates(frame, vehicleBoxes)) {
        const [read] = await models.ocr.read([
          rectifyPlate(frame, plate.corners, { width: models.ocr.inputWidth, height: models.ocr.inputHeight, ...models.ocr.manifest.crop })
        ])
        const reading = interpretOcrRead(read)
        if (reading.text) reads.push(`${clip.file}: ${reading.text} (${reading.format}, ${round(reading.confidence, 2)})`)
      }
    }
  }
  return { frames, detectionsByThreshold: detections, readsAtPipelineThreshold: reads }
}

const FASTALPR_CORNERS: PlateCorners = [
  { x: 307, y: 189 },
  { x: 389, y: 189 },
  { x: 389, y: 208 },
  { x: 307, y: 208 }
]

async function benchReal(models: Models, ffmpeg: string): Promise<Record<string, unknown>> {
  progress('real images')
  const photo = await decodeImageFile(ffmpeg, join(MEDIA_DIR, 'fastalpr_test_image.png'))
  const outcome = await measureFrame(models, photo, FASTALPR_CORNERS)
  const crops: Record<string, unknown>[] = []
  for (const [file, truth] of [
    ['fpo_test_plate_1.png', 'AD799KB'],
    ['fpo_test_plate_2.png', 'KRW301']
  ] as const) {
    const image = await decodeImageFile(ffmpeg, join(MEDIA_DIR, file))
    const whole: PlateCorners = [
      { x: 0, y: 0 },
      { x: image.width, y: 0 },
      { x: image.width, y: image.height },
      { x: 0, y: image.height }
    ]
    const [read] = await models.ocr.read([rectifyPlate(image, whole, { width: models.ocr.inputWidth, height: models.ocr.inputHeight })])
    const reading = interpretOcrRead(read)
    crops.push({ image: file, truth, read: reading.text, exact: reading.text === truth, country: reading.country, confidence: round(reading.confidence) })
  }

  progress('zoom clip')
  const width = 518
  const height = 330
  const bytes = execFileSync(ffmpeg, ['-v', 'error', '-i', join(MEDIA_DIR, 'derived', 'fastalpr_test_image_zoom.mp4'), '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 1 << 30
  })
  const frameBytes = width * height * 3
  const voter = new PlateVoter()
  let found = 0
  let exact = 0
  let exactWithModelCorners = 0
  const frames = bytes.length / frameBytes
  for (let index = 0; index < frames; index += 1) {
    const frame: RgbFrame = { width, height, data: new Uint8Array(bytes.subarray(index * frameBytes, (index + 1) * frameBytes)) }
    const plates = await models.detector.detectPlates(frame)
    if (plates.length === 0) continue
    found += 1
    const best = plates[0]
    const read = await readPlate(models, frame, best.corners)
    const raw = await readPlate(models, frame, best.modelCorners)
    if (read.reading.text === '5AU5341') exact += 1
    if (raw.reading.text === '5AU5341') exactWithModelCorners += 1
    voter.add('zoom', read.reading)
  }
  const voted = voter.result('zoom')
  return {
    fastalprTestImage: {
      truth: '5AU5341',
      found: outcome.foundOnFrame,
      read: outcome.text,
      exact: outcome.text === '5AU5341',
      modelCornerErrorPx: outcome.modelCornerError === null ? null : round(outcome.modelCornerError, 2),
      rebuiltCornerErrorPx: outcome.rebuiltCornerError === null ? null : round(outcome.rebuiltCornerError, 2)
    },
    plateCrops: crops,
    zoomClip: {
      frames,
      plateFound: found,
      exactPerFrame: exact,
      exactPerFrameWithModelCorners: exactWithModelCorners,
      voted: voted ? { text: voted.text, format: voted.format, country: voted.country, confidence: round(voted.confidence), agreeing: voted.agreeing, reads: voted.reads } : null
    }
  }
}

interface SyntheticSample {
  track: number
  spec: SyntheticPlateSpec
  outcome: FrameOutcome
}

async function benchSynthetic(models: Models, ffmpeg: string, tracks: number, framesPerTrack: number, seed: number): Promise<Record<string, unknown>> {
  const random = seededRandom(seed)
  const samples: SyntheticSample[] = []
  const voter = new PlateVoter()
  let votedExact = 0
  let renderMs = 0
  for (let track = 0; track < tracks; track += 1) {
    const text = randomSivText(random)
    const department = randomSpec(random).department
    for (let frameIndex = 0; frameIndex < framesPerTrack; frameIndex += 1) {
      const spec = { ...randomSpec(random), text, department }
      const started = performance.now()
      const sample = renderSyntheticPlate(ffmpeg, spec)
      renderMs += performance.now() - started
      const outcome = await measureFrame(models, sample.frame, sample.corners)
      samples.push({ track, spec, outcome })
      if (outcome.reading) voter.add(track, outcome.reading)
    }
    if (voter.result(track)?.text === text) votedExact += 1
    voter.forget(track)
    progress(`synthetic track ${track + 1}/${tracks}`)
  }

  const outcomes = samples.map((sample) => sample.outcome)
  const frames = outcomes.length
  const truthOf = (sample: SyntheticSample): string => sample.spec.text
  const exact = samples.filter((sample) => sample.outcome.text === truthOf(sample)).length
  const oracleExact = samples.filter((sample) => sample.outcome.oracleText === truthOf(sample)).length
  const characters = samples.reduce((sum, sample) => sum + characterAccuracy(sample.outcome.text ?? '', truthOf(sample)), 0)
  const oracleCharacters = samples.reduce((sum, sample) => sum + characterAccuracy(sample.outcome.oracleText, truthOf(sample)), 0)
  const matched = outcomes.filter((outcome) => outcome.rebuiltCornerError !== null)

  /** Recall by plate width in model-input pixels: where the detector stops finding plates. */
  const bands = [
    [0, 20],
    [20, 30],
    [30, 45],
    [45, 70],
    [70, 1000]
  ] as const
  const recallByWidth = bands.map(([low, high]) => {
    const inBand = samples.filter((sample) => sample.outcome.plateWidthInInput >= low && sample.outcome.plateWidthInInput < high)
    return {
      widthInInputPx: high === 1000 ? `≥${low}` : `${low}–${high}`,
      frames: inBand.length,
      recallWholeFrame: ratio(inBand.filter((sample) => sample.outcome.foundOnFrame).length, inBand.length),
      recallWithVehicleCrops: ratio(inBand.filter((sample) => sample.outcome.foundWithVehicles).length, inBand.length),
      recallWithTiles: ratio(inBand.filter((sample) => sample.outcome.foundWithTiles).length, inBand.length),
      exact: ratio(inBand.filter((sample) => sample.outcome.text === sample.spec.text).length, inBand.length),
      ocrOnTrueCornersExact: ratio(inBand.filter((sample) => sample.outcome.oracleText === sample.spec.text).length, inBand.length)
    }
  })
  const missesBy = (label: string, predicate: (spec: SyntheticPlateSpec) => boolean): Record<string, unknown> => {
    const subset = samples.filter((sample) => predicate(sample.spec))
    return {
      condition: label,
      frames: subset.length,
      recallWithVehicles: ratio(subset.filter((s) => s.outcome.foundWithVehicles).length, subset.length),
      exact: ratio(subset.filter((s) => s.outcome.text === s.spec.text).length, subset.length)
    }
  }
  const missed = samples
    .filter((sample) => !sample.outcome.foundWithVehicles)
    .map((sample) => ({
      text: sample.spec.text,
      widthInInputPx: round(sample.outcome.plateWidthInInput, 1),
      zoom: round(sample.spec.zoom, 2),
      rollDegrees: round(sample.spec.rollDegrees, 1),
      yaw: round(sample.spec.yaw, 2),
      blurSigma: round(sample.spec.blurSigma, 2),
      brightness: round(sample.spec.brightness, 2)
    }))
  const misread = samples
    .filter((sample) => sample.outcome.foundWithVehicles && sample.outcome.text !== sample.spec.text)
    .map((sample) => ({
      truth: sample.spec.text,
      read: sample.outcome.text,
      oracleRead: sample.outcome.oracleText,
      widthInInputPx: round(sample.outcome.plateWidthInInput, 1),
      rebuiltCornerErrorPx: round(sample.outcome.rebuiltCornerError ?? 0, 1),
      blurSigma: round(sample.spec.blurSigma, 2),
      rollDegrees: round(sample.spec.rollDegrees, 1)
    }))

  return {
    seed,
    tracks,
    framesPerTrack,
    frames,
    detectorThreshold: models.detector.manifest.thresholds.score,
    detectorRecall: {
      wholeFrame: ratio(outcomes.filter((o) => o.foundOnFrame).length, frames),
      withVehicleCrops: ratio(outcomes.filter((o) => o.foundWithVehicles).length, frames),
      withTilesInsteadOfVehicles: ratio(outcomes.filter((o) => o.foundWithTiles).length, frames),
      withVehicleCropsByThreshold: Object.fromEntries(
        THRESHOLD_SWEEP.map((threshold) => [String(threshold), ratio(outcomes.filter((o) => o.sweepScore >= threshold).length, frames)])
      )
    },
    falsePositivesPerFrame: ratio(outcomes.reduce((sum, o) => sum + o.falsePositives, 0), frames),
    exactPlateAccuracy: ratio(exact, frames),
    characterAccuracy: ratio(characters, frames),
    ocrOnTrueCorners: { exactPlateAccuracy: ratio(oracleExact, frames), characterAccuracy: ratio(oracleCharacters, frames) },
    votedTrackAccuracy: ratio(votedExact, tracks),
    cornerErrorPx: {
      model: timing(matched.map((o) => o.modelCornerError ?? 0)),
      rebuilt: timing(matched.map((o) => o.rebuiltCornerError ?? 0))
    },
    relativeCornerError: timing(matched.map((o) => o.relativeCornerError ?? 0)),
    recallByWidth,
    byCondition: [
      missesBy('blur σ ≥ 1', (spec) => spec.blurSigma >= 1),
      missesBy('blur σ < 1', (spec) => spec.blurSigma < 1),
      missesBy('|roll| ≥ 6°', (spec) => Math.abs(spec.rollDegrees) >= 6),
      missesBy('|roll| < 6°', (spec) => Math.abs(spec.rollDegrees) < 6),
      missesBy('|yaw| ≥ 0.2', (spec) => Math.abs(spec.yaw) >= 0.2),
      missesBy('brightness < −0.08', (spec) => spec.brightness < -0.08)
    ],
    missed,
    misread,
    timingsMs: {
      detectionWholeFrame: timing(outcomes.map((o) => o.detectionMs)),
      detectionWithVehicleCrops: timing(outcomes.map((o) => o.detectionWithVehiclesMs)),
      rectification: timing(outcomes.map((o) => o.rectificationMs)),
      ocr: timing(outcomes.map((o) => o.ocrMs))
    },
    renderMsPerFrame: round(renderMs / Math.max(1, frames), 1)
  }
}

export async function benchLapi(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      tracks: { type: 'string', default: '24' },
      'frames-per-track': { type: 'string', default: '5' },
      seed: { type: 'string', default: '2026' },
      'plateless-frames': { type: 'string', default: '10' },
      json: { type: 'boolean', default: false }
    }
  })
  const started = performance.now()
  const ffmpeg = resolveFfmpeg()
  const models: Models = {
    detector: await PlateDetector.load({ modelsDir: MODELS_DIR }),
    sweep: await PlateDetector.load({ modelsDir: MODELS_DIR, scoreThreshold: Math.min(...THRESHOLD_SWEEP) }),
    ocr: await PlateOcr.load({ modelsDir: MODELS_DIR }),
    vehicles: await Detector.load({ modelsDir: MODELS_DIR, modelId: 'nanodet-plus-416' })
  }
  try {
    // Warm-up: the first run of a session allocates; it would skew the p95.
    const warm = await decodeImageFile(ffmpeg.path, join(MEDIA_DIR, 'fastalpr_test_image.png'))
    for (let run = 0; run < 3; run += 1) await measureFrame(models, warm, FASTALPR_CORNERS)
    const real = await benchReal(models, ffmpeg.path)
    const synthetic = await benchSynthetic(models, ffmpeg.path, Number(values.tracks), Number(values['frames-per-track']), Number(values.seed))
    const plateless = await benchPlateless(models, ffmpeg.path, Number(values['plateless-frames']))
    return {
      bench: 'lapi',
      machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, ffmpeg: ffmpeg.source },
      models: { detector: models.detector.manifest.id, ocr: models.ocr.manifest.id, vehicles: 'nanodet-plus-416' },
      threadsPerSession: 1,
      real,
      synthetic,
      plateless,
      durationSeconds: round((performance.now() - started) / 1000, 1)
    }
  } finally {
    await Promise.all([models.detector.dispose(), models.sweep.dispose(), models.ocr.dispose(), models.vehicles.dispose()])
  }
}
