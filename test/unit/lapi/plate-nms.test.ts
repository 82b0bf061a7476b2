import { describe, expect, it } from 'vitest'
import { cornersBox } from '../../../electron/core/lapi/decode-plates'
import { cropFrame, expandedRegion } from '../../../electron/core/lapi/frame-crop'
import type { PlateCorners, PlateDetection } from '../../../electron/core/lapi/lapi-types'
import { suppressPlates } from '../../../electron/core/lapi/plate-nms'

function plate(x: number, y: number, width: number, height: number, score: number, kind: 'frame' | 'vehicle' = 'frame'): PlateDetection {
  const corners: PlateCorners = [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + height },
    { x, y: y + height }
  ]
  return {
    corners,
    modelCorners: corners,
    box: cornersBox(corners, 1000, 1000),
    score,
    source: kind === 'frame' ? { kind } : { kind, vehicleIndex: 0 }
  }
}

describe('plate NMS', () => {
  it('keeps the best of overlapping candidates, whichever run found it, and separate plates apart', () => {
    const kept = suppressPlates([plate(100, 100, 80, 20, 0.6), plate(102, 101, 80, 20, 0.9, 'vehicle'), plate(400, 300, 80, 20, 0.5)], 0.3)
    expect(kept.map((p) => p.score)).toEqual([0.9, 0.5])
    expect(kept[0].source).toEqual({ kind: 'vehicle', vehicleIndex: 0 })
  })

  it('averages the merged candidates’ corners by score when asked, keeping the winner’s score', () => {
    const [merged] = suppressPlates([plate(100, 100, 80, 20, 0.75), plate(104, 100, 80, 20, 0.25)], 0.3, {
      averageCorners: true,
      frameWidth: 1000,
      frameHeight: 1000
    })
    expect(merged.score).toBe(0.75)
    expect(merged.corners[0].x).toBeCloseTo(101, 9)
    expect(merged.box.x1).toBeCloseTo(101, 9)
    expect(merged.box.x2).toBeCloseTo(181, 9)
  })

  it('drops candidates the frame clips to nothing', () => {
    expect(suppressPlates([{ ...plate(0, 0, 10, 10, 0.9), box: { x1: 0, y1: 0, x2: 0, y2: 10 } }], 0.3)).toEqual([])
  })
})

describe('vehicle crops', () => {
  it('widens a box by its margin, snaps outwards to whole pixels and clips to the frame', () => {
    expect(expandedRegion({ x1: 10.5, y1: 20.2, x2: 110.5, y2: 70.2 }, 0.1, 640, 360)).toEqual({ x: 0, y: 15, width: 121, height: 61 })
    expect(expandedRegion({ x1: 600, y1: 300, x2: 700, y2: 400 }, 0, 640, 360)).toEqual({ x: 600, y: 300, width: 40, height: 60 })
    expect(expandedRegion({ x1: 700, y1: 10, x2: 800, y2: 20 }, 0, 640, 360)).toBeNull()
  })

  it('copies the region’s pixels row by row', () => {
    const data = new Uint8Array(4 * 3 * 3).map((_, index) => index)
    const crop = cropFrame({ width: 4, height: 3, data }, { x: 1, y: 1, width: 2, height: 2 })
    expect(Array.from(crop.data)).toEqual([15, 16, 17, 18, 19, 20, 27, 28, 29, 30, 31, 32])
  })
})
