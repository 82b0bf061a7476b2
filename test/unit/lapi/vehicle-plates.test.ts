import { describe, expect, it } from 'vitest'
import { interpretOcrRead } from '../../../electron/core/lapi/interpret-read'
import type { PlateCorners } from '../../../electron/core/lapi/lapi-types'
import type { PlateResult } from '../../../electron/core/lapi/plate-reader'
import { VehiclePlates, type PlateRuleSpec } from '../../../electron/core/lapi/vehicle-plates'
import { ocrRead } from './ocr-helpers'

const FRANCE = { name: 'France', confidence: 0.95 }

/** A plate read at (x, y), 60×14 px, found on the frame or on vehicle `vehicleIndex`'s crop. */
function plateAt(text: string, x: number, y: number, confidence = 0.95, vehicleIndex?: number): PlateResult {
  const corners: PlateCorners = [
    { x, y },
    { x: x + 60, y },
    { x: x + 60, y: y + 14 },
    { x, y: y + 14 }
  ]
  return {
    ...interpretOcrRead(ocrRead(text, FRANCE, confidence)),
    corners,
    detectionScore: 0.9,
    source: vehicleIndex === undefined ? { kind: 'frame' } : { kind: 'vehicle', vehicleIndex }
  }
}

const rule = (overrides: Partial<PlateRuleSpec> = {}): PlateRuleSpec => ({ id: 'lecture', minConfidence: 0.8, minReads: 2, graceMs: 0, zone: null, ...overrides })
const car = (trackId: number, x = 100) => ({ trackId, box: { x1: x, y1: 100, x2: x + 200, y2: 260 } })

describe('plates gathered by vehicle passage', () => {
  it('decides once per vehicle, when enough confident reads agree, and not on every later frame', () => {
    const plates = new VehiclePlates([rule()])
    expect(plates.update(0, [car(7)], [plateAt('AB123CD', 170, 220, 0.95, 0)])).toEqual([])
    const [decided] = plates.update(200, [car(7)], [plateAt('AB123CD', 171, 221, 0.95, 0)])
    expect(decided).toMatchObject({ ruleId: 'lecture', trackId: 7, plate: { text: 'AB123CD', display: 'AB-123-CD', reads: 2 } })
    expect(decided.vehicleBox).toEqual(car(7).box)
    expect(plates.update(400, [car(7)], [plateAt('AB123CD', 172, 222, 0.95, 0)])).toEqual([])
  })

  it('keeps two vehicles apart, and attaches a plate found on the frame to the vehicle that holds it', () => {
    const plates = new VehiclePlates([rule()])
    plates.update(0, [car(1, 0), car(2, 400)], [plateAt('AB123CD', 70, 220), plateAt('EF456GH', 470, 220, 0.95, 1)])
    const decided = plates.update(200, [car(1, 0), car(2, 400)], [plateAt('AB123CD', 70, 220, 0.95, 0), plateAt('EF456GH', 470, 220)])
    expect(decided.map((d) => [d.trackId, d.plate.text]).sort()).toEqual([
      [1, 'AB123CD'],
      [2, 'EF456GH']
    ])
  })

  it('waits until concordant reads lift a weak plate over the rule’s confidence, and never decides on a text that fits no format', () => {
    const plates = new VehiclePlates([rule({ minConfidence: 0.9, minReads: 1 })])
    const weak = (at: number) => plates.update(at, [car(3)], [plateAt('AB123CD', 170, 220, 0.6, 0)])
    // One read at 0.6, then two agreeing (1 − 0.4² = 0.84): still short of 0.9.
    expect(weak(0)).toEqual([])
    expect(weak(200)).toEqual([])
    // Three agreeing reads: 1 − 0.4³ = 0.936.
    expect(weak(400)).toHaveLength(1)
    const unknown = new VehiclePlates([rule({ minReads: 1 })])
    const read = plateAt('AB123CD', 170, 220, 0.95, 0)
    expect(unknown.update(0, [car(4)], [{ ...read, format: 'unknown' }])).toEqual([])
  })

  it('lets a parked vehicle its grace period before checking it', () => {
    const plates = new VehiclePlates([rule({ graceMs: 60_000 })])
    expect(plates.update(0, [car(6)], [plateAt('AB123CD', 170, 220, 0.95, 0)])).toEqual([])
    expect(plates.update(30_000, [car(6)], [plateAt('AB123CD', 170, 220, 0.95, 0)])).toEqual([])
    expect(plates.update(60_000, [car(6)], [plateAt('AB123CD', 170, 220, 0.95, 0)])).toHaveLength(1)
  })

  it('follows a plate seen without any vehicle by its position, as a passage of its own', () => {
    const plates = new VehiclePlates([rule()])
    plates.update(0, [], [plateAt('AB123CD', 300, 200)])
    const [decided] = plates.update(200, [], [plateAt('AB123CD', 310, 202)])
    expect(decided).toMatchObject({ trackId: null, plate: { text: 'AB123CD' }, vehicleBox: null })
    // Far away: another plate, another passage.
    expect(plates.update(400, [], [plateAt('AB123CD', 600, 50)])).toEqual([])
    expect(plates.size).toBe(2)
  })

  it('reads only within a rule’s reading zone, and forgets a vehicle gone for longer than the delay', () => {
    const zone = [
      { x: 0, y: 150 },
      { x: 640, y: 150 },
      { x: 640, y: 360 },
      { x: 0, y: 360 }
    ]
    const plates = new VehiclePlates([rule({ zone })], { forgetAfterMs: 1000 })
    expect(plates.wanted(plateAt('AB123CD', 100, 50))).toBe(false)
    expect(plates.update(0, [], [plateAt('AB123CD', 100, 50)])).toEqual([])
    expect(plates.size).toBe(0)
    plates.update(0, [car(5)], [plateAt('AB123CD', 170, 220, 0.95, 0)])
    expect(plates.size).toBe(1)
    plates.update(2000, [], [])
    expect(plates.size).toBe(0)
    // Back after being forgotten: the vote starts again from one read.
    expect(plates.update(2200, [car(5)], [plateAt('AB123CD', 170, 220, 0.95, 0)])).toEqual([])
  })
})
