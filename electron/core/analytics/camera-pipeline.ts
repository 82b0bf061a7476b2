import { performance } from 'node:perf_hooks'
import type { AnalyticsOverlay, EventKind } from '../../shared/analytics-events'
import type { ModuleId } from '../../shared/compliance'
import { PlateStage, type PlateDecision, type PlateRule } from '../lapi/plate-stage'
import type { FramePlateReader } from '../lapi/shared-plate-reader'
import { COUNTS_ONLY_KINDS, PLATE_RULE_KINDS, RULE_MODULE, type AlertPriority, type NormBox, type RuleKind, type Scene, type SceneRule } from '../../shared/scene'
import type { AnalysisFrame } from './analysis-feed'
import type { DetectionTimings, RgbFrame, TimedDetections } from './detection/detection-types'
import { BackgroundModel } from './frame/background-model'
import { MotionGate, type MotionGateOptions } from './frame/motion-gate'
import { MaskRaster } from './frame/privacy-mask'
import { RuleEngine } from './rules/rule-engine'
import type { EventDetails, RuleEvent } from './rules/rule-event'
import { compileScene, ruleParameters } from './scene-compiler'
import { MultiObjectTracker, type TrackerOptions } from './tracking/multi-object-tracker'
import type { Box, Detection, TrackSnapshot } from './tracking/types'

/** What runs the detector for the pipeline: the shared worker pool in the app, anything alike in tests. */
export interface FrameDetector {
  detectTimed(cameraId: string, frame: RgbFrame): Promise<TimedDetections>
}

export interface EventModelInfo {
  id: string
  name: string
  scoreThreshold: number
  nmsIou: number
}

/** A rule's event as the pipeline hands it on: ready to store, with the masked frame when an image may be kept. */
export interface PipelineEvent {
  cameraId: string
  ruleId: string
  ruleName: string
  ruleKind: RuleKind
  moduleId: ModuleId
  kind: EventKind
  priority: AlertPriority
  at: number
  boxes: NormBox[]
  trackIds: number[]
  details: EventDetails
  alert: boolean
  model: EventModelInfo
  parameters: Record<string, unknown>
  /** The analysed frame with privacy masks applied; null when the rule keeps counts only. */
  snapshot: RgbFrame | null
}

/** Where one frame's time went, in milliseconds (detector stages are zero on a still frame). */
export interface FrameTimings extends DetectionTimings {
  maskMs: number
  gateMs: number
  trackingMs: number
  rulesMs: number
}

export interface CameraPipelineOptions {
  cameraId: string
  detector: FrameDetector
  model: EventModelInfo
  scene: Scene
  /** Modules the compliance lock allows on this camera now; the rules of any other module are not compiled. */
  allowedModules: ReadonlySet<ModuleId>
  /** Modules whose rule-pack limits keep counts only: their events carry no image, box or track. */
  countsOnlyModules?: ReadonlySet<ModuleId>
  onEvent: (event: PipelineEvent) => void
  onOverlay?: (overlay: AnalyticsOverlay) => void
  onTimings?: (timings: FrameTimings) => void
  /** Set to false to run the detector on every frame (evaluation). */
  motionGating?: boolean
  motion?: MotionGateOptions
  tracker?: Partial<TrackerOptions>
  /** Reads the plates of vehicle tracks for the camera's plate rules (LAPI); without it, plate rules do not run. */
  plates?: PipelinePlates
}

export interface PipelinePlates {
  reader: FramePlateReader
  onDecision: (decision: PlateDecision) => void
  onError?: (error: Error) => void
}

interface Compiled {
  width: number
  height: number
  masks: MaskRaster
  engine: RuleEngine
  background: BackgroundModel | null
  rules: Map<string, SceneRule>
}

const ZERO_DETECTOR_TIMINGS: DetectionTimings = { preprocessMs: 0, inferenceMs: 0, postprocessMs: 0 }

