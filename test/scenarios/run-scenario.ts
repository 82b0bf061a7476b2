import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { DetectorPool } from '../../electron/core/analytics/detection/detector-pool'
import { DEFAULT_DETECTOR_MODEL_ID } from '../../electron/core/analytics/detection/model-manifest'
import { BackgroundModel } from '../../electron/core/analytics/frame/background-model'
import { RuleEngine } from '../../electron/core/analytics/rules/rule-engine'
import type { RuleEvent } from '../../electron/core/analytics/rules/rule-event'
import { compileScene } from '../../electron/core/analytics/scene-compiler'
import { MultiObjectTracker } from '../../electron/core/analytics/tracking/multi-object-tracker'
import type { Detection, TrackSnapshot } from '../../electron/core/analytics/tracking/types'
import { SceneSchema, type SceneInput } from '../../electron/shared/scene'
import { FFMPEG, MODELS_DIR } from './media'
import type { ExpectedEvent, ForbiddenEvent, ScenarioManifest, StandInDetection } from './scenario-schema'

/**
 * Runs a clip through the real analytics chain, the way the console analyses a camera: ffmpeg
 * decodes it to RGB at 5 fps, 640 px wide; each frame goes to the detector (onnxruntime, in a worker
 * thread), then to the tracker, then to the rule engine with the scene compiled to pixel rules.
 * Frame times are the frame index × 200 ms, so a run never depends on the wall clock.
 * Object-removed rules get `changedRegions` from the product's long-term background model,
 * with the tracked boxes excluded, as the camera pipeline does.
 */

export const ANALYSIS_FPS = 5
export const ANALYSIS_WIDTH = 640
export const FRAME_INTERVAL_MS = 1000 / ANALYSIS_FPS

export interface ObservedEvent {
  ruleId: string
  kind: RuleEvent['kind']
  atSeconds: number
  trackIds: number[]
  details: RuleEvent['details']
}

/** What the chain saw in one analysed frame (for reports and counting). */
export interface FrameRecord {
  index: number
  atSeconds: number
  /** Detections the detector returned, all classes, at the model's threshold. */
  detections: number
  /** Person detections at or above the tracker's score for new tracks. */
  personDetections: number
  /** Confirmed tracks published by the tracker, per class group. */
  tracks: Record<string, number>
}

export interface ChainRun {
  width: number
  height: number
  frames: FrameRecord[]
  events: ObservedEvent[]
  /** Wall-clock time of the run, for information only (never asserted). */
  elapsedMs: number
}

export interface ChainOptions {
  /** A running pool to reuse (it is left running); otherwise one worker is started and stopped. */
  pool?: DetectorPool
  modelId?: string
  cameraId?: string
  /** Detections added to the detector's output (see StandInDetectionSchema). */
  standIns?: readonly StandInDetection[]
  /** Called after each frame, e.g. to read the tracks at a given frame. */
  onFrame?: (record: FrameRecord, tracks: readonly TrackSnapshot[], events: readonly ObservedEvent[]) => void
}

export async function startDetectorPool(modelId: string = DEFAULT_DETECTOR_MODEL_ID): Promise<DetectorPool> {
  return DetectorPool.start({ modelsDir: MODELS_DIR, modelId, size: 1 })
}

/** Frame size of a clip once scaled to the analysis width (ffmpeg's scale=640:-2). */
export function analysisSize(width: number, height: number): { width: number; height: number } {
  const scaledHeight = Math.round((height * ANALYSIS_WIDTH) / width / 2) * 2
  return { width: ANALYSIS_WIDTH, height: scaledHeight }
}

