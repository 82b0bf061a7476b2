import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ALL_SCENARIOS } from './definitions'
import { ffmpeg, ffmpegVersion, mediaDigest, mediaPath } from './media'
import { piecewiseExpression, type ScenarioDefinition } from './recipe'
import { ScenarioManifestSchema, STAND_IN_CLASS_IDS, type ScenarioManifest, type StandInDetection } from './scenario-schema'
import { buildSprite, type BuiltSprite } from './sprites'

/**
 * Builds the scenario clips (H.264 MP4, yuv420p, one keyframe a second, no audio) and their
 * ground-truth JSON into `outDir`. Deterministic: the same recipe and the same ffmpeg give the same
 * bytes. Cached: a clip whose JSON records the same recipe hash is not encoded again.
 *
 *   npm run scenarios -- --out DIR [--only id-or-rule,...] [--verify]
 *
 * With --verify, each clip is then run through the real analytics chain (run-scenario.ts) and its
 * verdict printed; the exit code is 1 if any scenario misses an expected event or fires a forbidden one.
 */

/** Bumped when the way recipes turn into ffmpeg arguments changes. */
const BUILDER_VERSION = 1

export interface BuildOptions {
  /** Scenario ids or rule kinds to build; all when absent. */
  only?: string[]
  /** Progress lines (default: none). */
  log?: (line: string) => void
}

export function selectScenarios(only?: readonly string[]): ScenarioDefinition[] {
  if (!only || only.length === 0) return ALL_SCENARIOS
  const unknown = only.filter((name) => !ALL_SCENARIOS.some((s) => s.id === name || s.rules.includes(name)))
  if (unknown.length > 0) throw new Error(`unknown scenario or rule: ${unknown.join(', ')} (known: ${ALL_SCENARIOS.map((s) => s.id).join(', ')})`)
  return ALL_SCENARIOS.filter((s) => only.some((name) => s.id === name || s.rules.includes(name)))
}

export async function buildScenarios(outDir: string, options: BuildOptions = {}): Promise<ScenarioManifest[]> {
  const dir = resolve(outDir)
  mkdirSync(dir, { recursive: true })
  const manifests: ScenarioManifest[] = []
  for (const definition of selectScenarios(options.only)) {
    manifests.push(await buildScenario(definition, dir, options.log))
  }
  return manifests
}

/** Reads and validates a ground-truth JSON written by the builder. */
export function readManifest(path: string): ScenarioManifest {
  return ScenarioManifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
}

async function buildScenario(definition: ScenarioDefinition, dir: string, log?: (line: string) => void): Promise<ScenarioManifest> {
  const sprites: BuiltSprite[] = []
  for (const actor of definition.actors) sprites.push(await buildSprite(actor.sprite, join(dir, 'sprites')))
  const args = ffmpegArguments(definition, sprites)
  const recipeHash = createHash('sha256')
    .update(
      JSON.stringify({
        builder: BUILDER_VERSION,
        ffmpeg: ffmpegVersion(),
        // Paths differ between machines; what matters is the content behind them.
        args: args.map((arg) => sprites.reduce((text, sprite) => text.split(sprite.path).join(`sprite:${sprite.hash}`), arg)),
        media: [...new Set(definition.background.map((segment) => segment.media))].map((media) => [media, mediaDigest(media)])
      })
    )
    .digest('hex')
    .slice(0, 32)

  const clip = `${definition.id}.mp4`
  const manifest = ScenarioManifestSchema.parse({
    id: definition.id,
    clip,
    fps: definition.fps,
    durationSeconds: definition.durationSeconds,
    width: definition.width,
    height: definition.height,
    scene: definition.scene,
    expected: definition.expected,
    ...(definition.forbidden ? { forbidden: definition.forbidden } : {}),
    ...(definition.strictRules ? { strictRules: definition.strictRules } : {}),
    ...(definition.standIns ? { standInDetections: standInDetections(definition, sprites) } : {}),
    notes: definition.notes,
    attribution: definition.attribution,
    recipeHash
  })

  const jsonPath = join(dir, `${definition.id}.json`)
  const clipPath = join(dir, clip)
  const previous = existsSync(jsonPath) ? safeRead(jsonPath) : null
  if (previous?.recipeHash === recipeHash && existsSync(clipPath)) {
    log?.(`${definition.id}: up to date`)
  } else {
    log?.(`${definition.id}: encoding ${definition.durationSeconds} s`)
    const partial = join(dir, `${definition.id}.${process.pid}.partial.mp4`)
    try {
      await ffmpeg([...args, partial])
      renameSync(partial, clipPath)
    } finally {
      rmSync(partial, { force: true })
    }
  }
  // The ground truth may change without the clip changing (a tolerance, a note): always rewritten.
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  if (!existsSync(jsonPath) || readFileSync(jsonPath, 'utf8') !== text) {
    const partialJson = join(dir, `${definition.id}.${process.pid}.partial.json`)
    writeFileSync(partialJson, text)
    renameSync(partialJson, jsonPath)
  }
  return manifest
}

