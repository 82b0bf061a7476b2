import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { SceneSchema } from '../../electron/shared/scene'
import { AnalysisFeed } from '../../electron/core/analytics/analysis-feed'
import { CameraPipeline } from '../../electron/core/analytics/camera-pipeline'
import { SharedDetector } from '../../electron/core/analytics/detection/shared-detector'
import { resolveFfmpeg } from '../../electron/core/ingest/ffmpeg-path'
import { SharedPlateReader } from '../../electron/core/lapi/shared-plate-reader'
import { repoRoot, waitFor } from '../fixtures/core-harness'
import { machineCpuTimes } from './proc-stats'

/**
 * npm run bench -- lapi-live [--cameras 1,2,4] [--seconds 20] [--json]
 *
 * Plate reading on live cameras, as the app runs it: per camera an ffmpeg analysis feed (5 fps, up to
 * 1280 px) of the parked-car clip, the shared object detector for vehicle tracks, and the one plate
 * reader worker shared by all cameras. For each camera count it reports how long a camera takes from
 * its first frame to the decision on the car's plate, how many frames per second each camera gets
 * read (the others are skipped while the reader is busy), and how busy the machine is.
 */
const CLIP = join(repoRoot, 'resources/media/derived/fastalpr_test_image_zoom.mp4')
const SCENE = SceneSchema.parse({ rules: [{ id: 'controle', name: 'Contrôle', kind: 'parking-control' }] })
const ALLOWED = new Set(['lapi-stationnement'] as const)

const progress = (message: string): void => {
  process.stderr.write(`[bench:lapi-live] ${message}\n`)
}
const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function runWith(cameras: number, seconds: number, ffmpegPath: string): Promise<Record<string, unknown>> {
  const modelsDir = join(repoRoot, 'models')
  const detector = new SharedDetector({ modelsDir, modelId: 'nanodet-plus-416' })
  const reader = new SharedPlateReader({ modelsDir })
  await reader.ready()
  const { detector: frameDetector, model } = await detector.get()
  const runs = Array.from({ length: cameras }, (_, index) => {
    const cameraId = `lapi-${index + 1}`
    const run = { cameraId, firstFrameAt: 0, decidedAfterMs: null as number | null, plate: null as string | null, pipeline: null as CameraPipeline | null, feed: null as AnalysisFeed | null }
    run.pipeline = new CameraPipeline({
      cameraId,
      detector: frameDetector,
      model,
      scene: SCENE,
      allowedModules: ALLOWED,
      onEvent: () => undefined,
      plates: {
        reader,
        onDecision: (decision) => {
          run.decidedAfterMs ??= performance.now() - run.firstFrameAt
          run.plate ??= decision.plate.text
        }
      }
    })
    run.feed = new AnalysisFeed({ cameraId, source: CLIP, rtspTransport: 'tcp', ffmpegPath, width: 1280, minWidth: 640 })
    run.feed.onFrame((frame) => {
      if (run.firstFrameAt === 0) run.firstFrameAt = performance.now()
      run.pipeline?.offer(frame)
    })
    return run
  })
  try {
    for (const run of runs) run.feed?.start()
    await waitFor(() => runs.every((run) => run.decidedAfterMs !== null) || undefined, 'a decision on every camera', 120_000)
    const before = runs.map((run) => ({ ...(run.pipeline?.plateStats ?? { read: 0, offered: 0, skipped: 0 }) }))
    const cpuBefore = machineCpuTimes()
    const started = performance.now()
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
    const elapsed = (performance.now() - started) / 1000
    const cpuAfter = machineCpuTimes()
    const perCamera = runs.map((run, index) => {
      const after = run.pipeline?.plateStats ?? { read: 0, offered: 0, skipped: 0 }
      const offered = after.offered - before[index].offered
      return {
        camera: run.cameraId,
        plate: run.plate,
        decidedAfterFirstFrameMs: Math.round(run.decidedAfterMs ?? Number.NaN),
        framesReadPerSecond: round((after.read - before[index].read) / elapsed),
        skippedShare: offered > 0 ? round((after.skipped - before[index].skipped) / offered) : 0
      }
    })
    const decided = perCamera.map((camera) => camera.decidedAfterFirstFrameMs)
    return {
      cameras,
      windowSeconds: round(elapsed, 1),
      decisionAfterFirstFrameMs: { p50: percentile(decided, 50), max: Math.max(...decided) },
      framesReadPerSecondPerCamera: round(perCamera.reduce((sum, camera) => sum + camera.framesReadPerSecond, 0) / cameras),
      machineBusyPercent: round((100 * (cpuAfter.busy - cpuBefore.busy)) / (cpuAfter.total - cpuBefore.total), 1),
      perCamera
    }
  } finally {
    await Promise.all(runs.map((run) => run.feed?.stop()))
    await reader.close()
    await detector.close()
  }
}

export async function benchLapiLive(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      cameras: { type: 'string', default: '1,2,4' },
      seconds: { type: 'string', default: '20' },
      json: { type: 'boolean', default: false }
    }
  })
  const ffmpeg = resolveFfmpeg()
  const results: Record<string, unknown>[] = []
  for (const count of values.cameras.split(',').map(Number)) {
    progress(`${count} camera(s)`)
    results.push(await runWith(count, Number(values.seconds), ffmpeg.path))
  }
  return { bench: 'lapi-live', clip: 'derived/fastalpr_test_image_zoom.mp4', analysisFps: 5, runs: results }
}
