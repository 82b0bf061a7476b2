import { firstTime, norm, type ScenarioDefinition, type Waypoint } from '../recipe'
import { emptyRoom, FPS, HEIGHT, PEOPLE, ROOM_ATTRIBUTION, WIDTH } from './cast'

/**
 * A tripwire across the floor at x = 320, drawn from the front edge upwards: looking along it, side A
 * (left) is the left half of the image and side B the right half, so A->B is walking left to right.
 */
const LINE = { start: { x: 320, y: 356 }, end: { x: 320, y: 222 } }
const DURATION = 16

/** Left to right (A->B): must fire. */
const eastbound: Waypoint[] = [
  { t: 0.5, x: 25, y: 330 },
  { t: 5.5, x: 620, y: 330 }
]

/** Right to left (B->A): must not fire on the A->B rule; the witness rule shows it was seen. */
const westbound: Waypoint[] = [
  { t: 8, x: 620, y: 310 },
  { t: 13, x: 25, y: 310 }
]

const eastCrossesAt = firstTime(eastbound, (p) => p.x > LINE.start.x) as number
const westCrossesAt = firstTime(westbound, (p) => p.x < LINE.start.x) as number

export const lineCrossing: ScenarioDefinition = {
  id: 'line-crossing-direction',
  rules: ['line-crossing'],
  width: WIDTH,
  height: HEIGHT,
  fps: FPS,
  durationSeconds: DURATION,
  background: emptyRoom(DURATION),
  actors: [
    { name: 'eastbound (A->B)', sprite: PEOPLE.greyCardigan, heightPx: 215, path: eastbound },
    { name: 'westbound (B->A)', sprite: PEOPLE.blackHoodie, heightPx: 205, flip: true, path: westbound }
  ],
  scene: {
    lines: [
      {
        id: 'line-middle',
        name: 'Middle of the room',
        start: { x: norm(LINE.start.x, WIDTH), y: norm(LINE.start.y, HEIGHT) },
        end: { x: norm(LINE.end.x, WIDTH), y: norm(LINE.end.y, HEIGHT) }
      }
    ],
    rules: [
      { id: 'cross-a-to-b', name: 'Crossing left to right', kind: 'line-crossing', lineId: 'line-middle', direction: 'A->B', classes: ['person'] },
      { id: 'cross-b-to-a-witness', name: 'Crossing right to left (witness)', kind: 'line-crossing', lineId: 'line-middle', direction: 'B->A', classes: ['person'] }
    ]
  },
  expected: [
    {
      ruleId: 'cross-a-to-b',
      kind: 'line-crossing',
      atSeconds: eastCrossesAt,
      toleranceSeconds: 1.5,
      details: { direction: 'A->B', class: 'person' },
      why: 'the first person crosses the line from left to right'
    },
    {
      ruleId: 'cross-b-to-a-witness',
      kind: 'line-crossing',
      atSeconds: westCrossesAt,
      toleranceSeconds: 1.5,
      details: { direction: 'B->A', class: 'person' },
      why: 'the second person crosses from right to left: seen by the witness rule only'
    }
  ],
  strictRules: ['cross-a-to-b', 'cross-b-to-a-witness'],
  forbidden: [{ kind: 'line-crossing', ruleId: 'cross-a-to-b', fromSeconds: 7, why: 'the only crossing after 7 s goes B->A' }],
  notes:
    'Background: the empty room of intel_one-by-one-person-detection (0–5.5 s, looped). A vertical tripwire in the middle of ' +
    'the floor; rule cross-a-to-b watches A->B (left to right) only. A real person (cut out of another frame of the same camera) ' +
    `crosses left to right at ${eastCrossesAt} s: one event. A second one crosses right to left at ${westCrossesAt} s: no event ` +
    'from cross-a-to-b; the witness rule (B->A) proves the chain did see that crossing.',
  attribution: ROOM_ATTRIBUTION
}
