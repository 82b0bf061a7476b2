import { INTEL_ATTRIBUTION, type BackgroundSegment } from '../recipe'
import type { SpriteSpec } from '../sprites'

/**
 * The real material the scenarios are made of, all from intel_one-by-one-person-detection.mp4 (a
 * fixed camera over an empty room with a small table; people come one at a time and stand at the
 * table, back to the camera). Frames are decoded at the clips' size, 640×360.
 */

export const WIDTH = 640
export const HEIGHT = 360
export const FPS = 10

export const ROOM = 'intel_one-by-one-person-detection.mp4'
export const ROOM_ATTRIBUTION = [INTEL_ATTRIBUTION]

/** 0–5.5 s of the room clip: nobody in view, only the table. Looped as a background. */
export function emptyRoom(durationSeconds: number): BackgroundSegment[] {
  const length = 5.5
  return [{ media: ROOM, fromSeconds: 0, toSeconds: length, repeat: Math.ceil(durationSeconds / length) }]
}

/** Floor of the room in the clips' pixels: the wall meets the floor at about y = 205. */
export const FLOOR_TOP_Y = 205

function person(atSeconds: number, emptyAtSeconds: number, box: [number, number, number, number]): SpriteSpec {
  return {
    kind: 'keyed',
    media: ROOM,
    atSeconds,
    emptyAtSeconds,
    frameWidth: WIDTH,
    frameHeight: HEIGHT,
    region: { x1: box[0] - 25, y1: box[1] - 15, x2: box[2] + 25, y2: box[3] + 25 }
  }
}

/**
 * Five different people of the room clip, cut out by difference with an empty frame of the same
 * camera a few seconds away (the boxes are NanoDet-Plus's person boxes on those frames).
 */
export const PEOPLE = {
  /** Woman, long grey cardigan, fair hair (10 s). */
  greyCardigan: person(10, 20.5, [315, 10, 432, 324]),
  /** Man, black hooded top (30 s). */
  blackHoodie: person(30, 21, [318, 0, 454, 311]),
  /** Woman, black jacket, long fair hair (55 s). */
  blackJacket: person(55, 47, [325, 3, 462, 326]),
  /** Man, black T-shirt (80 s). */
  blackTshirt: person(80, 72, [299, 30, 422, 313]),
  /** Woman, grey cardigan, dark hair (110 s). */
  darkHair: person(110, 121, [319, 5, 434, 318])
} as const
