import { type ScenarioDefinition, type Waypoint } from '../recipe'
import { emptyRoom, FPS, HEIGHT, PEOPLE, ROOM_ATTRIBUTION, WIDTH } from './cast'

const DURATION = 20
/** Normal walking pace, in body heights per second (about 0.8 m/s for a 1.7 m person). */
const WALK = 0.5

interface Walker {
  name: string
  sprite: (typeof PEOPLE)[keyof typeof PEOPLE]
  heightPx: number
  y: number
  start: number
  leftToRight: boolean
  flip?: boolean
}

/** Three people cross the room at a normal pace, at different depths: they teach the baseline. */
const WALKERS: Walker[] = [
  { name: 'walker 1', sprite: PEOPLE.greyCardigan, heightPx: 200, y: 332, start: 0.5, leftToRight: false },
  { name: 'walker 2', sprite: PEOPLE.blackTshirt, heightPx: 150, y: 285, start: 1, leftToRight: true },
  { name: 'walker 3', sprite: PEOPLE.blackJacket, heightPx: 180, y: 310, start: 5, leftToRight: false, flip: true }
]

function walkerPath(walker: Walker): Waypoint[] {
  const [from, to] = walker.leftToRight ? [20, 620] : [620, 20]
  const seconds = Math.abs(to - from) / (WALK * walker.heightPx)
  return [
    { t: walker.start, x: from, y: walker.y },
    { t: Math.round((walker.start + seconds) * 100) / 100, x: to, y: walker.y }
  ]
}

/**
 * The runner, small at the back of the room: walks in at the normal pace, then speeds up in steps of
 * 0.4 s (two analysed frames) to about 2.5 heights per second, and runs out of the picture. The
 * gradual start is what a real sprint looks like at 5 fps; it also lets the tracker keep the track.
 */
const RUNNER_HEIGHT = 110
const RUNNER_START = 13
const RUNNER_Y = 250
const RUNNER_SPEEDS = [WALK, WALK, WALK, WALK, 0.8, 1.2, 1.55, 1.9, 2.25, 2.55, 2.55, 2.55, 2.55] // heights/s, 0.4 s each

function runnerPath(): Waypoint[] {
  const path: Waypoint[] = [{ t: RUNNER_START, x: 15, y: RUNNER_Y }]
  let t = RUNNER_START
  let x = 15
  for (const speed of RUNNER_SPEEDS) {
    t = Math.round((t + 0.4) * 100) / 100
    x = Math.round((x + speed * RUNNER_HEIGHT * 0.4) * 10) / 10
    path.push({ t, x, y: RUNNER_Y })
    if (x > 660) break
  }
  return path
}

const SPEED_FACTOR = 3
const MIN_SPEED = 1.5
/** The first instant the runner's pace reaches the alert speed (speedFactor × the walkers' pace, and at least MIN_SPEED). */
const alertSpeed = Math.max(MIN_SPEED, SPEED_FACTOR * WALK)
const alertAt = Math.round((RUNNER_START + RUNNER_SPEEDS.findIndex((speed) => speed >= alertSpeed) * 0.4) * 100) / 100

export const unusualMovement: ScenarioDefinition = {
  id: 'unusual-movement-runner',
  rules: ['unusual-movement'],
  width: WIDTH,
  height: HEIGHT,
  fps: FPS,
  durationSeconds: DURATION,
  background: emptyRoom(DURATION),
  actors: [
    ...WALKERS.map((walker) => ({ name: walker.name, sprite: walker.sprite, heightPx: walker.heightPx, flip: walker.flip, path: walkerPath(walker) })),
    { name: 'runner', sprite: PEOPLE.blackHoodie, heightPx: RUNNER_HEIGHT, path: runnerPath() }
  ],
  scene: {
    rules: [
      {
        id: 'speed-room',
        name: 'Unusual speed',
        kind: 'unusual-movement',
        classes: ['person'],
        speedFactor: SPEED_FACTOR,
        minSpeedHeightsPerSecond: MIN_SPEED,
        // Three walkers give about 80 speed samples in the first 11 s (one per tracked person per frame).
        warmupSamples: 40,
        baselineAlpha: 0.02,
        cooldownSeconds: 10
      }
    ]
  },
  expected: [
    {
      ruleId: 'speed-room',
      kind: 'unusual-speed',
      atSeconds: alertAt,
      toleranceSeconds: 1.5,
      details: { class: 'person' },
      why: `the runner's pace reaches ${alertSpeed} heights/s (${SPEED_FACTOR} × the walkers' ${WALK})`
    }
  ],
  forbidden: ['dispersal'],
  strictRules: ['speed-room'],
  notes:
    'Background: the empty room of intel_one-by-one-person-detection (0–5.5 s, looped). Three real people cut out of other ' +
    `frames of the same camera cross the room at ${WALK} body heights per second (the warm-up: warmupSamples = 40 instead of ` +
    'the default 300, which would need minutes of footage). Then a fourth walks in at the back at the same pace and speeds up ' +
    'to about 2.5 heights/s within 2.4 s. Expected: one unusual-speed event for the runner, at the instant the path’s pace ' +
    `first reaches ${alertSpeed} heights/s (${alertAt} s); the tolerance covers the tracker’s velocity estimate catching up. ` +
    'The cut-outs glide (no leg movement): the rule only looks at box motion.',
  attribution: ROOM_ATTRIBUTION
}
