import { performance } from 'node:perf_hooks'
import { Tensor, type InferenceSession } from 'onnxruntime-node'
import { assertRgbFrame } from '../analytics/frame/rgb-frame'
import { letterbox } from '../analytics/detection/letterbox'
import { requireModelFile } from '../analytics/detection/model-files'
import { openCpuSession, runForFloat32Outputs } from '../analytics/detection/onnx-session'
import { decodePlates, type RegionOfInterest } from './decode-plates'
import { cropFrame, expandedRegion } from './frame-crop'
import type { PixelBox, PlateDetection, PlateSource, RgbFrame } from './lapi-types'
import { DEFAULT_PLATE_DETECTOR_ID, loadPlateDetectorManifest, type PlateDetectorManifest } from './plate-detector-manifest'
import { suppressPlates, type PlateNmsOptions } from './plate-nms'
import { buildPlatePriors, type PlatePriors } from './plate-priors'

export interface PlateDetectorOptions {
  /** Directory holding <modelId>.json and the .onnx file. */
  modelsDir: string
  modelId?: string
  /** Overrides of the manifest's thresholds. */
  scoreThreshold?: number
  nmsIou?: number
  intraOpNumThreads?: number
  /** Rebuild the corners the model gets wrong (default true; false only to measure what it changes). */
  repairCorners?: boolean
  /** Average the corners of the candidates NMS merges (see suppressPlates; default true). */
  averageCorners?: boolean
}

export interface VehicleCropOptions {
  /**
   * Part of each vehicle box searched, from its bottom edge, as a fraction of its height (default
   * 0.65): plates sit on the bumpers, in the lower half of a vehicle seen from the front or the back,
   * and leaving out the roof and windscreen enlarges the plate in the 320×240 input. Measured on the
   * synthetic set (npm run bench -- lapi), the lower crop finds more plates than the whole vehicle box.
   */
  lowerFraction?: number
  /** Widening of each (lowered) vehicle box, as a fraction of its size on each side (default 0.08). */
  margin?: number
  /** Crops smaller than this (pixels, either side) are skipped: a plate there would be a few pixels wide (default 40). */
  minSide?: number
  /**
   * Crops covering more than this fraction of the frame are skipped: the whole-frame run already
   * sees that vehicle at nearly the same scale (default 0.9).
   */
  maxFrameFraction?: number
}

export interface PlateDetectionTimings {
  /** Resize and tensor preparation, all runs. */
  preprocessMs: number
  /** session.run(), all runs. */
  inferenceMs: number
  /** Decoding and NMS. */
  postprocessMs: number
  /** Model runs: 1 for the frame plus one per vehicle crop kept. */
  runs: number
}

export interface TimedPlateDetections {
  plates: PlateDetection[]
  timings: PlateDetectionTimings
}

const DEFAULT_CROP_LOWER_FRACTION = 0.65
const DEFAULT_CROP_MARGIN = 0.08
const DEFAULT_CROP_MIN_SIDE = 40
const DEFAULT_CROP_MAX_FRAME_FRACTION = 0.9

/**
 * LPD-YuNet on a frame: once on the whole frame, then once on the lower part of each vehicle box the
 * caller gives (from the object detector), because the whole frame is squeezed into 320×240 and a
 * plate narrower than about 45 input pixels is almost never found (npm run bench -- lapi), while the
 * crop enlarges it. The plates of all runs are merged by NMS.
 */
export class PlateDetector {
  private constructor(
    readonly manifest: PlateDetectorManifest,
    private readonly session: InferenceSession,
    private readonly priors: PlatePriors,
    private readonly scoreThreshold: number,
    private readonly nmsIou: number,
    private readonly repairCorners: boolean,
    private readonly averageCorners: boolean
  ) {}