/**
 * One camera's analytics, frame by frame: privacy masks → motion gate → detector → tracker → rules,
 * and, beside the rules, the plate reader on vehicle tracks when a plate rule runs (lapi/plate-stage.ts).
 *
 * Masks are applied first, in place, so that nothing downstream (detector, snapshots) ever sees the
 * hidden pixels. A frame the motion gate judges still reuses the previous detections: the detector
 * would return the same boxes, and the tracker and the dwell timers still advance. Frames offered
 * while one is being processed are dropped rather than queued, so an event is never reported late
 * because of a backlog.
 */
export class CameraPipeline {
  private readonly tracker: MultiObjectTracker
  private gate: MotionGate | null
  private compiled: Compiled | null = null
  private scene: Scene
  private allowedModules: ReadonlySet<ModuleId>
  private countsOnlyModules: ReadonlySet<ModuleId>
  private lastDetections: Detection[] = []
  private readonly counts = new Map<string, { in: number; out: number; occupancy: number }>()
  private busy = false
  private readonly plateStage: PlateStage | null
  readonly stats = { offered: 0, processed: 0, detected: 0, still: 0, dropped: 0, failed: 0 }

  constructor(private readonly options: CameraPipelineOptions) {
    this.tracker = new MultiObjectTracker(options.tracker)
    this.gate = options.motionGating === false ? null : new MotionGate(options.motion)
    this.scene = options.scene
    this.allowedModules = options.allowedModules
    this.countsOnlyModules = options.countsOnlyModules ?? new Set()
    this.plateStage = options.plates
      ? new PlateStage(options.plates, (zoneId) => this.scene.zones.find((zone) => zone.id === zoneId)?.polygon ?? null)
      : null
  }

  /** Plate reading's own counters (frames read, skipped while busy, plates found), when it runs. */
  get plateStats(): PlateStage['stats'] | null {
    return this.plateStage?.stats ?? null
  }

  /** A new scene or a new answer from the lock: the rules are rebuilt, the tracks carry on. */
  configure(scene: Scene, allowedModules: ReadonlySet<ModuleId>, countsOnlyModules: ReadonlySet<ModuleId> = new Set()): void {
    const masksChanged = JSON.stringify(scene.masks) !== JSON.stringify(this.scene.masks)
    this.scene = scene
    this.allowedModules = allowedModules
    this.countsOnlyModules = countsOnlyModules
    this.compiled = null
    this.counts.clear()
    // New masks change the image the gate compares against: start from a fresh reference.
    if (masksChanged && this.gate) this.gate = new MotionGate(this.options.motion)
  }

  get modules(): ReadonlySet<ModuleId> {
    return this.allowedModules
  }

  /** For the live feed: processes the frame unless the previous one is still in the detector. */
  offer(frame: AnalysisFrame): void {
    this.stats.offered += 1
    if (this.busy) {
      this.stats.dropped += 1
      return
    }
    this.process(frame).catch(() => {
      this.stats.failed += 1
    })
  }

  /** Processes one frame to the end (events and overlay emitted). The frame's pixels are masked in place. */
  async process(frame: AnalysisFrame): Promise<void> {
    this.busy = true
    try {
      await this.run(frame)
    } finally {
      this.busy = false
    }
  }

  private async run(frame: AnalysisFrame): Promise<void> {
    const compiled = this.compileFor(frame.width, frame.height)
    let mark = performance.now()
    const lap = (): number => {
      const now = performance.now()
      const elapsed = now - mark
      mark = now
      return elapsed
    }
    compiled.masks.apply(frame.data)
    const maskMs = lap()
    const still = this.gate !== null && this.gate.decide(frame) === 'still'
    const gateMs = lap()
    let detectorTimings = ZERO_DETECTOR_TIMINGS
    if (!still) {
      const result = await this.options.detector.detectTimed(this.options.cameraId, { width: frame.width, height: frame.height, data: frame.data })
      this.lastDetections = result.detections
      detectorTimings = result.timings
      this.stats.detected += 1
    } else {
      this.stats.still += 1
    }
    lap()
    const tracks = this.tracker.update({ at: frame.at, width: frame.width, height: frame.height, detections: this.lastDetections })
    const trackingMs = lap()
    const changedRegions = compiled.background?.update(frame, tracks.map((track) => track.box))
    this.plateStage?.offer(frame, tracks)
    const events = compiled.engine.process({ at: frame.at, tracks, changedRegions })
    const rulesMs = lap()
    this.stats.processed += 1
    for (const event of events) this.emitEvent(event, compiled, frame)
    this.options.onOverlay?.(this.overlay(frame, tracks, still))
    this.options.onTimings?.({ ...detectorTimings, maskMs, gateMs, trackingMs, rulesMs })
  }

