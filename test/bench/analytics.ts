import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { InferenceSession, Tensor } from 'onnxruntime-node'
import type { AnalyticsEvent } from '../../electron/shared/analytics-events'
import type { CameraConfigInput } from '../../electron/shared/camera'
import type { ModuleId } from '../../electron/shared/compliance'
import { createRpcClient, type RpcClient } from '../../electron/shared/rpc/client'
import { createMemoryTransportPair } from '../../electron/shared/rpc/memory-transport'
import { RULE_MODULE, SceneSchema, type Scene, type SceneInput } from '../../electron/shared/scene'
import { AnalysisFeed, type AnalysisFrame } from '../../electron/core/analytics/analysis-feed'
import { CameraPipeline, type EventModelInfo, type FrameDetector, type FrameTimings } from '../../electron/core/analytics/camera-pipeline'
import { defaultPoolSize } from '../../electron/core/analytics/detection/detector-pool'
import { letterbox } from '../../electron/core/analytics/detection/letterbox'
import { loadModelManifest } from '../../electron/core/analytics/detection/model-manifest'
import { requireModelFile } from '../../electron/core/analytics/detection/model-files'
import { SharedDetector } from '../../electron/core/analytics/detection/shared-detector'
import { encodeJpeg } from '../../electron/core/analytics/frame/snapshot-jpeg'
import { DEMO_CLIPS } from '../../electron/core/config/demo-site'
import { writeFileAtomic } from '../../electron/core/fs/atomic-file'
import { spawnGuarded } from '../../electron/core/ingest/child-process-guard'
import { resolveFfmpeg } from '../../electron/core/ingest/ffmpeg-path'
import { unlockThroughDossier } from '../fixtures/compliance-flow'
import { repoRoot, startTestCore, waitFor, type CoreHarness } from '../fixtures/core-harness'
import { installPackWithConfirmedExperiment } from '../fixtures/rule-packs'
import { childPids, commandLine, machineCpuTimes, sampleProcess, threadCpuSeconds } from './proc-stats'

/**
 * npm run bench -- analytics [--frames N] [--cameras K] [--seconds S] [--step-seconds S] [--max-cameras N]
 *                            [--skip-latency] [--skip-capacity] [--json]
 *
 * 1. Per-frame split. Real clips are decoded once into memory by the analysis feed itself (its ffmpeg
 *    arguments, 5 fps, 640 px, read at the native rate), with the ffmpeg's CPU read from /proc for each
 *    frame. The frames then go one after the other through CameraPipeline.process() (privacy mask,
 *    detector in a one-worker pool exactly as the core builds it, tracker, rules) on realistic scenes,
 *    motion gating off, after a warm-up. The worker reports preprocess / inference / postprocess, the
 *    pipeline the rest; the wall time of process() includes the hand-off to the worker and back.
 * 2. Floor: bare InferenceSession.run() of the same model in this thread (one intra-op thread) on the
 *    same frames' input tensors, prepared beforehand with the project's letterbox(). Pipeline and floor
 *    alternate by blocks of frames, so that a load from other processes weighs on both alike; that
 *    load is reported (otherProcessesPercentOfMachine) because it skews every absolute time.
 * 3. Frames per CPU-second of this process (worker threads included), without and with motion gating.
 * 4. Alert latency on a real core: K cameras loop a clip where a worker walks into a zone; from the
 *    event's frame time to its arrival at a connected operator's client (events.onDidRaise).
 * 5. Capacity: cores with N = 2, 4, … cameras cycling through the demo clips, motion gating on, each
 *    camera's analysed frame rate from analytics.status over the API; stops at the first step where a
 *    camera falls below 4.75 frames/s.
 * Progress goes to stderr; one JSON object is the last line of stdout.
 */

const MODEL_ID = 'nanodet-plus-416'
const FEED_FPS = 5
const SUSTAINED_FPS = 4.75
const RATIO_TARGET = 1.25
const LATENCY_P95_TARGET_MS = 1000
const CAPACITY_TARGET = 8
const WARMUP_FRAMES = 10
const FLOOR_WARMUP_RUNS = 10
const CORE_WARMUP_MS = 5000
/** USER_HZ, the unit of /proc/stat */
const CLOCK_TICKS_PER_SECOND = 100
const PASSWORDS = { admin: 'Lanterne-Brume-Quai-1871', alice: 'Phare-Ouest-Marée-Haute', bruno: 'Quai-Des-Brumes-Sous-La-Pluie', olga: 'Toits-Rouges-Sur-La-Ville-77' }

