import { firstTime, norm, pointInPolygon, type ScenarioDefinition, type Waypoint } from '../recipe'
import { emptyRoom, FPS, HEIGHT, PEOPLE, ROOM_ATTRIBUTION, WIDTH } from './cast'

/** The watched zone: the right-hand half of the foreground floor, in clip pixels. */
const ZONE = [
  { x: 352, y: 268 },
  { x: 620, y: 268 },
  { x: 620, y: 356 },
  { x: 352, y: 356 }
]

const DURATION = 20

/** Walks along the back of the room, outside the zone: must not raise anything. */
const passer: Waypoint[] = [
  { t: 1, x: 610, y: 246 },
  { t: 6.5, x: 40, y: 246 }
]

/** Comes in from the left at the front, walks into the zone and stays there. */
const intruder: Waypoint[] = [
  { t: 8, x: 30, y: 330 },
  { t: 12, x: 470, y: 330 },
  { t: DURATION, x: 470, y: 330 }
]

const entersAt = firstTime(intruder, (p) => pointInPolygon(p, ZONE)) as number

export const intrusion: ScenarioDefinition = {
  id: 'intrusion-walk-in',
  rules: ['intrusion'],
  width: WIDTH,
  height: HEIGHT,
  fps: FPS,
  durationSeconds: DURATION,
  background: emptyRoom(DURATION),
  actors: [
    { name: 'passer-by (back of the room)', sprite: PEOPLE.blackHoodie, heightPx: 170, path: passer },
    { name: 'intruder', sprite: PEOPLE.greyCardigan, heightPx: 220, path: intruder }
  ],
  scene: {
    zones: [{ id: 'zone-front-right', name: 'Front right floor', polygon: ZONE.map((p) => ({ x: norm(p.x, WIDTH), y: norm(p.y, HEIGHT) })) }],
    rules: [{ id: 'intrusion-front-right', name: 'Intrusion front right', kind: 'intrusion', zoneId: 'zone-front-right', classes: ['person'], minDwellSeconds: 0 }]
  },
  expected: [
    {
      ruleId: 'intrusion-front-right',
      kind: 'intrusion',
      atSeconds: entersAt,
      toleranceSeconds: 1.5,
      details: { zone: 'zone-front-right', class: 'person' },
      why: 'the intruder’s feet cross into the zone'
    }
  ],
  forbidden: [{ kind: 'intrusion', ruleId: 'intrusion-front-right', toSeconds: 8, why: 'the passer-by stays at the back, outside the zone' }],
  strictRules: ['intrusion-front-right'],
  notes:
    'Background: the empty room of intel_one-by-one-person-detection (0–5.5 s, looped). Two real people cut out of other ' +
    'frames of the same fixed camera (difference with an empty frame) glide along straight paths: one along the back wall, ' +
    'outside the zone (no intrusion), then one from the left edge into the zone at the front right, where she stays. ' +
    `Expected time = the instant the cut-out's bottom centre enters the zone polygon (${entersAt} s); the tolerance covers ` +
    'the tracker’s confirmation (3 frames at 5 fps) and the box’s bottom edge differing a little from the cut-out’s.',
  attribution: ROOM_ATTRIBUTION
}