  private compileFor(width: number, height: number): Compiled {
    const current = this.compiled
    if (current && current.width === width && current.height === height) return current
    const include = (rule: SceneRule): boolean => rule.enabled && this.allowedModules.has(RULE_MODULE[rule.kind])
    const rules = this.scene.rules.filter(include)
    const isPlateRule = (rule: SceneRule): rule is PlateRule => PLATE_RULE_KINDS.includes(rule.kind)
    this.plateStage?.configure(rules.filter(isPlateRule))
    const compiled: Compiled = {
      width,
      height,
      masks: new MaskRaster(this.scene.masks, width, height),
      engine: new RuleEngine(this.options.cameraId, compileScene(this.scene, width, height, (rule) => include(rule) && !isPlateRule(rule))),
      background: rules.some((rule) => rule.kind === 'object-removed') ? new BackgroundModel() : null,
      rules: new Map(rules.map((rule) => [rule.id, rule]))
    }
    this.compiled = compiled
    return compiled
  }

  private emitEvent(event: RuleEvent, compiled: Compiled, frame: AnalysisFrame): void {
    const rule = compiled.rules.get(event.rule)
    if (!rule) return
    if (event.kind === 'people-count') {
      this.counts.set(rule.id, { in: Number(event.details.in), out: Number(event.details.out), occupancy: Number(event.details.occupancy) })
    }
    const moduleId = RULE_MODULE[rule.kind]
    const counting = COUNTS_ONLY_KINDS.includes(rule.kind)
    const countsOnly = counting || this.countsOnlyModules.has(moduleId)
    this.options.onEvent({
      cameraId: this.options.cameraId,
      ruleId: rule.id,
      ruleName: rule.name,
      ruleKind: rule.kind,
      moduleId,
      kind: event.kind,
      priority: rule.priority,
      at: event.at,
      boxes: countsOnly ? [] : event.boxes.map((box) => normaliseBox(box, frame)),
      trackIds: countsOnly ? [] : event.trackIds,
      details: this.withZoneName(event.details),
      alert: !counting,
      model: this.options.model,
      parameters: ruleParameters(rule),
      snapshot: countsOnly ? null : { width: frame.width, height: frame.height, data: frame.data.slice() }
    })
  }

  /** Rules name zones by id; a reader needs the name the zone had when the event was raised. */
  private withZoneName(details: EventDetails): EventDetails {
    const zone = typeof details.zone === 'string' ? this.scene.zones.find((candidate) => candidate.id === details.zone) : undefined
    return zone ? { ...details, zoneName: zone.name } : details
  }

  private overlay(frame: AnalysisFrame, tracks: readonly TrackSnapshot[], still: boolean): AnalyticsOverlay {
    return {
      cameraId: this.options.cameraId,
      at: frame.at,
      still,
      tracks: tracks.map((track) => ({
        id: track.id,
        group: track.group,
        label: track.label,
        box: normaliseBox(track.box, frame),
        score: Math.round(track.score * 100) / 100
      })),
      counts: [...this.counts].map(([ruleId, counts]) => ({ ruleId, ...counts }))
    }
  }
}

export function normaliseBox(box: Box, frame: { width: number; height: number }): NormBox {
  const round = (value: number): number => Math.round(value * 10_000) / 10_000
  return { x1: round(box.x1 / frame.width), y1: round(box.y1 / frame.height), x2: round(box.x2 / frame.width), y2: round(box.y2 / frame.height) }
}
