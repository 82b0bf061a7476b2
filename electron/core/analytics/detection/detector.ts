import { performance } from 'node:perf_hooks'
import { Tensor, type InferenceSession } from 'onnxruntime-node'
import type { Detection, RgbFrame, TimedDetections } from './detection-types'
import { decodeOutputs } from './decode-outputs'
import { letterbox } from './letterbox'
import { loadLabels, loadModelManifest, type ModelManifest } from './model-manifest'
import { requireModelFile } from './model-files'
import { nonMaximumSuppression } from './nms'
import { openCpuSession, runForFloat32Outputs } from './onnx-session'

export interface DetectorOptions {
  /** Directory holding <modelId>.json, the .onnx file and the labels file. */
  modelsDir: string
  modelId: string
  /** Overrides of the manifest's defaults. */
  scoreThreshold?: number
  nmsIou?: number
  /** Threads inside one session; 1 by default because the pool runs one session per core. */
  intraOpNumThreads?: number
}

/** One ONNX object detector: frame in, boxes in frame pixels out (letterbox → run → decode → NMS). */
export class Detector {
  private constructor(
    readonly manifest: ModelManifest,
    private readonly session: InferenceSession,
    private readonly labels: readonly string[],
    private readonly scoreThreshold: number,
    private readonly nmsIou: number
  ) {}

  static async load(options: DetectorOptions): Promise<Detector> {
    const manifest = loadModelManifest(options.modelsDir, options.modelId)
    const modelPath = requireModelFile(options.modelsDir, manifest)
    const labels = loadLabels(options.modelsDir, manifest.labels)
    const session = await openCpuSession(modelPath, options.intraOpNumThreads)
    return new Detector(
      manifest,
      session,
      labels,
      options.scoreThreshold ?? manifest.thresholds.score,
      options.nmsIou ?? manifest.thresholds.nmsIou
    )
  }

  async detect(frame: RgbFrame): Promise<Detection[]> {
    return (await this.detectTimed(frame)).detections
  }

  /** The same, with the time spent in each stage. */
  async detectTimed(frame: RgbFrame): Promise<TimedDetections> {
    const started = performance.now()
    const { width, height } = this.manifest.input
    const input = letterbox(frame, width, height, this.manifest.preprocessing)
    const feeds = { [this.session.inputNames[0]]: new Tensor('float32', input.tensor, [1, 3, height, width]) }
    const preprocessed = performance.now()
    const outputs = await runForFloat32Outputs(this.session, feeds, this.manifest.id)
    const inferred = performance.now()
    const candidates = decodeOutputs(
      { outputs, inputWidth: width, inputHeight: height, placement: input.placement, labels: this.labels, scoreThreshold: this.scoreThreshold },
      this.manifest.decoding
    )
    const detections = nonMaximumSuppression(candidates, this.nmsIou)
    return {
      detections,
      timings: { preprocessMs: preprocessed - started, inferenceMs: inferred - preprocessed, postprocessMs: performance.now() - inferred }
    }
  }

  async dispose(): Promise<void> {
    await this.session.release()
  }
}