/** The stand-in detections of a definition: each one is its actor's overlaid box, while it is shown. */
function standInDetections(definition: ScenarioDefinition, sprites: readonly BuiltSprite[]): StandInDetection[] {
  return (definition.standIns ?? []).map((standIn) => {
    const index = definition.actors.findIndex((actor) => actor.name === standIn.actor)
    if (index < 0) throw new Error(`${definition.id}: stand-in for unknown actor ${standIn.actor}`)
    const actor = definition.actors[index]
    const { x, y } = actor.path[0]
    if (actor.path.some((point) => point.x !== x || point.y !== y)) throw new Error(`${definition.id}: stand-in actor ${actor.name} must not move`)
    const sprite = sprites[index]
    // Same rounding as ffmpeg's scale=-1:h (width rounded to the nearest integer) and overlay's integer placement.
    const width = Math.round((sprite.width * actor.heightPx) / sprite.height)
    const left = Math.trunc(x - width / 2)
    const top = Math.trunc(y - actor.heightPx)
    const round = (value: number): number => Math.round(value * 10_000) / 10_000
    return {
      label: standIn.label,
      classId: STAND_IN_CLASS_IDS[standIn.label],
      score: standIn.score,
      box: {
        x1: round(Math.max(0, left) / definition.width),
        y1: round(Math.max(0, top) / definition.height),
        x2: round(Math.min(definition.width, left + width) / definition.width),
        y2: round(Math.min(definition.height, top + actor.heightPx) / definition.height)
      },
      fromSeconds: actor.path[0].t,
      toSeconds: actor.path[actor.path.length - 1].t,
      why: standIn.why
    }
  })
}

function safeRead(path: string): ScenarioManifest | null {
  try {
    return readManifest(path)
  } catch {
    return null
  }
}

