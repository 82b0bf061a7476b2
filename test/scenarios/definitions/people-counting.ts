import { firstTime, norm, type ScenarioDefinition, type Waypoint } from '../recipe'
import { emptyRoom, FPS, HEIGHT, PEOPLE, ROOM_ATTRIBUTION, WIDTH } from './cast'
import type { SpriteSpec } from '../sprites'

/** The counting line: vertical, in the middle of the floor; left to right (A->B) counts as entering. */
const LINE = { start: { x: 320, y: 356 }, end: { x: 320, y: 222 } }
const DURATION = 30
const WALK_SECONDS = 5

interface Pass {
  name: string
  sprite: SpriteSpec
  start: number
  direction: 'in' | 'out'
  y: number
  flip?: boolean
}

/** Three people walk in (left to right) and two walk out, never two at a time near the line. */
const PASSES: Pass[] = [
  { name: 'in #1', sprite: PEOPLE.greyCardigan, start: 0.5, direction: 'in', y: 330 },
  { name: 'in #2', sprite: PEOPLE.blackTshirt, start: 3, direction: 'in', y: 322 },
  { name: 'out #1', sprite: PEOPLE.blackJacket, start: 9.5, direction: 'out', y: 326, flip: true },
  { name: 'in #3', sprite: PEOPLE.darkHair, start: 16, direction: 'in', y: 334 },
  { name: 'out #2', sprite: PEOPLE.blackHoodie, start: 23, direction: 'out', y: 320, flip: true }
]

function pathOf(pass: Pass): Waypoint[] {
  const [from, to] = pass.direction === 'in' ? [20, 620] : [620, 20]
  return [
    { t: pass.start, x: from, y: pass.y },
    { t: pass.start + WALK_SECONDS, x: to, y: pass.y }
  ]
}

const crossings = PASSES.map((pass) => ({
  pass,
  at: firstTime(pathOf(pass), (p) => (pass.direction === 'in' ? p.x > LINE.start.x : p.x < LINE.start.x)) as number
})).sort((a, b) => a.at - b.at)

let entered = 0
let left = 0
const expected = crossings.map(({ pass, at }) => {
  if (pass.direction === 'in') entered += 1
  else left += 1
  return {
    ruleId: 'count-middle',
    kind: 'people-count' as const,
    atSeconds: at,
    toleranceSeconds: 1.5,
    details: { in: entered, out: left },
    why: `${pass.name} crosses the line`
  }
})

export const peopleCounting: ScenarioDefinition = {
  id: 'people-counting-line',
  rules: ['people-counting'],
  width: WIDTH,
  height: HEIGHT,
  fps: FPS,
  durationSeconds: DURATION,
  background: emptyRoom(DURATION),
  actors: PASSES.map((pass) => ({ name: pass.name, sprite: pass.sprite, heightPx: 210, flip: pass.flip, path: pathOf(pass) })),
  scene: {
    lines: [
      {
        id: 'line-door',
        name: 'Counting line',
        start: { x: norm(LINE.start.x, WIDTH), y: norm(LINE.start.y, HEIGHT) },
        end: { x: norm(LINE.end.x, WIDTH), y: norm(LINE.end.y, HEIGHT) }
      }
    ],
    rules: [{ id: 'count-middle', name: 'Counting', kind: 'people-counting', lineId: 'line-door', inDirection: 'A->B' }]
  },
  expected,
  strictRules: ['count-middle'],
  notes:
    'Background: the empty room of intel_one-by-one-person-detection (0–5.5 s, looped). Five real people cut out of other ' +
    'frames of the same camera cross a vertical counting line: three left to right (in), two right to left (out); the two ' +
    'first ones walk the same way 2.5 s apart. Every change of the totals is an event: the expected ones list the running ' +
    `totals, ending at in = ${entered}, out = ${left}; the rule is strict (no other count event).`,
  attribution: ROOM_ATTRIBUTION
}