/** Runs any clip through the chain with the given scene (normalised coordinates). */
export async function runClip(clipPath: string, sourceSize: { width: number; height: number }, sceneInput: SceneInput, options: ChainOptions = {}): Promise<ChainRun> {
  const started = performance.now()
  const { width, height } = analysisSize(sourceSize.width, sourceSize.height)
  const scene = SceneSchema.parse(sceneInput)
  const engine = new RuleEngine(options.cameraId ?? 'scenario', compileScene(scene, width, height))
  const tracker = new MultiObjectTracker()
  const background = scene.rules.some((rule) => rule.enabled && rule.kind === 'object-removed') ? new BackgroundModel() : null
  const pool = options.pool ?? (await startDetectorPool(options.modelId))
  const frames: FrameRecord[] = []
  const events: ObservedEvent[] = []
  try {
    let index = 0
    for await (const data of decodeFrames(clipPath, width, height)) {
      const at = index * FRAME_INTERVAL_MS
      // The pool moves the buffer to its worker; the background model still needs the pixels.
      const detected = await pool.detect(options.cameraId ?? 'scenario', { width, height, data: background ? data.slice() : data })
      const detections = [...detected, ...standInsAt(options.standIns ?? [], at / 1000, width, height)]
      const tracks = tracker.update({ at, width, height, detections })
      const changedRegions = background?.update({ width, height, data, at }, tracks.map((track) => track.box))
      const fired = engine.process({ at, tracks, changedRegions }).map(
        (event): ObservedEvent => ({ ruleId: event.rule, kind: event.kind, atSeconds: at / 1000, trackIds: event.trackIds, details: event.details })
      )
      events.push(...fired)
      const record: FrameRecord = {
        index,
        atSeconds: at / 1000,
        detections: detections.length,
        personDetections: detections.filter((d) => d.classId === 0 && d.score >= 0.5).length,
        tracks: countBy(tracks.map((track) => track.group))
      }
      frames.push(record)
      options.onFrame?.(record, tracks, fired)
      index += 1
    }
  } finally {
    if (!options.pool) await pool.close()
  }
  return { width, height, frames, events, elapsedMs: performance.now() - started }
}

function standInsAt(standIns: readonly StandInDetection[], seconds: number, width: number, height: number): Detection[] {
  return standIns
    .filter((standIn) => seconds >= standIn.fromSeconds && seconds <= standIn.toSeconds)
    .map((standIn) => ({
      x1: standIn.box.x1 * width,
      y1: standIn.box.y1 * height,
      x2: standIn.box.x2 * width,
      y2: standIn.box.y2 * height,
      score: standIn.score,
      classId: standIn.classId,
      label: standIn.label
    }))
}

/** Raw RGB frames of a clip at the analysis rate and width, decoded by ffmpeg, one at a time. */
async function* decodeFrames(clipPath: string, width: number, height: number): AsyncGenerator<Uint8Array> {
  const child = spawn(
    FFMPEG,
    ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', clipPath, '-vf', `fps=${ANALYSIS_FPS},scale=${ANALYSIS_WIDTH}:-2`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  const frameBytes = width * height * 3
  let pending: Buffer = Buffer.alloc(0)
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk])
      while (pending.length >= frameBytes) {
        // A fresh buffer of exactly one frame, so that it can be transferred to the worker.
        yield new Uint8Array(pending.subarray(0, frameBytes))
        pending = pending.subarray(frameBytes)
      }
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  const code = await exited
  if (code !== 0) throw new Error(`ffmpeg could not decode ${clipPath} (exit ${code}): ${stderr.trim()}`)
  if (pending.length !== 0) throw new Error(`${clipPath}: ${pending.length} stray bytes after the last frame`)
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1
  return counts
}

// ---------------------------------------------------------------------------------------------
// Scenario verdicts

export interface ExpectationResult {
  expected: ExpectedEvent
  /** The event that matched, or null. */
  observed: ObservedEvent | null
  /** Observed time − expected time, when matched. */
  errorSeconds: number | null
  /** Events of the same rule and kind that were seen, for the failure message. */
  candidates: number[]
}

export interface ScenarioVerdict {
  id: string
  ok: boolean
  expectations: ExpectationResult[]
  forbiddenHits: Array<{ rule: ForbiddenEvent; event: ObservedEvent }>
  /** Events of strict rules that no expectation accounts for. */
  unexpected: ObservedEvent[]
  events: ObservedEvent[]
}

function detailsMatch(wanted: ExpectedEvent['details'], actual: ObservedEvent['details']): boolean {
  if (!wanted) return true
  return Object.entries(wanted).every(([key, value]) => actual[key] === value)
}

/**
 * Matches the events of a run against a manifest. Expectations are matched in time order, each to
 * the earliest unused event of the same rule and kind within its tolerance whose details agree.
 */