const progress = (message: string): void => {
  process.stderr.write(`[bench:analytics] ${message}\n`)
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const round = (value: number, digits = 2): number => Number(value.toFixed(digits))

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]
}

interface Summary {
  mean: number
  p50: number
  p95: number
}

function summarise(values: readonly number[], digits = 3): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)
  return { mean: round(mean, digits), p50: round(percentile(sorted, 0.5) ?? 0, digits), p95: round(percentile(sorted, 0.95) ?? 0, digits) }
}

const rect = (x1: number, y1: number, x2: number, y2: number) => [
  { x: x1, y: y1 },
  { x: x2, y: y1 },
  { x: x2, y: y2 },
  { x: x1, y: y2 }
]

/** Where the worker of the warehouse clip walks to: he enters from the bottom edge and stops in this area. */
const WAREHOUSE_ZONE = rect(0, 0.5, 0.55, 0.88)

/** Part 1's clips, each with a scene an installer could have drawn on it: a zone, an intrusion rule, a count, a mask. */
const SPLIT_CLIPS: ReadonlyArray<{ id: string; path: string; scene: SceneInput }> = [
  {
    id: 'parvis',
    path: 'resources/media/intel_one-by-one-person-detection.mp4',
    scene: {
      zones: [{ id: 'abords-table', name: 'Abords de la table', polygon: rect(0.3, 0.55, 0.85, 1) }],
      masks: [{ id: 'fenetre-logement', name: 'Fenêtre d’un logement voisin', polygon: rect(0, 0, 0.16, 0.42) }],
      rules: [
        { id: 'intrusion-table', name: 'Intrusion aux abords de la table', kind: 'intrusion', zoneId: 'abords-table', priority: 'high' },
        { id: 'occupation-table', name: 'Occupation des abords de la table', kind: 'people-counting', zoneId: 'abords-table' }
      ]
    }
  },
  {
    id: 'entrepot',
    path: 'resources/media/derived/intel_worker-zone-detection.mp4',
    scene: {
      zones: [{ id: 'allee', name: 'Allée des machines', polygon: WAREHOUSE_ZONE }],
      lines: [{ id: 'seuil', name: 'Seuil de l’allée', start: { x: 0, y: 0.88 }, end: { x: 1, y: 0.88 } }],
      masks: [{ id: 'bureaux', name: 'Bureaux vitrés', polygon: rect(0.8, 0, 1, 0.2) }],
      rules: [
        { id: 'intrusion-allee', name: 'Intrusion dans l’allée', kind: 'intrusion', zoneId: 'allee', priority: 'high' },
        { id: 'passages-seuil', name: 'Passages au seuil', kind: 'people-counting', lineId: 'seuil', inDirection: 'B->A' }
      ]
    }
  }
]

/** Decoded frames of one clip, with the CPU its ffmpeg had used when each arrived. */
interface DecodedClip {
  id: string
  scene: Scene
  frames: AnalysisFrame[]
  /** /proc/<pid>/stat user+system, in clock ticks converted to seconds */
  statCpuSeconds: number[]
  /** sum of the threads' schedstat run time (nanosecond resolution) */
  threadCpuSeconds: number[]
}

/** Decodes `count` frames of a clip through the analysis feed itself, so that the ffmpeg arguments are the app's. */
async function decodeClip(ffmpegPath: string, clip: (typeof SPLIT_CLIPS)[number], count: number): Promise<DecodedClip> {
  let pid: number | undefined
  const feed = new AnalysisFeed({
    cameraId: `bench-${clip.id}`,
    source: join(repoRoot, clip.path),
    rtspTransport: 'tcp',
    ffmpegPath,
    spawn: (command, args) => {
      const child = spawnGuarded(command, args)
      pid = child.pid
      return child
    }
  })
  const decoded: DecodedClip = { id: clip.id, scene: SceneSchema.parse(clip.scene), frames: [], statCpuSeconds: [], threadCpuSeconds: [] }
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`decoding ${clip.path} timed out: ${feed.lastProblem ?? 'no frame'}`)), count * 400 + 20_000)
      feed.onFrame((frame) => {
        if (decoded.frames.length >= count || pid === undefined) return
        // Sampled first, while ffmpeg waits for the next frame's time (it reads at the native rate).
        decoded.statCpuSeconds.push(sampleProcess(pid)?.cpuSeconds ?? Number.NaN)
        decoded.threadCpuSeconds.push(threadCpuSeconds(pid) ?? Number.NaN)
        decoded.frames.push(frame)
        if (decoded.frames.length === count) {
          clearTimeout(timer)
          resolve()
        }
      })
      feed.start()
    })
  } finally {
    await feed.stop()
  }
  return decoded
}

