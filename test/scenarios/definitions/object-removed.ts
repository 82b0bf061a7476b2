import { INTEL_ATTRIBUTION, norm, type ScenarioDefinition, type Waypoint } from '../recipe'
import type { SpriteSpec } from '../sprites'
import { FPS, HEIGHT, WIDTH } from './cast'

const CAR_PARK = 'intel_car-detection.mp4'
const DURATION = 22
const REMOVED_AT = 10
const PERSIST_SECONDS = 5

/** A white car seen from above (car park clip, 26.4 s), cut out by difference with the empty car park at 24 s. */
const WHITE_CAR: SpriteSpec = {
  kind: 'keyed',
  media: CAR_PARK,
  atSeconds: 26.4,
  emptyAtSeconds: 24,
  frameWidth: WIDTH,
  frameHeight: HEIGHT,
  region: { x1: 95, y1: 0, x2: 285, y2: 280 },
  threshold: 45
}

const CAR_HEIGHT = 240
/** Parked, bottom centre at (330, 320), until it vanishes at REMOVED_AT. */
const parked: Waypoint[] = [
  { t: 0, x: 330, y: 320 },
  { t: REMOVED_AT - 0.05, x: 330, y: 320 }
]

/** The bay the car stands in: inside the car's outline, in clip pixels. */
const ZONE = [
  { x: 290, y: 110 },
  { x: 370, y: 110 },
  { x: 370, y: 300 },
  { x: 290, y: 300 }
]

const removedAt = REMOVED_AT + PERSIST_SECONDS

export const objectRemoved: ScenarioDefinition = {
  id: 'object-removed-car',
  rules: ['object-removed'],
  width: WIDTH,
  height: HEIGHT,
  fps: FPS,
  durationSeconds: DURATION,
  // 9.5–13.5 s of the car park clip: empty, and the camera's exposure steady (it swings while cars pass).
  background: [{ media: CAR_PARK, fromSeconds: 9.5, toSeconds: 13.5, repeat: Math.ceil(DURATION / 4) }],
  actors: [{ name: 'parked car', sprite: WHITE_CAR, heightPx: CAR_HEIGHT, path: parked }],
  scene: {
    zones: [{ id: 'bay-12', name: 'Bay 12', polygon: ZONE.map((p) => ({ x: norm(p.x, WIDTH), y: norm(p.y, HEIGHT) })) }],
    rules: [
      {
        id: 'bay-watch',
        name: 'Vehicle gone from bay 12',
        kind: 'object-removed',
        zoneId: 'bay-12',
        persistSeconds: PERSIST_SECONDS,
        minChangedFraction: 0.5,
        sampleStepPx: 6
      }
    ]
  },
  expected: [
    {
      ruleId: 'bay-watch',
      kind: 'object-removed',
      atSeconds: removedAt,
      toleranceSeconds: 1.5,
      details: { zone: 'bay-12' },
      why: `the car vanished at ${REMOVED_AT} s and the change has persisted ${PERSIST_SECONDS} s`
    }
  ],
  forbidden: [{ kind: 'object-removed', ruleId: 'bay-watch', toSeconds: REMOVED_AT + 1, why: 'the car is still there' }],
  strictRules: ['bay-watch'],
  notes:
    'Background: the empty car park of intel_car-detection (9.5–13.5 s, looped; the exposure is steady there). A real white car ' +
    `cut out of the same clip (26.4 s, difference with the empty frame at 24 s) stands in a bay from the start and vanishes at ` +
    `${REMOVED_AT} s. The background reference is the product's BackgroundModel (first frame = reference, tracked boxes excluded), ` +
    `persistSeconds = ${PERSIST_SECONDS}: expected one object-removed event at ${removedAt} s. The detector sees the car from ` +
    'above as a "cell phone" (group other): its track hides the zone while the car is there, which the rule tolerates.',
  attribution: [INTEL_ATTRIBUTION]
}