export function evaluateScenario(manifest: ScenarioManifest, events: readonly ObservedEvent[]): ScenarioVerdict {
  const used = new Set<ObservedEvent>()
  const order = [...manifest.expected].sort((a, b) => a.atSeconds - b.atSeconds)
  const results = new Map<ExpectedEvent, ExpectationResult>()
  for (const expected of order) {
    const sameKind = events.filter((event) => event.ruleId === expected.ruleId && event.kind === expected.kind)
    const observed =
      sameKind.find(
        (event) =>
          !used.has(event) &&
          Math.abs(event.atSeconds - expected.atSeconds) <= expected.toleranceSeconds + 1e-9 &&
          detailsMatch(expected.details, event.details)
      ) ?? null
    if (observed) used.add(observed)
    results.set(expected, {
      expected,
      observed,
      errorSeconds: observed ? Math.round((observed.atSeconds - expected.atSeconds) * 1000) / 1000 : null,
      candidates: sameKind.map((event) => event.atSeconds)
    })
  }
  const forbiddenHits: ScenarioVerdict['forbiddenHits'] = []
  for (const rule of manifest.forbidden ?? []) {
    const spec = typeof rule === 'string' ? { kind: rule } : rule
    for (const event of events) {
      if (event.kind !== spec.kind) continue
      if ('ruleId' in spec && spec.ruleId !== undefined && event.ruleId !== spec.ruleId) continue
      if ('fromSeconds' in spec && spec.fromSeconds !== undefined && event.atSeconds < spec.fromSeconds) continue
      if ('toSeconds' in spec && spec.toSeconds !== undefined && event.atSeconds > spec.toSeconds) continue
      forbiddenHits.push({ rule, event })
    }
  }
  const strict = new Set(manifest.strictRules ?? [])
  const unexpected = events.filter((event) => strict.has(event.ruleId) && !used.has(event))
  const expectations = manifest.expected.map((expected) => results.get(expected) as ExpectationResult)
  return {
    id: manifest.id,
    ok: expectations.every((r) => r.observed !== null) && forbiddenHits.length === 0 && unexpected.length === 0,
    expectations,
    forbiddenHits,
    unexpected,
    events: [...events]
  }
}

/** Runs a built scenario (its JSON and clip in `dir`) and judges it. */
export async function runScenario(manifest: ScenarioManifest, dir: string, options: ChainOptions = {}): Promise<{ run: ChainRun; verdict: ScenarioVerdict }> {
  const run = await runClip(join(dir, manifest.clip), { width: manifest.width, height: manifest.height }, manifest.scene, {
    ...options,
    standIns: manifest.standInDetections
  })
  return { run, verdict: evaluateScenario(manifest, run.events) }
}

/** A readable account of a verdict, for test failures and the CLI. */
export function describeVerdict(verdict: ScenarioVerdict): string {
  const lines = [`${verdict.id}: ${verdict.ok ? 'OK' : 'FAILED'}`]
  for (const result of verdict.expectations) {
    const { expected } = result
    const head = `  expect ${expected.ruleId}/${expected.kind} at ${expected.atSeconds}s ±${expected.toleranceSeconds}s${expected.details ? ` ${JSON.stringify(expected.details)}` : ''}`
    lines.push(
      result.observed
        ? `${head}: seen at ${result.observed.atSeconds}s (${result.errorSeconds! >= 0 ? '+' : ''}${result.errorSeconds}s)`
        : `${head}: MISSING (same rule and kind seen at: ${result.candidates.join(', ') || 'never'})`
    )
  }
  for (const hit of verdict.forbiddenHits) lines.push(`  forbidden ${JSON.stringify(hit.rule)}: fired at ${hit.event.atSeconds}s ${JSON.stringify(hit.event.details)}`)
  for (const event of verdict.unexpected) lines.push(`  unexpected ${event.ruleId}/${event.kind} at ${event.atSeconds}s ${JSON.stringify(event.details)}`)
  lines.push(`  all events: ${verdict.events.map((e) => `${e.ruleId}/${e.kind}@${e.atSeconds}${e.kind === 'people-count' || e.kind === 'crowd-density' ? JSON.stringify(e.details) : ''}`).join(' ') || 'none'}`)
  return lines.join('\n')
}
