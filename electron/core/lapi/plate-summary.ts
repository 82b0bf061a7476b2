import type { PlateReading } from './interpret-read'
import type { PlateCorners } from './lapi-types'
import type { PlateFormat } from './plate-formats'
import type { PlateResult } from './plate-reader'

/** The plain JSON form of a read, as `vigie lapi read` prints it and other tools consume it. */
export interface PlateSummary {
  text: string
  format: PlateFormat
  country: string | null
  confidence: number
  /** TL, TR, BR, BL in image pixels, to a tenth of a pixel. */
  corners: Array<{ x: number; y: number }>
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits))

export function summarisePlate(plate: PlateReading & { corners: PlateCorners }): PlateSummary {
  return {
    text: plate.text,
    format: plate.format,
    country: plate.country,
    confidence: round(plate.confidence, 4),
    corners: plate.corners.map((corner) => ({ x: round(corner.x, 1), y: round(corner.y, 1) }))
  }
}

export function summarisePlates(plates: readonly PlateResult[]): PlateSummary[] {
  return plates.map(summarisePlate)
}