/** ffmpeg CPU per decoded frame. The first frame carries the start-up (probing, opening), so it is left out. */
function decodeCost(clips: DecodedClip[]) {
  const perFrameMs: number[] = []
  let statSeconds = 0
  let threadSeconds = 0
  let frames = 0
  const perClip: Record<string, number> = {}
  for (const clip of clips) {
    const last = clip.frames.length - 1
    const clipStat = clip.statCpuSeconds[last] - clip.statCpuSeconds[0]
    statSeconds += clipStat
    threadSeconds += clip.threadCpuSeconds[last] - clip.threadCpuSeconds[0]
    frames += last
    perClip[clip.id] = round((1000 * clipStat) / last, 3)
    for (let i = 1; i <= last; i += 1) perFrameMs.push(1000 * (clip.threadCpuSeconds[i] - clip.threadCpuSeconds[i - 1]))
  }
  const precise = summarise(perFrameMs)
  return {
    // The mean from /proc/<pid>/stat (10 ms ticks, exact over many frames); the p95 needs the finer per-thread clock.
    mean: round((1000 * statSeconds) / frames, 3),
    p95: precise.p95,
    meanFromThreadClock: round((1000 * threadSeconds) / frames, 3),
    perClipMean: perClip,
    frames
  }
}

const copyFrame = (frame: AnalysisFrame, at: number): AnalysisFrame => ({ width: frame.width, height: frame.height, data: frame.data.slice(), at })

/** Pipelines and copies of the frames, one camera per clip, frame times keeping the feed's real spacing. */
function preparePass(detector: FrameDetector, model: EventModelInfo, clips: DecodedClip[], motionGating: boolean, limit = Infinity) {
  const start = Date.now()
  const events: Record<string, number> = {}
  const entries: Array<{ pipeline: CameraPipeline; frame: AnalysisFrame; clip: number; index: number }> = []
  let timings: FrameTimings | null = null
  let tracks = 0
  const pipelines = clips.map((clip, clipIndex) => {
    const pipeline = new CameraPipeline({
      cameraId: `bench-${clip.id}`,
      detector,
      model,
      scene: clip.scene,
      allowedModules: new Set<ModuleId>(clip.scene.rules.map((rule) => RULE_MODULE[rule.kind])),
      motionGating,
      onEvent: (event) => {
        const key = `${clip.id}/${event.kind}`
        events[key] = (events[key] ?? 0) + 1
      },
      onOverlay: (overlay) => {
        tracks = overlay.tracks.length
      },
      onTimings: (frameTimings) => {
        timings = frameTimings
      }
    })
    clip.frames.slice(0, limit).forEach((frame, index) => {
      entries.push({ pipeline, frame: copyFrame(frame, start + frame.at - clip.frames[0].at), clip: clipIndex, index })
    })
    return pipeline
  })
  /** One frame through its camera's pipeline: the wall time of process() and what the pipeline reported. */
  const step = async (entry: (typeof entries)[number]) => {
    timings = null
    const before = performance.now()
    await entry.pipeline.process(entry.frame)
    const wallMs = performance.now() - before
    if (timings === null) throw new Error('the pipeline reported no timings')
    return { wallMs, timings: timings as FrameTimings, tracks }
  }
  const stats = () => ({
    frames: pipelines.reduce((n, p) => n + p.stats.processed, 0),
    still: pipelines.reduce((n, p) => n + p.stats.still, 0)
  })
  return { entries, step, stats, events }
}

/** CPU of this process (worker threads included) and of the whole machine, to tell our share from other processes'. */
class CpuMeter {
  ownSeconds = 0
  machineBusySeconds = 0
  machineSeconds = 0
  private own: NodeJS.CpuUsage | null = null
  private machine = machineCpuTimes()

  start(): void {
    this.own = process.cpuUsage()
    this.machine = machineCpuTimes()
  }

  stop(): void {
    const own = process.cpuUsage(this.own ?? undefined)
    const machine = machineCpuTimes()
    this.ownSeconds += (own.user + own.system) / 1e6
    this.machineBusySeconds += (machine.busy - this.machine.busy) / CLOCK_TICKS_PER_SECOND
    this.machineSeconds += (machine.total - this.machine.total) / CLOCK_TICKS_PER_SECOND
  }

