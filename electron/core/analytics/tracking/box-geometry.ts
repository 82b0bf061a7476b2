import type { Box } from './types'

export interface CentreSize {
  cx: number
  cy: number
  w: number
  h: number
}

export function boxArea(box: Box): number {
  return Math.max(0, box.x2 - box.x1) * Math.max(0, box.y2 - box.y1)
}

/** Intersection over union, 0 when the boxes do not touch. */
export function intersectionOverUnion(a: Box, b: Box): number {
  const width = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)
  const height = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1)
  if (width <= 0 || height <= 0) return 0
  const intersection = width * height
  const union = boxArea(a) + boxArea(b) - intersection
  return union > 0 ? intersection / union : 0
}

export function toCentreSize(box: Box): CentreSize {
  return { cx: (box.x1 + box.x2) / 2, cy: (box.y1 + box.y2) / 2, w: box.x2 - box.x1, h: box.y2 - box.y1 }
}

export function fromCentreSize({ cx, cy, w, h }: CentreSize): Box {
  return { x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 }
}
