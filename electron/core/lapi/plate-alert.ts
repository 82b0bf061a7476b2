import { RULE_MODULE } from '../../shared/scene'
import { normaliseBox, type EventModelInfo, type PipelineEvent } from '../analytics/camera-pipeline'
import { ruleParameters } from '../analytics/scene-compiler'
import { loadPlateDetectorManifest } from './plate-detector-manifest'
import { loadPlateOcrManifest } from './plate-ocr-manifest'
import type { PlateHit } from './plate-register'
import type { PlateDecision } from './plate-stage'

/** The models behind a plate alert, as a reviewer sees them next to the alert. */
export function plateModelInfo(modelsDir: string): EventModelInfo {
  const detector = loadPlateDetectorManifest(modelsDir)
  const ocr = loadPlateOcrManifest(modelsDir).manifest
  return {
    id: `${detector.id}+${ocr.id}`,
    name: `${detector.name} + ${ocr.name}`,
    scoreThreshold: detector.thresholds.score,
    nmsIou: detector.thresholds.nmsIou
  }
}

/**
 * The alert for a plate the register flagged: a watch-list hit (security) or a parked vehicle on no
 * rights list (parking). It carries the plate as voted, the list, and how many reads agreed, so that
 * the operator checks the plate on the snapshot before acting on it. Reads that were not flagged
 * never become events.
 */
export function plateAlertEvent(cameraId: string, decision: PlateDecision, hit: PlateHit, model: EventModelInfo): PipelineEvent {
  const { rule, plate, frame } = decision
  const boxes = [decision.plateBox, ...(decision.vehicleBox ? [decision.vehicleBox] : [])].map((box) => normaliseBox(box, frame))
  return {
    cameraId,
    ruleId: rule.id,
    ruleName: rule.name,
    ruleKind: rule.kind,
    moduleId: RULE_MODULE[rule.kind],
    kind: hit.moduleId === 'lapi-securite' ? 'plate-hit' : 'parking-unpaid',
    priority: rule.priority,
    at: decision.at,
    boxes,
    trackIds: decision.trackId === null ? [] : [decision.trackId],
    details: {
      plate: plate.display,
      format: plate.format,
      ...(plate.country ? { country: plate.country } : {}),
      confidence: Math.round(plate.confidence * 100) / 100,
      agreeingReads: plate.agreeing,
      reads: plate.reads,
      list: hit.hotlistName,
      hitId: hit.id
    },
    alert: true,
    model,
    parameters: ruleParameters(rule),
    snapshot: frame
  }
}