  /** Share of the machine other processes used meanwhile (they skew every timing here). */
  othersPercentOfMachine(): number {
    return round((100 * Math.max(0, this.machineBusySeconds - this.ownSeconds)) / Math.max(1e-9, this.machineSeconds), 1)
  }
}

/** Pipeline and floor alternate by blocks of this many frames, so that both see the same machine. */
const BLOCK_FRAMES = 25

async function measureSplit(ffmpegPath: string, frameCount: number) {
  const perClip = Math.ceil(frameCount / SPLIT_CLIPS.length)
  progress(`decoding ${perClip} frames of each of ${SPLIT_CLIPS.length} clips at ${FEED_FPS} fps (the analysis feed reads at the native rate)`)
  const clips = await Promise.all(SPLIT_CLIPS.map((clip) => decodeClip(ffmpegPath, clip, perClip)))
  const decode = decodeCost(clips)
  const { width, height } = clips[0].frames[0]

  // The floor: bare onnxruntime in this thread, same model and session options as the worker's, inputs made beforehand.
  const modelsDir = join(repoRoot, 'models')
  const manifest = loadModelManifest(modelsDir, MODEL_ID)
  const session = await InferenceSession.create(requireModelFile(modelsDir, manifest), { executionProviders: ['cpu'], intraOpNumThreads: 1, logSeverityLevel: 3 })
  const { width: inputWidth, height: inputHeight } = manifest.input
  const inputs = clips.map((clip) =>
    clip.frames.map((frame) => ({
      [session.inputNames[0]]: new Tensor('float32', letterbox(frame, inputWidth, inputHeight, manifest.preprocessing).tensor, [1, 3, inputHeight, inputWidth])
    }))
  )

  // The detector as the core builds it (SharedDetector: frames copied to the worker, not moved), one worker.
  const shared = new SharedDetector({ modelsDir, modelId: MODEL_ID, size: 1 })
  const wallMs: number[] = []
  const timings: FrameTimings[] = []
  const tracks: number[] = []
  const floorMs: number[] = []
  const ungatedCpu = new CpuMeter()
  const floorCpu = new CpuMeter()
  const gatedCpu = new CpuMeter()
  const gatedWallMs: number[] = []
  let ungatedStats: { frames: number; still: number }
  let gatedStats: { frames: number; still: number }
  let events: Record<string, number>
  try {
    const { detector, model } = await shared.get()
    progress(`warm-up: ${WARMUP_FRAMES} frames through a pipeline, ${FLOOR_WARMUP_RUNS} bare runs`)
    const warmup = preparePass(detector, model, clips.slice(0, 1), false, WARMUP_FRAMES)
    for (const entry of warmup.entries) await warmup.step(entry)
    for (let i = 0; i < FLOOR_WARMUP_RUNS; i += 1) await session.run(inputs[0][i % inputs[0].length])

    const ungated = preparePass(detector, model, clips, false)
    progress(`pipeline (motion gating off) and floor, alternating by ${BLOCK_FRAMES} frames: ${ungated.entries.length} frames`)
    for (let first = 0; first < ungated.entries.length; first += BLOCK_FRAMES) {
      const block = ungated.entries.slice(first, first + BLOCK_FRAMES)
      ungatedCpu.start()
      for (const entry of block) {
        const result = await ungated.step(entry)
        wallMs.push(result.wallMs)
        timings.push(result.timings)
        tracks.push(result.tracks)
      }
      ungatedCpu.stop()
      floorCpu.start()
      for (const entry of block) {
        const before = performance.now()
        await session.run(inputs[entry.clip][entry.index])
        floorMs.push(performance.now() - before)
      }
      floorCpu.stop()
    }
    ungatedStats = ungated.stats()
    events = ungated.events

    const gated = preparePass(detector, model, clips, true)
    progress(`pipeline, motion gating on: the same ${gated.entries.length} frames`)
    gatedCpu.start()
    for (const entry of gated.entries) gatedWallMs.push((await gated.step(entry)).wallMs)
    gatedCpu.stop()
    gatedStats = gated.stats()
  } finally {
    await shared.close()
    await session.release()
  }

  // What an alert costs the main thread besides the pipeline: the snapshot's JPEG (per event, not per frame).
  const jpegFrames = clips.flatMap((clip) => clip.frames).slice(0, 25)
  for (const frame of jpegFrames.slice(0, 5)) encodeJpeg(frame)
  const jpegs: Buffer[] = []
  const jpegMs = jpegFrames.map((frame) => {
    const before = performance.now()
    jpegs.push(encodeJpeg(frame))
    return performance.now() - before
  })
  // And what the event's push to the screens waits for after the INSERT: the snapshot written atomically (fsyncs included).
  const snapshotDir = await mkdtemp(join(tmpdir(), 'vigie-bench-analytics-'))
  const writeMs: number[] = []
  try {
    for (const [i, jpeg] of jpegs.entries()) {
      const before = performance.now()
      await writeFileAtomic(join(snapshotDir, 'bench', `${i}.jpg`), jpeg)
      writeMs.push(performance.now() - before)
    }
  } finally {
    await rm(snapshotDir, { recursive: true, force: true })
  }

  const field = (name: keyof FrameTimings) => summarise(timings.map((frameTimings) => frameTimings[name]))
  const stagesMs = timings.map((t) => t.maskMs + t.gateMs + t.preprocessMs + t.inferenceMs + t.postprocessMs + t.trackingMs + t.rulesMs)
  const pipelineMs = summarise(wallMs)
  const floor = summarise(floorMs)
  const decodeMs = decode.mean
  return {
    clips: clips.map((clip) => ({ id: clip.id, path: SPLIT_CLIPS.find((c) => c.id === clip.id)?.path, frames: clip.frames.length })),
    frameSize: `${width}x${height}`,
    warmupFrames: WARMUP_FRAMES,
    perFrame: {
      decode: { mean: decode.mean, p95: decode.p95, meanFromThreadClock: decode.meanFromThreadClock, perClipMean: decode.perClipMean },
      mask: field('maskMs'),
      gate: field('gateMs'),
      preprocess: field('preprocessMs'),
      inference: field('inferenceMs'),
      postprocess: field('postprocessMs'),
      tracking: field('trackingMs'),
      rules: field('rulesMs'),
      /** process() wall time outside every stage: the frame's copy to the worker and the reply, overlay, events. */
      handoff: summarise(wallMs.map((wall, i) => wall - stagesMs[i])),
      pipelineMs
    },
    floor: { ...floor, runs: floorMs.length, intraOpNumThreads: 1, thread: 'main' },
    ratio: round(pipelineMs.mean / floor.mean, 3),
    ratioTarget: RATIO_TARGET,
    framesPerSecondPerCore: {
      withoutMotionGating: round(ungatedStats.frames / ungatedCpu.ownSeconds),
      frames: ungatedStats.frames,
      cpuSeconds: round(ungatedCpu.ownSeconds, 3),
      /** The same, counting the ffmpeg decode each frame needs as well. */
      withoutMotionGatingIncludingDecode: round(ungatedStats.frames / (ungatedCpu.ownSeconds + (ungatedStats.frames * decodeMs) / 1000)),
      withMotionGating: round(gatedStats.frames / gatedCpu.ownSeconds),
      withMotionGatingCpuSeconds: round(gatedCpu.ownSeconds, 3),
      withMotionGatingIncludingDecode: round(gatedStats.frames / (gatedCpu.ownSeconds + (gatedStats.frames * decodeMs) / 1000)),
      stillShare: round(gatedStats.still / gatedStats.frames, 3),
      withMotionGatingPipelineMs: summarise(gatedWallMs),
      /** Bare run() frames per CPU-second, for comparison. */
      floor: round(floorMs.length / floorCpu.ownSeconds)
    },
    tracksPerFrame: round(tracks.reduce((a, b) => a + b, 0) / tracks.length),
    eventsRaised: events,
    snapshotJpegMs: summarise(jpegMs),
    snapshotJpegBytes: Math.round(jpegs.reduce((n, jpeg) => n + jpeg.length, 0) / jpegs.length),
    snapshotWriteMs: summarise(writeMs),
    otherProcessesPercentOfMachine: {
      pipeline: ungatedCpu.othersPercentOfMachine(),
      floor: floorCpu.othersPercentOfMachine(),
      gated: gatedCpu.othersPercentOfMachine()
    }
  }
}

