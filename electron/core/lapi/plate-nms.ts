import { intersectionOverUnion } from '../analytics/detection/nms'
import { cornersBox } from './decode-plates'
import type { PlateCorners, PlateDetection } from './lapi-types'

export interface PlateNmsOptions {
  /**
   * Replace the winner's corners by the score-weighted mean of the corners of the candidates it
   * suppresses (and its own). Neighbouring priors regress the same plate with independent errors,
   * so their mean is steadier than any one of them. The winner's score and source are kept.
   */
  averageCorners?: boolean
  /** Frame size, to clip the averaged box; required with averageCorners. */
  frameWidth?: number
  frameHeight?: number
}

/**
 * Greedy NMS on the corners' bounding boxes (opencv_zoo's default IoU 0.3). Used once per model run
 * and again on the union of the whole-frame and vehicle-crop runs, where the same plate is usually
 * found twice: the better-scored of the two stays, whichever run found it. Boxes that the frame
 * clipped to nothing (a candidate entirely outside the picture) are dropped.
 * Result sorted by score, highest first.
 */
export function suppressPlates(candidates: readonly PlateDetection[], iouThreshold: number, options: PlateNmsOptions = {}): PlateDetection[] {
  const sorted = candidates
    .filter((candidate) => candidate.box.x2 > candidate.box.x1 && candidate.box.y2 > candidate.box.y1)
    .sort((a, b) => b.score - a.score)
  const clusters: PlateDetection[][] = []
  for (const candidate of sorted) {
    const cluster = clusters.find((members) => intersectionOverUnion(members[0].box, candidate.box) > iouThreshold)
    if (cluster) cluster.push(candidate)
    else clusters.push([candidate])
  }
  if (!options.averageCorners) return clusters.map((members) => members[0])
  return clusters.map((members) => {
    const winner = members[0]
    if (members.length === 1) return winner
    const corners = averageCorners(members)
    return { ...winner, corners, box: cornersBox(corners, options.frameWidth ?? Infinity, options.frameHeight ?? Infinity) }
  })
}

function averageCorners(members: readonly PlateDetection[]): PlateCorners {
  const total = members.reduce((sum, member) => sum + member.score, 0)
  const mean = (index: number): { x: number; y: number } => ({
    x: members.reduce((sum, member) => sum + member.corners[index].x * member.score, 0) / total,
    y: members.reduce((sum, member) => sum + member.corners[index].y * member.score, 0) / total
  })
  return [mean(0), mean(1), mean(2), mean(3)]
}