  static async load(options: PlateDetectorOptions): Promise<PlateDetector> {
    const manifest = loadPlateDetectorManifest(options.modelsDir, options.modelId ?? DEFAULT_PLATE_DETECTOR_ID)
    const session = await openCpuSession(requireModelFile(options.modelsDir, manifest), options.intraOpNumThreads)
    const priors = buildPlatePriors(manifest.decoding.featureMaps, manifest.input.width, manifest.input.height)
    return new PlateDetector(
      manifest,
      session,
      priors,
      options.scoreThreshold ?? manifest.thresholds.score,
      options.nmsIou ?? manifest.thresholds.nmsIou,
      options.repairCorners ?? true,
      options.averageCorners ?? true
    )
  }

  async detectPlates(frame: RgbFrame, vehicleBoxes: readonly PixelBox[] = [], crops: VehicleCropOptions = {}): Promise<PlateDetection[]> {
    return (await this.detectPlatesTimed(frame, vehicleBoxes, crops)).plates
  }

  async detectPlatesTimed(frame: RgbFrame, vehicleBoxes: readonly PixelBox[] = [], crops: VehicleCropOptions = {}): Promise<TimedPlateDetections> {
    assertRgbFrame(frame)
    const timings: PlateDetectionTimings = { preprocessMs: 0, inferenceMs: 0, postprocessMs: 0, runs: 0 }
    const whole: RegionOfInterest = { x: 0, y: 0, width: frame.width, height: frame.height }
    const candidates = await this.runOnRegion(frame, frame, whole, { kind: 'frame' }, timings)
    const lowerFraction = crops.lowerFraction ?? DEFAULT_CROP_LOWER_FRACTION
    const margin = crops.margin ?? DEFAULT_CROP_MARGIN
    const minSide = crops.minSide ?? DEFAULT_CROP_MIN_SIDE
    const maxArea = (crops.maxFrameFraction ?? DEFAULT_CROP_MAX_FRAME_FRACTION) * frame.width * frame.height
    for (const [vehicleIndex, box] of vehicleBoxes.entries()) {
      const lower = { ...box, y1: box.y2 - (box.y2 - box.y1) * lowerFraction }
      const region = expandedRegion(lower, margin, frame.width, frame.height)
      if (!region || region.width < minSide || region.height < minSide || region.width * region.height > maxArea) continue
      const started = performance.now()
      const crop = cropFrame(frame, region)
      timings.preprocessMs += performance.now() - started
      candidates.push(...(await this.runOnRegion(frame, crop, region, { kind: 'vehicle', vehicleIndex }, timings)))
    }
    const started = performance.now()
    const plates = suppressPlates(candidates, this.nmsIou, this.nmsOptions(frame))
    timings.postprocessMs += performance.now() - started
    return { plates, timings }
  }

  async dispose(): Promise<void> {
    await this.session.release()
  }

  /** One model run on `image` (the frame itself or a crop of it at `region`); candidates of this run after its own NMS. */
  private async runOnRegion(
    frame: RgbFrame,
    image: RgbFrame,
    region: RegionOfInterest,
    source: PlateSource,
    timings: PlateDetectionTimings
  ): Promise<PlateDetection[]> {
    const { width, height } = this.manifest.input
    const started = performance.now()
    const input = letterbox(image, width, height, this.manifest.preprocessing)
    const feeds = { [this.session.inputNames[0]]: new Tensor('float32', input.tensor, [1, 3, height, width]) }
    const prepared = performance.now()
    const outputs = await runForFloat32Outputs(this.session, feeds, this.manifest.id)
    const inferred = performance.now()
    const candidates = decodePlates({
      outputs,
      priors: this.priors,
      decoding: this.manifest.decoding,
      region,
      frameWidth: frame.width,
      frameHeight: frame.height,
      scoreThreshold: this.scoreThreshold,
      source,
      repairCorners: this.repairCorners
    })
    const kept = suppressPlates(candidates, this.nmsIou, this.nmsOptions(frame))
    timings.preprocessMs += prepared - started
    timings.inferenceMs += inferred - prepared
    timings.postprocessMs += performance.now() - inferred
    timings.runs += 1
    return kept
  }

  private nmsOptions(frame: RgbFrame): PlateNmsOptions {
    return { averageCorners: this.averageCorners, frameWidth: frame.width, frameHeight: frame.height }
  }
}
