import type { AnalyticsEvent } from '../../shared/analytics-events'
import type { EventModelInfo, PipelineEvent } from '../analytics/camera-pipeline'
import { plateAlertEvent, plateModelInfo } from './plate-alert'
import type { LapiModuleId, PlateRegister } from './plate-register'
import type { PlateDecision } from './plate-stage'

const PURPOSE: Record<PlateDecision['rule']['kind'], LapiModuleId> = {
  'plate-watchlist': 'lapi-securite',
  'parking-control': 'lapi-stationnement'
}

/**
 * A vehicle's voted plate goes to the register, which keeps or forgets it by purpose; only a flagged
 * plate becomes an alert, linked back from the hit so that the read log can open it.
 */
export class PlateChecks {
  private model: EventModelInfo | null = null

  constructor(
    private readonly register: PlateRegister,
    private readonly storeEvent: (event: PipelineEvent) => Promise<AnalyticsEvent>,
    private readonly modelsDir: string
  ) {}

  async check(cameraId: string, decision: PlateDecision): Promise<void> {
    const { rule, plate } = decision
    const hit = await this.register.check({ cameraId, moduleId: PURPOSE[rule.kind], at: decision.at, plate: plate.text, format: plate.format, confidence: plate.confidence })
    if (!hit) return
    // Read from the manifests once a hit needs it: a site that never flags a plate never reads them.
    this.model ??= plateModelInfo(this.modelsDir)
    const stored = await this.storeEvent(plateAlertEvent(cameraId, decision, hit, this.model))
    await this.register.linkEvent(hit.id, stored.id)
  }
}
