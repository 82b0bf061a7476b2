import { firstTime, norm, pointInPolygon, type ScenarioDefinition, type Waypoint } from '../recipe'
import { emptyRoom, FPS, HEIGHT, PEOPLE, ROOM_ATTRIBUTION, WIDTH } from './cast'

/** The watched zone: the middle of the foreground floor, in clip pixels. */
const ZONE = [
  { x: 200, y: 270 },
  { x: 460, y: 270 },
  { x: 460, y: 356 },
  { x: 200, y: 356 }
]

const DURATION = 26
const DWELL_SECONDS = 10

/** Walks straight across the zone in about 2.5 s: no loitering. */
const passer: Waypoint[] = [
  { t: 0.5, x: 625, y: 340 },
  { t: 5.5, x: 15, y: 340 }
]

/** Walks in from the left, stops in the zone for about 14 s, walks away to the right. */
const loiterer: Waypoint[] = [
  { t: 7, x: 25, y: 318 },
  { t: 10, x: 330, y: 318 },
  { t: 23, x: 330, y: 318 },
  { t: 25.5, x: 625, y: 318 },
  { t: DURATION, x: 625, y: 318 }
]

const entersAt = firstTime(loiterer, (p) => pointInPolygon(p, ZONE)) as number

export const loitering: ScenarioDefinition = {
  id: 'loitering-stays',
  rules: ['loitering'],
  width: WIDTH,
  height: HEIGHT,
  fps: FPS,
  durationSeconds: DURATION,
  background: emptyRoom(DURATION),
  actors: [
    { name: 'passer-by', sprite: PEOPLE.blackTshirt, heightPx: 220, path: passer },
    { name: 'loiterer', sprite: PEOPLE.darkHair, heightPx: 215, path: loiterer }
  ],
  scene: {
    zones: [{ id: 'zone-centre', name: 'Centre floor', polygon: ZONE.map((p) => ({ x: norm(p.x, WIDTH), y: norm(p.y, HEIGHT) })) }],
    rules: [{ id: 'loitering-centre', name: 'Loitering centre', kind: 'loitering', zoneId: 'zone-centre', classes: ['person'], dwellSeconds: DWELL_SECONDS }]
  },
  expected: [
    {
      ruleId: 'loitering-centre',
      kind: 'loitering',
      atSeconds: Math.round((entersAt + DWELL_SECONDS) * 100) / 100,
      toleranceSeconds: 1.5,
      details: { zone: 'zone-centre', class: 'person' },
      why: `${DWELL_SECONDS} s after the second person entered the zone`
    }
  ],
  forbidden: [{ kind: 'loitering', ruleId: 'loitering-centre', toSeconds: 15, why: 'the first person only crosses the zone' }],
  strictRules: ['loitering-centre'],
  notes:
    'Background: the empty room of intel_one-by-one-person-detection (0–5.5 s, looped). Two real people cut out of other ' +
    'frames of the same camera: the first walks straight across the zone (about 2.5 s inside: no event), the second walks ' +
    `in, enters the zone at ${entersAt} s, stands there until 23 s and leaves. dwellSeconds = ${DWELL_SECONDS}: one loitering ` +
    'event, dwell timer started when her ground point entered the zone.',
  attribution: ROOM_ATTRIBUTION
}
