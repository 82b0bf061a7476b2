import type { PlateCorners, Point } from './lapi-types'

/**
 * Rebuilds a plate quadrilateral from LPD-YuNet's four corners, keeping what the model gets right.
 *
 * Measured on the zoom clip and the test image (npm run bench -- lapi reports the corner error): the
 * first and third corners (top-left, bottom-right) and their midpoint land within a pixel or two of
 * the plate's, but the second and fourth often collapse towards the centre — the model hesitates
 * between top-right and bottom-left for them (the CCPD training labels start at a different corner),
 * so it outputs something in between, on either side. What survives is the line they lie on: the
 * direction of the other diagonal. The quadrilateral is therefore rebuilt as
 *   TL = c0, BR = c2, centre m = (c0 + c2) / 2,
 *   TR, BL = m ± (|c2 − c0| / 2) · unit(c3 − c1), the sign putting TR on the upper-right of TL→BR,
 * i.e. the second diagonal is given the first one's length. A rectangle seen head-on, rotated, or
 * turned about a vertical axis (an isosceles trapezoid) has equal diagonals, so this holds for the
 * usual camera views; it is an approximation under strong combined pitch and yaw.
 * When c1 and c3 coincide (no direction at all), the box spanned by c0 and c2 is used.
 */
export function repairPlateCorners(raw: PlateCorners): PlateCorners {
  const [topLeft, c1, bottomRight, c3] = raw
  const centre: Point = { x: (topLeft.x + bottomRight.x) / 2, y: (topLeft.y + bottomRight.y) / 2 }
  const diagonal = { x: bottomRight.x - topLeft.x, y: bottomRight.y - topLeft.y }
  const halfLength = Math.hypot(diagonal.x, diagonal.y) / 2
  let direction = { x: c3.x - c1.x, y: c3.y - c1.y }
  const length = Math.hypot(direction.x, direction.y)
  if (length < 1e-6 || halfLength < 1e-6) {
    return [topLeft, { x: bottomRight.x, y: topLeft.y }, bottomRight, { x: topLeft.x, y: bottomRight.y }]
  }
  direction = { x: direction.x / length, y: direction.y / length }
  // Screen coordinates (y down): a point on the upper-right side of TL→BR has a negative cross product.
  if (diagonal.x * direction.y - diagonal.y * direction.x > 0) direction = { x: -direction.x, y: -direction.y }
  const topRight = { x: centre.x + direction.x * halfLength, y: centre.y + direction.y * halfLength }
  const bottomLeft = { x: centre.x - direction.x * halfLength, y: centre.y - direction.y * halfLength }
  return [topLeft, topRight, bottomRight, bottomLeft]
}
