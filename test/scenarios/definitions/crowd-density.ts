import { firstTime, norm, pointInPolygon, type ScenarioDefinition, type Waypoint } from '../recipe'
import { emptyRoom, FPS, HEIGHT, PEOPLE, ROOM_ATTRIBUTION, WIDTH } from './cast'

/** Nearly the whole visible floor, said to be 10 m² on the ground. */
const ZONE = [
  { x: 30, y: 262 },
  { x: 610, y: 262 },
  { x: 610, y: 358 },
  { x: 30, y: 358 }
]
const AREA_M2 = 10
/** 3 people (0.3 /m²) are "elevated", 5 (0.5 /m²) "critical". */
const THRESHOLDS = { low: 0.25, high: 0.45 }
const HOLD_SECONDS = 2
const DURATION = 34

/**
 * Five people join one by one, each coming in from the left edge and stopping at a spot; the spots
 * are filled from right to left, so nobody walks in front of someone already standing.
 */
const ARRIVALS = [
  { name: 'first', sprite: PEOPLE.greyCardigan, at: 1, spot: 560, y: 318 },
  { name: 'second', sprite: PEOPLE.blackTshirt, at: 6, spot: 450, y: 330 },
  { name: 'third', sprite: PEOPLE.darkHair, at: 11, spot: 340, y: 316 },
  { name: 'fourth', sprite: PEOPLE.blackHoodie, at: 17, spot: 230, y: 332 },
  { name: 'fifth', sprite: PEOPLE.blackJacket, at: 22, spot: 115, y: 320 }
]
const SPEED_PX_S = 130

function pathOf(arrival: (typeof ARRIVALS)[number]): Waypoint[] {
  const startX = 20
  return [
    { t: arrival.at, x: startX, y: arrival.y },
    { t: arrival.at + (arrival.spot - startX) / SPEED_PX_S, x: arrival.spot, y: arrival.y },
    { t: DURATION, x: arrival.spot, y: arrival.y }
  ]
}

/** When each one's ground point is first inside the zone. */
const inside = ARRIVALS.map((arrival) => firstTime(pathOf(arrival), (p) => pointInPolygon(p, ZONE)) as number)
const elevatedAt = Math.round((inside[2] + HOLD_SECONDS) * 100) / 100
const criticalAt = Math.round((inside[4] + HOLD_SECONDS) * 100) / 100

export const crowdDensity: ScenarioDefinition = {
  id: 'crowd-density-growing',
  rules: ['crowd-density'],
  width: WIDTH,
  height: HEIGHT,
  fps: FPS,
  durationSeconds: DURATION,
  background: emptyRoom(DURATION),
  actors: ARRIVALS.map((arrival) => ({ name: arrival.name, sprite: arrival.sprite, heightPx: 210, path: pathOf(arrival) })),
  scene: {
    zones: [
      {
        id: 'zone-floor',
        name: 'Room floor',
        polygon: ZONE.map((p) => ({ x: norm(p.x, WIDTH), y: norm(p.y, HEIGHT) })),
        groundAreaM2: AREA_M2
      }
    ],
    rules: [
      {
        id: 'density-floor',
        name: 'Density on the floor',
        kind: 'crowd-density',
        zoneId: 'zone-floor',
        thresholds: THRESHOLDS,
        hysteresis: 0.2,
        minHoldSeconds: HOLD_SECONDS
      }
    ]
  },
  expected: [
    {
      ruleId: 'density-floor',
      kind: 'crowd-density',
      atSeconds: elevatedAt,
      toleranceSeconds: 1.5,
      details: { level: 'elevated', previousLevel: 'normal', persons: 3 },
      why: `the third person is in the zone (0.3 /m² ≥ ${THRESHOLDS.low}) and it holds ${HOLD_SECONDS} s`
    },
    {
      ruleId: 'density-floor',
      kind: 'crowd-density',
      atSeconds: criticalAt,
      toleranceSeconds: 1.5,
      details: { level: 'critical', previousLevel: 'elevated', persons: 5 },
      why: `the fifth person is in the zone (0.5 /m² ≥ ${THRESHOLDS.high}) and it holds ${HOLD_SECONDS} s`
    }
  ],
  strictRules: ['density-floor'],
  notes:
    'Background: the empty room of intel_one-by-one-person-detection (0–5.5 s, looped). Five real people cut out of other ' +
    'frames of the same camera arrive one by one and stand side by side on the floor (a zone declared as 10 m²). ' +
    `Thresholds ${THRESHOLDS.low} and ${THRESHOLDS.high} persons/m²: 3 people raise the level to elevated, 5 to critical, each ` +
    `after holding ${HOLD_SECONDS} s. Expected times = when the 3rd / 5th cut-out's ground point enters the zone + the hold. ` +
    'The zone is a drawn area, the 10 m² is a declared value (no calibration of the room was made).',
  attribution: ROOM_ATTRIBUTION
}
