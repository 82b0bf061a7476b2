import { intersectionOverUnion } from '../analytics/detection/nms'
import type { PlateDetection } from './lapi-types'

/**
 * Greedy NMS on the corners' bounding boxes (opencv_zoo's default IoU 0.3). Used once per model run
 * and again on the union of the whole-frame and vehicle-crop runs, where the same plate is usually
 * found twice: the better-scored of the two stays, whichever run found it. Boxes that the frame
 * clipped to nothing (a candidate entirely outside the picture) are dropped.
 * Result sorted by score, highest first.
 */
export function suppressPlates(candidates: readonly PlateDetection[], iouThreshold: number): PlateDetection[] {
  const sorted = candidates
    .filter((candidate) => candidate.box.x2 > candidate.box.x1 && candidate.box.y2 > candidate.box.y1)
    .sort((a, b) => b.score - a.score)
  const kept: PlateDetection[] = []
  for (const candidate of sorted) {
    if (!kept.some((winner) => intersectionOverUnion(winner.box, candidate.box) > iouThreshold)) kept.push(candidate)
  }
  return kept
}
