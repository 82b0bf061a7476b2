import { pointInPolygon } from '../analytics/rules/geometry'
import type { PixelBox, Point } from './lapi-types'
import type { PlateResult } from './plate-reader'
import { PlateVoter, type VotedPlate } from './plate-voter'

/** One plate rule of a camera, in frame pixels: what it needs before a vehicle's plate is checked. */
export interface PlateRuleSpec {
  id: string
  minConfidence: number
  minReads: number
  /** How long a passage must have lasted before the rule decides on it (ms). */
  graceMs: number
  /** The reading area; null reads the whole image. */
  zone: readonly Point[] | null
}

/** A vehicle track on this frame, as the plate reader was given it. */
export interface VehicleView {
  trackId: number
  box: PixelBox
}

/** A vehicle's plate, voted over its frames, that a rule may now check against the lists (once). */
export interface DecidedPlate {
  ruleId: string
  /** The vehicle track, or null for a plate seen without a vehicle around it. */
  trackId: number | null
  plate: VotedPlate
  /** The plate's box on the frame of the decision. */
  plateBox: PixelBox
  vehicleBox: PixelBox | null
}

export interface VehiclePlatesOptions {
  /** A vehicle (or lone plate) unseen this long is over: its reads are forgotten (default 3 s). */
  forgetAfterMs?: number
}

interface Passage {
  trackId: number | null
  firstSeenAt: number
  lastSeenAt: number
  plateBox: PixelBox
  vehicleBox: PixelBox | null
  /** Rules that have already decided on this passage: one check per vehicle and rule. */
  decided: Set<string>
}

const DEFAULT_FORGET_AFTER_MS = 3000

const centreOf = (box: PixelBox): Point => ({ x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 })
const contains = (box: PixelBox, point: Point): boolean => point.x >= box.x1 && point.x <= box.x2 && point.y >= box.y1 && point.y <= box.y2
const area = (box: PixelBox): number => (box.x2 - box.x1) * (box.y2 - box.y1)

function boxOfCorners(plate: PlateResult): PixelBox {
  const xs = plate.corners.map((corner) => corner.x)
  const ys = plate.corners.map((corner) => corner.y)
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) }
}

/**
 * Gathers a camera's plate reads by vehicle passage and says when each rule may check one. A read
 * belongs to the vehicle track it was found on (or whose box holds it); a plate read with no vehicle
 * detected around it (a close-up, a vehicle the detector missed) forms a passage of its own, followed
 * from frame to frame by its position. A rule decides on a passage once, as soon as the vote over its
 * reads is confident enough and rests on enough reads: a parked car is checked without waiting for
 * it to leave, and a passing one is not checked again on every frame.
 */
export class VehiclePlates {
  private readonly voter = new PlateVoter()
  private readonly passages = new Map<string, Passage>()
  private nextLoneId = 1
  private readonly forgetAfterMs: number

  constructor(
    private rules: readonly PlateRuleSpec[],
    options: VehiclePlatesOptions = {}
  ) {
    this.forgetAfterMs = options.forgetAfterMs ?? DEFAULT_FORGET_AFTER_MS
  }

  /** New rules (a scene change): passages carry on, and a rule already decided on one does not decide again. */
  setRules(rules: readonly PlateRuleSpec[]): void {
    this.rules = rules
  }

  /** Plates whose centre lies in at least one rule's reading area; the others are not kept at all. */
  wanted(plate: PlateResult): boolean {
    const centre = centreOf(boxOfCorners(plate))
    return this.rules.some((rule) => rule.zone === null || pointInPolygon(centre, rule.zone))
  }

  /** Adds the reads of one frame and returns the decisions they complete. */
  update(at: number, vehicles: readonly VehicleView[], plates: readonly PlateResult[]): DecidedPlate[] {
    for (const vehicle of vehicles) {
      const passage = this.passages.get(`v${vehicle.trackId}`)
      if (passage) {
        passage.lastSeenAt = at
        passage.vehicleBox = vehicle.box
      }
    }
    const touched = new Set<string>()
    for (const plate of plates) {
      if (!this.wanted(plate)) continue
      const plateBox = boxOfCorners(plate)
      const vehicle = this.vehicleOf(plate, plateBox, vehicles)
      const key = vehicle ? `v${vehicle.trackId}` : this.lonePassageFor(plateBox)
      const passage = this.passages.get(key) ?? { trackId: vehicle?.trackId ?? null, firstSeenAt: at, lastSeenAt: at, plateBox, vehicleBox: null, decided: new Set<string>() }
      passage.lastSeenAt = at
      passage.plateBox = plateBox
      passage.vehicleBox = vehicle?.box ?? null
      this.passages.set(key, passage)
      this.voter.add(key, plate)
      touched.add(key)
    }
    const decisions: DecidedPlate[] = []
    // A passage still in its grace period is decided on a later frame where its plate is read again.
    for (const key of touched) decisions.push(...this.decide(key, this.passages.get(key) as Passage, at))
    this.forgetOld(at)
    return decisions
  }

  /** Passages currently followed (vehicles with reads, lone plates). */
  get size(): number {
    return this.passages.size
  }

  private decide(key: string, passage: Passage, at: number): DecidedPlate[] {
    const plate = this.voter.result(key)
    if (!plate || plate.format === 'unknown') return []
    const centre = centreOf(passage.plateBox)
    const decisions: DecidedPlate[] = []
    for (const rule of this.rules) {
      if (passage.decided.has(rule.id)) continue
      if (rule.zone !== null && !pointInPolygon(centre, rule.zone)) continue
      if (plate.reads < rule.minReads || plate.confidence < rule.minConfidence) continue
      if (at - passage.firstSeenAt < rule.graceMs) continue
      passage.decided.add(rule.id)
      decisions.push({ ruleId: rule.id, trackId: passage.trackId, plate, plateBox: passage.plateBox, vehicleBox: passage.vehicleBox })
    }
    return decisions
  }

  /** The vehicle the reader found the plate on, or else the smallest vehicle box holding its centre. */
  private vehicleOf(plate: PlateResult, plateBox: PixelBox, vehicles: readonly VehicleView[]): VehicleView | undefined {
    if (plate.source.kind === 'vehicle') return vehicles[plate.source.vehicleIndex]
    const centre = centreOf(plateBox)
    return vehicles.filter((vehicle) => contains(vehicle.box, centre)).sort((a, b) => area(a.box) - area(b.box))[0]
  }

  /** A lone plate continues the lone passage whose last plate box is nearest, within one plate width. */
  private lonePassageFor(plateBox: PixelBox): string {
    const centre = centreOf(plateBox)
    let best: { key: string; distance: number } | null = null
    for (const [key, passage] of this.passages) {
      if (passage.trackId !== null) continue
      const other = centreOf(passage.plateBox)
      const distance = Math.hypot(other.x - centre.x, other.y - centre.y)
      const reach = Math.max(plateBox.x2 - plateBox.x1, passage.plateBox.x2 - passage.plateBox.x1)
      if (distance <= reach && (!best || distance < best.distance)) best = { key, distance }
    }
    return best?.key ?? `p${this.nextLoneId++}`
  }

  private forgetOld(at: number): void {
    for (const [key, passage] of this.passages) {
      if (at - passage.lastSeenAt <= this.forgetAfterMs) continue
      this.passages.delete(key)
      this.voter.forget(key)
    }
  }
}
