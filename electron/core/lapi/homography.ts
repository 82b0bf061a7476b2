import type { PlateCorners, Point } from './lapi-types'

/**
 * A plane projective transform as a row-major 3×3 matrix:
 * (x, y) ↦ ((m0·x + m1·y + m2) / w, (m3·x + m4·y + m5) / w), w = m6·x + m7·y + m8.
 */
export type Homography = readonly [number, number, number, number, number, number, number, number, number]

export function applyHomography(m: Homography, point: Point): Point {
  const w = m[6] * point.x + m[7] * point.y + m[8]
  return { x: (m[0] * point.x + m[1] * point.y + m[2]) / w, y: (m[3] * point.x + m[4] * point.y + m[5]) / w }
}

/**
 * The transform taking the unit square (0,0), (1,0), (1,1), (0,1) to the corners TL, TR, BR, BL, in
 * closed form (Heckbert, "Fundamentals of Texture Mapping and Image Warping", 1989, §2.2.3), so no
 * linear system has to be solved per plate. Exactly affine when the quadrilateral is a parallelogram.
 * Throws on a degenerate quadrilateral (three corners in a line), which no warp can undo.
 */
export function squareToQuad(corners: PlateCorners): Homography {
  const [p0, p1, p2, p3] = corners
  const sx = p0.x - p1.x + p2.x - p3.x
  const sy = p0.y - p1.y + p2.y - p3.y
  if (Math.abs(sx) < 1e-12 && Math.abs(sy) < 1e-12) {
    return [p1.x - p0.x, p3.x - p0.x, p0.x, p1.y - p0.y, p3.y - p0.y, p0.y, 0, 0, 1]
  }
  const dx1 = p1.x - p2.x
  const dx2 = p3.x - p2.x
  const dy1 = p1.y - p2.y
  const dy2 = p3.y - p2.y
  const denominator = dx1 * dy2 - dx2 * dy1
  if (Math.abs(denominator) < 1e-12) throw new RangeError('Degenerate plate corners: three of them are aligned')
  const g = (sx * dy2 - dx2 * sy) / denominator
  const h = (dx1 * sy - sx * dy1) / denominator
  return [p1.x - p0.x + g * p1.x, p3.x - p0.x + h * p3.x, p0.x, p1.y - p0.y + g * p1.y, p3.y - p0.y + h * p3.y, p0.y, g, h, 1]
}

/** Inverse by the adjugate; throws when the matrix is singular. */
export function invertHomography(m: Homography): Homography {
  const a = m[4] * m[8] - m[5] * m[7]
  const b = m[5] * m[6] - m[3] * m[8]
  const c = m[3] * m[7] - m[4] * m[6]
  const determinant = m[0] * a + m[1] * b + m[2] * c
  if (Math.abs(determinant) < 1e-15) throw new RangeError('Singular homography')
  const d = determinant
  return [
    a / d,
    (m[2] * m[7] - m[1] * m[8]) / d,
    (m[1] * m[5] - m[2] * m[4]) / d,
    b / d,
    (m[0] * m[8] - m[2] * m[6]) / d,
    (m[2] * m[3] - m[0] * m[5]) / d,
    c / d,
    (m[1] * m[6] - m[0] * m[7]) / d,
    (m[0] * m[4] - m[1] * m[3]) / d
  ]
}