/** The ffmpeg command line (without the output file) that renders a definition. */
export function ffmpegArguments(definition: ScenarioDefinition, sprites: readonly BuiltSprite[]): string[] {
  const { width, height, fps, durationSeconds: duration } = definition
  const args: string[] = ['-y', '-filter_threads', '1', '-filter_complex_threads', '1']
  for (const segment of definition.background) {
    args.push('-ss', segment.fromSeconds.toFixed(3), '-t', (segment.toSeconds - segment.fromSeconds).toFixed(3), '-i', mediaPath(segment.media))
  }
  for (const sprite of sprites) args.push('-loop', '1', '-framerate', String(fps), '-i', sprite.path)

  const filters: string[] = []
  const segments = definition.background.map((segment, index) => {
    const frames = Math.round((segment.toSeconds - segment.fromSeconds) * fps)
    const repeat = segment.repeat ?? 1
    const loop = repeat > 1 ? `,loop=loop=${repeat - 1}:size=${frames}:start=0` : ''
    filters.push(
      `[${index}:v]fps=${fps},scale=${width}:${height}:flags=bicubic,setsar=1,format=yuv420p,trim=end_frame=${frames},setpts=PTS-STARTPTS${loop}[bg${index}]`
    )
    return `[bg${index}]`
  })
  filters.push(
    `${segments.join('')}concat=n=${segments.length}:v=1:a=0,tpad=stop_mode=clone:stop_duration=${duration},trim=duration=${duration},setpts=PTS-STARTPTS[base]`
  )
  let current = '[base]'
  definition.actors.forEach((actor, index) => {
    const input = definition.background.length + index
    const flip = actor.flip ? ',hflip' : ''
    filters.push(`[${input}:v]scale=-1:${actor.heightPx}:flags=bicubic${flip},format=rgba[sprite${index}]`)
    const xs = piecewiseExpression(actor.path.map((p) => ({ t: p.t, v: p.x })))
    const ys = piecewiseExpression(actor.path.map((p) => ({ t: p.t, v: p.y })))
    const from = actor.path[0].t
    const to = actor.path[actor.path.length - 1].t
    const next = `[v${index}]`
    filters.push(
      `${current}[sprite${index}]overlay=x='${xs}-overlay_w/2':y='${ys}-overlay_h':enable='between(t,${from},${to})':eval=frame:format=yuv420${next}`
    )
    current = next
  })
  filters.push(`${current}format=yuv420p[out]`)

  args.push(
    '-filter_complex', filters.join(';'),
    '-map', '[out]',
    '-t', String(duration),
    '-r', String(fps),
    '-an',
    '-c:v', 'libx264',
    '-preset', 'medium',
    '-crf', '18',
    '-pix_fmt', 'yuv420p',
    '-g', String(fps),
    '-keyint_min', String(fps),
    '-sc_threshold', '0',
    '-threads', '1',
    '-map_metadata', '-1',
    '-fflags', '+bitexact',
    '-flags:v', '+bitexact',
    '-movflags', '+faststart'
  )
  return args
}

function parseArguments(argv: readonly string[]): { out: string; only?: string[]; verify: boolean } {
  let out: string | undefined
  let only: string[] | undefined
  let verify = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--out') out = argv[++i]
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length)
    else if (arg === '--only') only = argv[++i]?.split(',').filter(Boolean)
    else if (arg.startsWith('--only=')) only = arg.slice('--only='.length).split(',').filter(Boolean)
    else if (arg === '--verify') verify = true
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run scenarios -- --out DIR [--only id-or-rule,...] [--verify]\n')
      process.exit(0)
    } else throw new Error(`unknown argument ${arg}`)
  }
  if (!out) throw new Error('--out DIR is required')
  return { out, only, verify }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const { out, only, verify } = parseArguments(process.argv.slice(2))
    const manifests = await buildScenarios(out, { only, log: (line) => process.stderr.write(`[scenarios] ${line}\n`) })
    for (const manifest of manifests) process.stdout.write(`${join(resolve(out), manifest.clip)}\n`)
    if (verify) {
      // Loaded only when asked for: building clips needs no detector.
      const { describeVerdict, runScenario, startDetectorPool } = await import('./run-scenario')
      const pool = await startDetectorPool()
      let failed = 0
      try {
        for (const manifest of manifests) {
          const { verdict } = await runScenario(manifest, resolve(out), { pool })
          process.stderr.write(`${describeVerdict(verdict)}\n`)
          if (!verdict.ok) failed += 1
        }
      } finally {
        await pool.close()
      }
      if (failed > 0) {
        process.stderr.write(`[scenarios] ${failed} scenario(s) failed\n`)
        process.exit(1)
      }
    }
  } catch (error) {
    process.stderr.write(`[scenarios] ${(error as Error).message}\n`)
    process.exit(1)
  }
}
