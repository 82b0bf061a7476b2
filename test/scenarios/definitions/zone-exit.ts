import { firstTime, norm, pointInPolygon, type ScenarioDefinition, type Waypoint } from '../recipe'
import { emptyRoom, FPS, HEIGHT, PEOPLE, ROOM_ATTRIBUTION, WIDTH } from './cast'

/** The watched zone: the left-hand part of the foreground floor, in clip pixels. */
const ZONE = [
  { x: 40, y: 268 },
  { x: 300, y: 268 },
  { x: 300, y: 356 },
  { x: 40, y: 356 }
]

const DURATION = 18

/** Comes in from the right, walks into the zone, waits there, then walks out to the right. */
const visitor: Waypoint[] = [
  { t: 1, x: 625, y: 325 },
  { t: 5, x: 170, y: 325 },
  { t: 10, x: 170, y: 325 },
  { t: 13.5, x: 560, y: 325 },
  { t: DURATION, x: 560, y: 325 }
]

const entersAt = firstTime(visitor, (p) => pointInPolygon(p, ZONE)) as number
const leavesAt = firstTime(visitor, (p) => !pointInPolygon(p, ZONE), entersAt) as number

export const zoneExit: ScenarioDefinition = {
  id: 'zone-exit-walk-out',
  rules: ['zone-exit'],
  width: WIDTH,
  height: HEIGHT,
  fps: FPS,
  durationSeconds: DURATION,
  background: emptyRoom(DURATION),
  actors: [{ name: 'visitor', sprite: PEOPLE.blackJacket, heightPx: 215, path: visitor }],
  scene: {
    zones: [{ id: 'zone-front-left', name: 'Front left floor', polygon: ZONE.map((p) => ({ x: norm(p.x, WIDTH), y: norm(p.y, HEIGHT) })) }],
    rules: [{ id: 'exit-front-left', name: 'Leaving front left', kind: 'zone-exit', zoneId: 'zone-front-left', classes: ['person'], minDwellSeconds: 2 }]
  },
  expected: [
    {
      ruleId: 'exit-front-left',
      kind: 'zone-exit',
      atSeconds: leavesAt,
      toleranceSeconds: 1.5,
      details: { zone: 'zone-front-left', class: 'person' },
      why: 'the visitor’s feet leave the zone on its right-hand side'
    }
  ],
  forbidden: [{ kind: 'zone-exit', ruleId: 'exit-front-left', toSeconds: 10, why: 'nobody leaves the zone before 10 s' }],
  strictRules: ['exit-front-left'],
  notes:
    'Background: the empty room of intel_one-by-one-person-detection (0–5.5 s, looped). A real person cut out of another ' +
    `frame of the same camera walks in from the right, enters the zone at ${entersAt} s, stands still until 10 s, then walks ` +
    `out to the right, leaving the zone at ${leavesAt} s (the cut-out's bottom centre crossing the polygon's edge). ` +
    'minDwellSeconds = 2, well below the visit’s length.',
  attribution: ROOM_ATTRIBUTION
}
