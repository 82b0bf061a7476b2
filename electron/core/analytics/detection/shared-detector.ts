import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { DetectorChoice, DetectorModelId } from '../../../shared/analytics-events'
import type { EventModelInfo, FrameDetector } from '../camera-pipeline'
import { DetectorPool, type DetectorPoolOptions } from './detector-pool'
import { DETECTOR_MODEL_IDS, loadModelManifest } from './model-manifest'

/**
 * The one detector pool of the app, started when the first camera needs it (not at launch: a site
 * with no module unlocked loads no model). A failed start is forgotten, so the next request tries
 * again, once the model has been fetched for instance. Switching the model closes the pool; the
 * next request starts one on the new model.
 */
export class SharedDetector {
  private starting: Promise<{ detector: FrameDetector; model: EventModelInfo }> | null = null
  private pool: DetectorPool | null = null

  constructor(private options: DetectorPoolOptions) {}

  get modelId(): string {
    return this.options.modelId
  }

  async setModel(modelId: DetectorModelId): Promise<void> {
    if (modelId === this.options.modelId) return
    await this.close()
    this.options = { ...this.options, modelId }
  }

  /** Every shipped detector, and whether its file is there to be loaded. */
  choice(): DetectorChoice {
    return {
      active: this.options.modelId as DetectorModelId,
      models: DETECTOR_MODEL_IDS.map((id) => {
        const manifest = loadModelManifest(this.options.modelsDir, id)
        return { id, name: manifest.name, licence: manifest.licence, present: existsSync(join(this.options.modelsDir, manifest.file)) }
      })
    }
  }

  get(): Promise<{ detector: FrameDetector; model: EventModelInfo }> {
    if (!this.starting) {
      this.starting = this.start()
      this.starting.catch(() => {
        this.starting = null
      })
    }
    return this.starting
  }

  private async start(): Promise<{ detector: FrameDetector; model: EventModelInfo }> {
    const manifest = loadModelManifest(this.options.modelsDir, this.options.modelId)
    // Frames stay with the pipeline after detection (background model, snapshots): copy, do not transfer.
    this.pool = await DetectorPool.start({ ...this.options, transferFrames: false })
    const model: EventModelInfo = {
      id: manifest.id,
      name: manifest.name,
      scoreThreshold: this.options.scoreThreshold ?? manifest.thresholds.score,
      nmsIou: this.options.nmsIou ?? manifest.thresholds.nmsIou
    }
    return { detector: this.pool, model }
  }

  async close(): Promise<void> {
    const starting = this.starting
    this.starting = null
    await starting?.catch(() => undefined)
    await this.pool?.close()
    this.pool = null
  }
}