/** A real core on a temporary folder, with cameras, scenes, people, and detection-intrusion unlocked by its dossier. */
interface Site {
  harness: CoreHarness
  supervisor: RpcClient
  operator: RpcClient
  problems: string[]
  dispose(): Promise<void>
}

async function startSite(cameras: CameraConfigInput[], scene: SceneInput, onEvent: (event: AnalyticsEvent) => void): Promise<Site> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigie-bench-analytics-'))
  const clients: RpcClient[] = []
  const problems: string[] = []
  let harness: CoreHarness | null = null
  let lastOverlayAt = performance.now()
  let supervisor: RpcClient | null = null
  /**
   * Stops the analytics through the lock and waits until the last frame has left the detector before
   * the core is disposed: DetectorPool.close() terminates its workers at once, and a worker ended in
   * the middle of InferenceSession.run() aborts the whole process (onnxruntime-node, SIGABRT).
   */
  const quiesce = async (client: RpcClient): Promise<void> => {
    await client.call('compliance.revoke', { moduleId: 'detection-intrusion', justification: 'Fin de la mesure de performance' })
    await waitFor(async () => (await client.call('analytics.status', {})).every((status) => !status.running), 'the analytics to stop', 20_000, 100)
    await waitFor(() => performance.now() - lastOverlayAt > 1000, 'the detector to go idle', 20_000, 100)
  }
  const dispose = async (): Promise<void> => {
    if (supervisor) await quiesce(supervisor).catch((error: unknown) => progress(`could not stop the analytics before disposing the core: ${(error as Error).message}`))
    for (const client of clients.splice(0)) client.close()
    await harness?.dispose()
    await rm(dataDir, { recursive: true, force: true })
  }
  try {
    await writeFile(join(dataDir, 'cameras.json'), JSON.stringify({ version: 1, cameras }))
    await installPackWithConfirmedExperiment(dataDir)
    harness = await startTestCore({
      dataDir,
      log: (message) => {
        if (/fail|not stored|no detector|restarting|error/i.test(message)) problems.push(message)
      }
    })
    const core = harness.core
    const connect = (workstation: string): RpcClient => {
      const [screen, end] = createMemoryTransportPair()
      core.connect(end, { transport: 'memory', workstation })
      const client = createRpcClient(screen)
      clients.push(client)
      return client
    }
    const admin = connect('installation')
    await admin.call('setup.createFirstAdmin', {
      organisation: { name: 'Préfecture de police', deployer: 'police-nationale' },
      username: 'admin',
      displayName: 'Admin',
      password: PASSWORDS.admin
    })
    const people = [
      { username: 'alice' as const, displayName: 'Alice', roles: ['supervisor' as const], allGroups: true },
      { username: 'bruno' as const, displayName: 'Bruno', roles: ['dpo' as const] },
      { username: 'olga' as const, displayName: 'Olga', roles: ['operator' as const], groups: ['bench'] }
    ]
    const logged: Record<string, RpcClient> = {}
    for (const person of people) {
      await admin.call('users.create', { ...person, password: PASSWORDS[person.username] })
      const client = connect(`poste de ${person.username}`)
      await client.call('session.login', { username: person.username, password: PASSWORDS[person.username] })
      logged[person.username] = client
    }
    logged.olga.on('events.onDidRaise', onEvent)
    logged.olga.on('analytics.onDidUpdateOverlay', () => {
      lastOverlayAt = performance.now()
    })
    for (const camera of cameras) await logged.alice.call('analytics.saveScene', { cameraId: camera.id, scene })
    await unlockThroughDossier(logged.alice, [logged.alice, logged.bruno], 'detection-intrusion')
    supervisor = logged.alice
    return { harness, supervisor: logged.alice, operator: logged.olga, problems, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}

/** Resolves once every camera's module runs and has analysed a frame. */
async function waitUntilAnalysing(site: Site, cameraIds: string[]): Promise<void> {
  await waitFor(
    async () => {
      const statuses = await site.supervisor.call('analytics.status', {})
      return cameraIds.every((id) => statuses.some((status) => status.cameraId === id && status.running && status.framesAnalysed > 0))
    },
    'every camera to be analysed',
    120_000,
    250
  )
}

const benchCamera = (id: string, source: string): CameraConfigInput => ({
  id,
  name: id,
  source,
  // Display by stream copy, as for an H.264 camera: the bench measures the analytics, not libx264.
  transcode: 'auto',
  group: 'bench',
  analytics: ['detection-intrusion']
})

async function measureLatency(cameraCount: number, seconds: number) {
  const source = join(repoRoot, 'resources/media/derived/intel_worker-zone-detection.mp4')
  const cameras = Array.from({ length: cameraCount }, (_, i) => benchCamera(`entrepot-${i + 1}`, source))
  const scene: SceneInput = {
    zones: [{ id: 'allee', name: 'Allée des machines', polygon: WAREHOUSE_ZONE }],
    rules: [{ id: 'intrusion-allee', name: 'Intrusion dans l’allée', kind: 'intrusion', zoneId: 'allee', priority: 'high', minDwellSeconds: 0 }]
  }
  let windowStart = Infinity
  let windowEnd = Infinity
  const samples: Array<{ total: number; toStored: number; storedToClient: number }> = []
  const models = new Set<string>()
  const site = await startSite(cameras, scene, (event) => {
    const received = Date.now()
    models.add(event.model.id)
    if (event.kind !== 'intrusion' || event.at < windowStart || event.at > windowEnd) return
    samples.push({ total: received - event.at, toStored: event.recordedAt - event.at, storedToClient: received - event.recordedAt })
  })
  try {
    await waitUntilAnalysing(site, cameras.map((camera) => camera.id))
    await sleep(CORE_WARMUP_MS)
    progress(`latency: ${cameraCount} cameras, measuring for ${seconds} s`)
    const cpuBefore = sampleCpu()
    windowStart = Date.now()
    await sleep(seconds * 1000)
    windowEnd = Date.now()
    const cpu = cpuBetween(cpuBefore, sampleCpu())
    // Events of frames inside the window that are still on their way.
    await sleep(3000)
    const sorted = (pick: (s: (typeof samples)[number]) => number) => samples.map(pick).sort((a, b) => a - b)
    const total = sorted((s) => s.total)
    const p = (values: number[], f: number) => (values.length ? percentile(values, f) : null)
    return {
      cameras: cameraCount,
      seconds,
      clip: 'resources/media/derived/intel_worker-zone-detection.mp4 (looped)',
      model: [...models].join(', '),
      count: samples.length,
      p50: p(total, 0.5),
      p95: p(total, 0.95),
      max: total.length ? total[total.length - 1] : null,
      frameToStoredP95: p(sorted((s) => s.toStored), 0.95),
      storedToClientP95: p(sorted((s) => s.storedToClient), 0.95),
      target: { p95MaxMs: LATENCY_P95_TARGET_MS },
      ...cpu,
      problems: site.problems.slice(0, 10)
    }
  } finally {
    await site.dispose()
  }
}

interface ProcessCpu {
  own: NodeJS.CpuUsage
  children: Map<number, { seconds: number; analysis: boolean }>
  machine: ReturnType<typeof machineCpuTimes>
  at: number
}

function sampleCpu(): ProcessCpu {
  const children = new Map<number, { seconds: number; analysis: boolean }>()
  for (const pid of childPids(process.pid, 'ffmpeg')) {
    const sample = sampleProcess(pid)
    if (sample) children.set(pid, { seconds: sample.cpuSeconds, analysis: commandLine(pid)?.includes('rawvideo') ?? false })
  }
  return { own: process.cpuUsage(), children, machine: machineCpuTimes(), at: performance.now() }
}

function cpuBetween(before: ProcessCpu, after: ProcessCpu) {
  const elapsed = (after.at - before.at) / 1000
  const own = process.cpuUsage(before.own)
  const ownSeconds = (own.user + own.system) / 1e6
  let analysis = 0
  let display = 0
  for (const [pid, end] of after.children) {
    const start = before.children.get(pid)?.seconds ?? 0
    if (end.analysis) analysis += end.seconds - start
    else display += end.seconds - start
  }
  const cores = availableParallelism()
  const ours = (100 * (ownSeconds + analysis + display)) / (elapsed * cores)
  const machineBusy = (100 * (after.machine.busy - before.machine.busy)) / Math.max(1, after.machine.total - before.machine.total)
  const percentOfOneCore = (seconds: number) => round((100 * seconds) / elapsed, 1)
  return {
    /** This process and its ffmpeg children, as a share of the whole machine (100 = every core busy). */
    cpuPercentOfMachine: round(ours, 1),
    nodePercentOfOneCore: percentOfOneCore(ownSeconds),
    ffmpegAnalysisPercentOfOneCore: percentOfOneCore(analysis),
    ffmpegDisplayPercentOfOneCore: percentOfOneCore(display),
    /** Every process on the machine, from /proc/stat, as a cross-check. */
    machineBusyPercent: round(machineBusy, 1),
    otherProcessesPercentOfMachine: round(Math.max(0, machineBusy - ours), 1)
  }
}

async function measureCapacityStep(cameraCount: number, stepSeconds: number) {
  const cameras = Array.from({ length: cameraCount }, (_, i) => {
    const clip = DEMO_CLIPS[i % DEMO_CLIPS.length]
    return benchCamera(`cam-${String(i + 1).padStart(2, '0')}-${clip.id.replace(/^demo-/, '')}`, join(repoRoot, clip.assetPath))
  })
  // A zone over the lower half of the image, where people and vehicles walk or drive in every demo clip.
  const scene: SceneInput = {
    zones: [{ id: 'sol', name: 'Sol', polygon: rect(0, 0.5, 1, 1) }],
    rules: [{ id: 'intrusion-sol', name: 'Intrusion', kind: 'intrusion', zoneId: 'sol', priority: 'high' }]
  }
  let events = 0
  const site = await startSite(cameras, scene, () => {
    events += 1
  })
  try {
    const ids = cameras.map((camera) => camera.id)
    await waitUntilAnalysing(site, ids)
    await sleep(CORE_WARMUP_MS)
    const status = async () => new Map((await site.supervisor.call('analytics.status', {})).map((s) => [s.cameraId, s.framesAnalysed]))
    const framesBefore = await status()
    const cpuBefore = sampleCpu()
    const eventsBefore = events
    await sleep(stepSeconds * 1000)
    const framesAfter = await status()
    const cpuAfter = sampleCpu()
    const elapsed = (cpuAfter.at - cpuBefore.at) / 1000
    const fps = ids.map((id) => ((framesAfter.get(id) ?? 0) - (framesBefore.get(id) ?? 0)) / elapsed)
    const minFps = Math.min(...fps)
    return {
      cameras: cameraCount,
      minFps: round(minFps),
      meanFps: round(fps.reduce((a, b) => a + b, 0) / fps.length),
      perCameraFps: Object.fromEntries(ids.map((id, i) => [id, round(fps[i])])),
      sustained: minFps >= SUSTAINED_FPS,
      ...cpuBetween(cpuBefore, cpuAfter),
      events: events - eventsBefore,
      problems: site.problems.slice(0, 10)
    }
  } finally {
    await site.dispose()
  }
}

async function measureCapacity(maxCameras: number, stepSeconds: number) {
  const steps: Array<Awaited<ReturnType<typeof measureCapacityStep>>> = []
  let maxSustained = 0
  for (let cameras = 2; cameras <= Math.min(12, maxCameras); cameras += 2) {
    progress(`capacity: ${cameras} cameras, measuring for ${stepSeconds} s after a ${CORE_WARMUP_MS / 1000} s warm-up`)
    const step = await measureCapacityStep(cameras, stepSeconds)
    steps.push(step)
    progress(`capacity: ${cameras} cameras → min ${step.minFps} / mean ${step.meanFps} frames/s, ${step.cpuPercentOfMachine} % of the machine`)
    if (!step.sustained) break
    maxSustained = cameras
  }
  return {
    motionGating: true,
    stepSeconds,
    warmupSeconds: CORE_WARMUP_MS / 1000,
    clips: DEMO_CLIPS.map((clip) => clip.assetPath),
    sustainedFps: SUSTAINED_FPS,
    steps,
    maxCamerasAt5fps: maxSustained,
    target: { minCameras: CAPACITY_TARGET, onCores: 2 }
  }
}

export async function benchAnalytics(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      frames: { type: 'string', default: '150' },
      cameras: { type: 'string', default: '4' },
      seconds: { type: 'string', default: '60' },
      'step-seconds': { type: 'string', default: '20' },
      'max-cameras': { type: 'string', default: '12' },
      'skip-latency': { type: 'boolean', default: false },
      'skip-capacity': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false }
    }
  })
  const started = performance.now()
  const ffmpeg = resolveFfmpeg()
  const split = await measureSplit(ffmpeg.path, Number(values.frames))
  const latency = values['skip-latency'] ? null : await measureLatency(Number(values.cameras), Number(values.seconds))
  const capacity = values['skip-capacity'] ? null : await measureCapacity(Number(values['max-cameras']), Number(values['step-seconds']))

  // Every core disposed: no ffmpeg of ours may be left.
  const stray = await waitFor(() => childPids(process.pid, 'ffmpeg').length === 0, 'ffmpeg children to exit', 10_000).then(
    () => 0,
    () => childPids(process.pid, 'ffmpeg').length
  )
  const { perFrame, floor, ratio, ratioTarget, framesPerSecondPerCore, ...splitDetails } = split
  return {
    bench: 'analytics',
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, ffmpeg: ffmpeg.source },
    model: MODEL_ID,
    detectorPoolSize: { split: 1, core: defaultPoolSize() },
    perFrame,
    floor,
    ratio,
    ratioTarget,
    framesPerSecondPerCore,
    alertLatencyMs: latency,
    maxCamerasAt5fps: capacity?.maxCamerasAt5fps ?? null,
    capacity,
    cores: availableParallelism(),
    split: splitDetails,
    strayFfmpeg: stray,
    durationSeconds: round((performance.now() - started) / 1000, 1)
  }
}
