import type { NormPoint, SceneRuleOf } from '../../shared/scene'
import type { TrackSnapshot } from '../analytics/tracking/types'
import type { PixelBox, RgbFrame } from './lapi-types'
import type { VotedPlate } from './plate-voter'
import type { FramePlateReader } from './shared-plate-reader'
import { VehiclePlates, type PlateRuleSpec, type VehicleView } from './vehicle-plates'

export type PlateRule = SceneRuleOf<'plate-watchlist'> | SceneRuleOf<'parking-control'>

/** A vehicle's plate that one rule is now to check against its lists: the pipeline's hand-off to the register. */
export interface PlateDecision {
  rule: PlateRule
  at: number
  trackId: number | null
  plate: VotedPlate
  plateBox: PixelBox
  vehicleBox: PixelBox | null
  /** The frame of the decision, privacy masks applied: the alert's snapshot if the plate is flagged. */
  frame: RgbFrame
}

export interface PlateStageOptions {
  reader: FramePlateReader
  onDecision: (decision: PlateDecision) => void
  onError?: (error: Error) => void
}

/**
 * One camera's plate reading, after the tracker: the frame and its vehicle boxes go to the plate
 * reader; reads are voted per vehicle (VehiclePlates), and each rule's decisions are handed on. Like
 * the detector stage, a frame offered while the previous one is being read is skipped, so plate
 * reading never delays the camera's other rules; the vote needs a few reads per vehicle, not all.
 */
export class PlateStage {
  private rules: PlateRule[] = []
  private zones: (readonly NormPoint[] | null)[] = []
  private readonly plates = new VehiclePlates([])
  private busy = false
  readonly stats = { offered: 0, read: 0, skipped: 0, failed: 0, plates: 0 }

  constructor(
    private readonly options: PlateStageOptions,
    private readonly zoneOf: (zoneId: string | undefined) => readonly NormPoint[] | null
  ) {}

  configure(rules: readonly PlateRule[]): void {
    this.rules = [...rules]
    this.zones = rules.map((rule) => this.zoneOf(rule.zoneId))
  }

  get active(): boolean {
    return this.rules.length > 0
  }

  /** The frame's pixels are copied: the pipeline goes on with its own. */
  offer(frame: RgbFrame & { at: number }, tracks: readonly TrackSnapshot[]): void {
    if (!this.active) return
    this.stats.offered += 1
    if (this.busy) {
      this.stats.skipped += 1
      return
    }
    this.busy = true
    const copy: RgbFrame = { width: frame.width, height: frame.height, data: frame.data.slice() }
    const vehicles: VehicleView[] = tracks.filter((track) => track.group === 'vehicle').map((track) => ({ trackId: track.id, box: track.box }))
    void this.read(frame.at, copy, vehicles).finally(() => {
      this.busy = false
    })
  }

  private async read(at: number, frame: RgbFrame, vehicles: VehicleView[]): Promise<void> {
    try {
      const { plates } = await this.options.reader.readTimed(frame, vehicles.map((vehicle) => vehicle.box))
      this.stats.read += 1
      this.stats.plates += plates.length
      this.plates.setRules(this.specs(frame))
      for (const decided of this.plates.update(at, vehicles, plates)) {
        const rule = this.rules.find((candidate) => candidate.id === decided.ruleId)
        if (rule) this.options.onDecision({ rule, at, trackId: decided.trackId, plate: decided.plate, plateBox: decided.plateBox, vehicleBox: decided.vehicleBox, frame })
      }
    } catch (error) {
      this.stats.failed += 1
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)))
    }
  }

  private specs(frame: RgbFrame): PlateRuleSpec[] {
    return this.rules.map((rule, index) => ({
      id: rule.id,
      minConfidence: rule.minConfidence,
      minReads: rule.minReads,
      graceMs: rule.kind === 'parking-control' ? rule.graceSeconds * 1000 : 0,
      zone: this.zones[index]?.map((point) => ({ x: point.x * frame.width, y: point.y * frame.height })) ?? null
    }))
  }
}
