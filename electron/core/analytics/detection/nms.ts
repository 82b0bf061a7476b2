import type { Detection } from './detection-types'

type Box = Pick<Detection, 'x1' | 'y1' | 'x2' | 'y2'>

const area = (box: Box): number => Math.max(0, box.x2 - box.x1) * Math.max(0, box.y2 - box.y1)

/** Intersection over union of two boxes; 0 when either is empty. */
export function intersectionOverUnion(a: Box, b: Box): number {
  const width = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)
  const height = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1)
  if (width <= 0 || height <= 0) return 0
  const intersection = width * height
  const union = area(a) + area(b) - intersection
  return union > 0 ? intersection / union : 0
}

/**
 * Greedy non-maximum suppression per class: the best box of a class removes the boxes of the same class
 * that overlap it by more than `iouThreshold`. Boxes of different classes never suppress each other, so a
 * person on a bicycle keeps both boxes. Result sorted by score, highest first.
 */
export function nonMaximumSuppression(detections: readonly Detection[], iouThreshold: number): Detection[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score)
  const kept: Detection[] = []
  for (const candidate of sorted) {
    const suppressed = kept.some(
      (winner) => winner.classId === candidate.classId && intersectionOverUnion(winner, candidate) > iouThreshold
    )
    if (!suppressed) kept.push(candidate)
  }
  return kept
}
