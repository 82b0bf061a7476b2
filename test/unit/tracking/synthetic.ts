import type { Detection, DetectionFrame } from '../../../electron/core/analytics/tracking'

/** Synthetic detections for tracker tests: a box of a given size centred on (cx, cy). */
export function detectionAt(cx: number, cy: number, options: Partial<Detection> & { w?: number; h?: number } = {}): Detection {
  const { w = 40, h = 100, score = 0.9, classId = 0, label = 'person' } = options
  return { x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2, score, classId, label }
}

export const FRAME_MS = 200

export function frame(index: number, detections: Detection[]): DetectionFrame {
  return { at: index * FRAME_MS, width: 640, height: 360, detections }
}

/** Deterministic pseudo-random numbers in [-1, 1], so jitter tests never flake. */
export function jitterSource(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return (state / 0xffffffff) * 2 - 1
  }
}
