import { Tensor, type InferenceSession } from 'onnxruntime-node'
import { requireModelFile } from '../analytics/detection/model-files'
import { openCpuSession, runForFloat32Outputs } from '../analytics/detection/onnx-session'
import { decodeOcrOutputs, type OcrRead } from './decode-plate-text'
import type { RgbFrame } from './lapi-types'
import { DEFAULT_PLATE_OCR_ID, loadPlateOcrManifest, type PlateOcrConfig, type PlateOcrManifest } from './plate-ocr-manifest'

export interface PlateOcrOptions {
  modelsDir: string
  modelId?: string
  intraOpNumThreads?: number
}

/**
 * fast-plate-ocr CCT model: rectified plate images in (RGB, the YAML's size), per-slot characters and
 * the country out. The model takes uint8 NHWC and rescales internally, so the rectified pixels are the
 * tensor as they are. Several plates of a frame go through in one batch.
 */
export class PlateOcr {
  private constructor(
    readonly manifest: PlateOcrManifest,
    readonly config: PlateOcrConfig,
    private readonly session: InferenceSession
  ) {}

  static async load(options: PlateOcrOptions): Promise<PlateOcr> {
    const { manifest, config } = loadPlateOcrManifest(options.modelsDir, options.modelId ?? DEFAULT_PLATE_OCR_ID)
    const session = await openCpuSession(requireModelFile(options.modelsDir, manifest), options.intraOpNumThreads)
    return new PlateOcr(manifest, config, session)
  }

  get inputWidth(): number {
    return this.config.img_width
  }

  get inputHeight(): number {
    return this.config.img_height
  }

  async read(plates: readonly RgbFrame[]): Promise<OcrRead[]> {
    if (plates.length === 0) return []
    const { img_width: width, img_height: height } = this.config
    const plateBytes = width * height * 3
    const batch = new Uint8Array(plates.length * plateBytes)
    for (const [index, plate] of plates.entries()) {
      if (plate.width !== width || plate.height !== height) {
        throw new RangeError(`Plate image is ${plate.width}×${plate.height}, the OCR takes ${width}×${height}: rectify it first`)
      }
      batch.set(plate.data.subarray(0, plateBytes), index * plateBytes)
    }
    const feeds = { [this.session.inputNames[0]]: new Tensor('uint8', batch, [plates.length, height, width, 3]) }
    const outputs = await runForFloat32Outputs(this.session, feeds, this.manifest.id)
    return decodeOcrOutputs(outputs, plates.length, this.config)
  }

  async dispose(): Promise<void> {
    await this.session.release()
  }
}
