import { performance } from 'node:perf_hooks'
import { interpretOcrRead, type InterpretOptions, type PlateReading } from './interpret-read'
import type { PixelBox, PlateCorners, PlateSource, RgbFrame } from './lapi-types'
import { PlateDetector, type VehicleCropOptions } from './plate-detector'
import { PlateOcr } from './plate-ocr'
import { rectifyPlate } from './rectify'

export interface PlateReaderOptions {
  modelsDir: string
  detectorId?: string
  ocrId?: string
  /** Detector score threshold (default: the manifest's). */
  scoreThreshold?: number
  intraOpNumThreads?: number
  interpret?: InterpretOptions
  crops?: VehicleCropOptions
}

/** A plate found and read in a frame. */
export interface PlateResult extends PlateReading {
  /** Corners used for the rectification (TL, TR, BR, BL), in frame pixels. */
  corners: PlateCorners
  detectionScore: number
  source: PlateSource
}

/** Milliseconds per stage for one frame (all plates of the frame together). */
export interface PlateReadTimings {
  detectionMs: number
  rectificationMs: number
  ocrMs: number
  /** Detector runs: the frame plus the vehicle crops kept. */
  detectorRuns: number
}

export interface TimedPlateResults {
  plates: PlateResult[]
  timings: PlateReadTimings
}

/**
 * The whole reading of one frame: detect (frame + vehicle crops) → rectify each plate from its corners
 * → OCR all plates in one batch → format and country. Plates whose OCR text is empty (a detection on
 * something that has no characters) are dropped. Runs in the calling thread; a camera pipeline would
 * run it in a worker, like the object detector.
 */
export class PlateReader {
  private constructor(
    readonly detector: PlateDetector,
    readonly ocr: PlateOcr,
    private readonly options: PlateReaderOptions
  ) {}

  static async load(options: PlateReaderOptions): Promise<PlateReader> {
    const detector = await PlateDetector.load({
      modelsDir: options.modelsDir,
      modelId: options.detectorId,
      scoreThreshold: options.scoreThreshold,
      intraOpNumThreads: options.intraOpNumThreads
    })
    try {
      const ocr = await PlateOcr.load({ modelsDir: options.modelsDir, modelId: options.ocrId, intraOpNumThreads: options.intraOpNumThreads })
      return new PlateReader(detector, ocr, options)
    } catch (error) {
      await detector.dispose()
      throw error
    }
  }

  async read(frame: RgbFrame, vehicleBoxes: readonly PixelBox[] = []): Promise<PlateResult[]> {
    return (await this.readTimed(frame, vehicleBoxes)).plates
  }

  async readTimed(frame: RgbFrame, vehicleBoxes: readonly PixelBox[] = []): Promise<TimedPlateResults> {
    const started = performance.now()
    const detected = await this.detector.detectPlatesTimed(frame, vehicleBoxes, this.options.crops)
    const detectedAt = performance.now()
    const { marginX, marginY } = this.ocr.manifest.crop
    const rectified = detected.plates.map((plate) =>
      rectifyPlate(frame, plate.corners, { width: this.ocr.inputWidth, height: this.ocr.inputHeight, marginX, marginY })
    )
    const rectifiedAt = performance.now()
    const reads = await this.ocr.read(rectified)
    const plates: PlateResult[] = []
    for (const [index, plate] of detected.plates.entries()) {
      const reading = interpretOcrRead(reads[index], this.options.interpret)
      if (reading.text.length === 0) continue
      plates.push({ ...reading, corners: plate.corners, detectionScore: plate.score, source: plate.source })
    }
    const finished = performance.now()
    return {
      plates,
      timings: {
        detectionMs: detectedAt - started,
        rectificationMs: rectifiedAt - detectedAt,
        ocrMs: finished - rectifiedAt,
        detectorRuns: detected.timings.runs
      }
    }
  }

  /**
   * Reads an image that is already a plate crop (a snapshot cut by an operator, a test crop): no
   * detection, the whole image is the plate. The detector needs the plate's surroundings and gives
   * poor corners on a tight crop.
   */
  async readCrop(image: RgbFrame): Promise<PlateReading> {
    const corners: PlateCorners = [
      { x: 0, y: 0 },
      { x: image.width, y: 0 },
      { x: image.width, y: image.height },
      { x: 0, y: image.height }
    ]
    const plate = rectifyPlate(image, corners, { width: this.ocr.inputWidth, height: this.ocr.inputHeight })
    const [read] = await this.ocr.read([plate])
    return interpretOcrRead(read, this.options.interpret)
  }

  async dispose(): Promise<void> {
    await Promise.all([this.detector.dispose(), this.ocr.dispose()])
  }
}
