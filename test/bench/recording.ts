import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readdirSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { resolveFfmpeg } from '../../electron/core/ingest/ffmpeg-path'
import { writeMaskImage } from '../../electron/core/recording/mask-image'
import { openPlaybackStream } from '../../electron/core/recording/playback-stream'
import { RecordingService } from '../../electron/core/recording/recording-service'
import { RecordingStore, type Segment } from '../../electron/core/recording/recording-store'
import { DEFAULT_SEGMENT_SECONDS } from '../../electron/core/recording/segment-recorder'
import { openDatabase } from '../../electron/core/store/database'
import { MIGRATIONS } from '../../electron/core/store/migrations'
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server'
import { makeCameraClip } from './ingest'
import { childPids, measureProcessGroups, sampleProcess } from './proc-stats'

/**
 * npm run bench -- recording [--cameras N] [--seconds S] [--seeks K] [--json]
 *
 * Serves N simulated 720p25 H.264 cameras over RTSP on loopback (8 by default), then:
 *  - CPU: over one and the same window, Vigie's RecordingService recording every camera (its ffmpeg
 *    children plus this process's own CPU: segment list, SQLite index) and, beside it, N bare
 *    `ffmpeg -c copy -f segment` recording the same streams with the same segment format. Per camera,
 *    and their ratio (target ≤ 1.1);
 *  - seek latency: from openPlaybackStream at a random recorded instant to its first fragment, for K
 *    seeks copied as recorded and K with a privacy mask burned in, while every camera keeps recording.
 * Prints one JSON object as its last line; progress goes to stderr.
 */

const MiB = 1024 * 1024
const CPU_RATIO_TARGET = 1.1
/** Seek no closer than this to the end of a segment, so that there is something to play. */
const SEEK_TAIL_MS = 3000

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`)
}

async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** The bare baseline: what any NVR's recorder does, with the same segment format as Vigie's. */
function startBareRecorders(ffmpeg: string, urls: readonly string[], dir: string): ChildProcess[] {
  return urls.map((url, index) => {
    const out = join(dir, `cam${index}`)
    mkdirSync(out, { recursive: true })
    return spawn(
      ffmpeg,
      [
        '-hide_banner', '-nostdin', '-loglevel', 'error',
        '-rtsp_transport', 'tcp', '-i', url,
        '-map', '0:v', '-c', 'copy',
        '-f', 'segment', '-segment_time', String(DEFAULT_SEGMENT_SECONDS), '-segment_format', 'mp4',
        '-segment_format_options', 'movflags=+frag_keyframe+empty_moov+default_base_moof:frag_duration=1000000',
        '-reset_timestamps', '1',
        join(out, '%05d.mp4')
      ],
      { stdio: 'ignore' }
    )
  })
}

function bytesUnder(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size
  }
  return total
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]
}

interface SeekSample {
  latencyMs: number
  /** How far before the instant asked for the playback starts (its keyframe). */
  startOffsetMs: number
}

/** Opens a playback at a random recorded instant and times its first fragment. */
async function seekOnce(params: {
  ffmpeg: string
  recordingsDir: string
  store: RecordingStore
  cameraIds: readonly string[]
  maskImage: string | null
}): Promise<SeekSample> {
  const cameraId = params.cameraIds[Math.floor(Math.random() * params.cameraIds.length)]
  const complete = (await params.store.allSegments()).filter((s) => s.cameraId === cameraId && s.complete && s.endAt - s.startAt > SEEK_TAIL_MS)
  const segment = complete[Math.floor(Math.random() * complete.length)] as Segment
  const at = segment.startAt + Math.random() * (segment.endAt - segment.startAt - SEEK_TAIL_MS)
  // What the core asks the store for: everything recorded from that instant on.
  const segments = await params.store.segmentsBetween(cameraId, at, Number.MAX_SAFE_INTEGER)
  const began = performance.now()
  const playback = openPlaybackStream({ ffmpegPath: params.ffmpeg, recordingsDir: params.recordingsDir, segments, at, speed: 1, maskImage: params.maskImage })
  try {
    const latencyMs = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no fragment within 20 s (${cameraId} at ${at})`)), 20_000)
      playback.stream.subscribe({
        onMessage: (message) => {
          if (message.type !== 'fragment') return
          clearTimeout(timer)
          resolve(performance.now() - began)
        }
      })
      void playback.ended.then((end) => {
        clearTimeout(timer)
        reject(new Error(`playback ended before its first fragment: ${JSON.stringify(end)}`))
      })
    })
    return { latencyMs, startOffsetMs: at - playback.start }
  } finally {
    await playback.close()
  }
}

function summarise(samples: readonly SeekSample[]): Record<string, number> {
  const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b)
  const offsets = samples.map((s) => s.startOffsetMs).sort((a, b) => a - b)
  return {
    count: samples.length,
    p50Ms: round(percentile(latencies, 0.5), 0),
    p95Ms: round(percentile(latencies, 0.95), 0),
    maxMs: round(latencies.at(-1) ?? Number.NaN, 0),
    startBeforeAtP50Ms: round(percentile(offsets, 0.5), 0),
    startBeforeAtMaxMs: round(offsets.at(-1) ?? Number.NaN, 0)
  }
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits))

export async function benchRecording(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      cameras: { type: 'string', default: '8' },
      seconds: { type: 'string', default: '30' },
      seeks: { type: 'string', default: '30' },
      json: { type: 'boolean', default: false }
    }
  })
  const count = Number(values.cameras)
  const windowMs = Number(values.seconds) * 1000
  const seeks = Number(values.seeks)
  const ffmpeg = resolveFfmpeg().path
  const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-recording-'))
  const servers: RtspServer[] = []
  let bare: ChildProcess[] = []
  let service: RecordingService | undefined
  const db = openDatabase(join(dir, 'vigie.db'), { migrations: MIGRATIONS })
  try {
    const clip = await makeCameraClip(ffmpeg, dir)
    for (let i = 0; i < count; i++) servers.push(await startRtspServer({ file: clip, mount: `/cam${i}` }))
    const urls = servers.map((server) => server.url)
    const cameraIds = urls.map((_, index) => `bench-${index}`)
    progress(`${count} cameras served; starting Vigie's recorders and ${count} bare ffmpeg segmenters`)

    const store = new RecordingStore(db)
    const recordingsDir = join(dir, 'recordings')
    const bareDir = join(dir, 'bare')
    service = new RecordingService({
      store,
      ffmpegPath: ffmpeg,
      recordingsDir,
      cameras: () => urls.map((url, index) => ({ id: cameraIds[index], source: url, rtspTransport: 'tcp' as const })),
      recordPurge: async () => {},
      // The bench's disk may be small: free space is no concern here.
      freeBytes: async () => Number.POSITIVE_INFINITY
    })
    await service.start()
    bare = startBareRecorders(ffmpeg, urls, bareDir)
    const barePids = (): number[] => bare.map((child) => child.pid).filter((pid): pid is number => pid !== undefined)
    const vigiePids = (): number[] => {
      const mine = new Set(barePids())
      return childPids(process.pid, 'ffmpeg').filter((pid) => !mine.has(pid))
    }

    // Warm-up: every process connected and writing.
    await waitUntil(async () => (await store.openSegments()).length === count, 'every camera to record', 60_000)
    await waitUntil(() => barePids().every((pid) => (sampleProcess(pid)?.cpuSeconds ?? 0) > 0.05), 'the bare segmenters to run', 60_000)
    await new Promise((resolve) => setTimeout(resolve, 2000))

    progress(`measuring both for ${values.seconds} s`)
    const cpuBefore = process.cpuUsage()
    const began = process.hrtime.bigint()
    const window = await measureProcessGroups({ vigie: vigiePids, bare: barePids }, windowMs)
    const elapsedSeconds = Number(process.hrtime.bigint() - began) / 1e9
    const own = process.cpuUsage(cpuBefore)
    const nodeCpuPercent = (100 * (own.user + own.system)) / 1e6 / elapsedSeconds
    const vigieCpuPercent = window.vigie.cpuPercent + nodeCpuPercent
    const recorders = vigiePids().length
    for (const child of bare) child.kill('SIGTERM')
    await Promise.all(bare.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))))
    const bareBytes = bytesUnder(bareDir)

    progress(`seeking ${seeks}× copied and ${seeks}× masked while recording goes on`)
    await waitUntil(
      async () => {
        const segments = await store.allSegments()
        return cameraIds.every((id) => segments.some((s) => s.cameraId === id && s.complete && s.endAt - s.startAt > SEEK_TAIL_MS))
      },
      'a closed segment on every camera',
      (DEFAULT_SEGMENT_SECONDS + 30) * 1000
    )
    const maskImage = join(dir, 'masks', 'bench.pgm')
    await writeMaskImage(
      [{ id: 'facade', name: 'Façade', polygon: [{ x: 0.05, y: 0.05 }, { x: 0.4, y: 0.1 }, { x: 0.35, y: 0.6 }, { x: 0.1, y: 0.5 }] }],
      maskImage
    )
    const copied: SeekSample[] = []
    const masked: SeekSample[] = []
    for (let i = 0; i < seeks; i++) copied.push(await seekOnce({ ffmpeg, recordingsDir, store, cameraIds, maskImage: null }))
    for (let i = 0; i < seeks; i++) masked.push(await seekOnce({ ffmpeg, recordingsDir, store, cameraIds, maskImage }))

    const status = await service.status(cameraIds)
    const segments = await store.allSegments()
    const ratio = vigieCpuPercent / window.bare.cpuPercent
    return {
      bench: 'recording',
      cameras: count,
      windowSeconds: windowMs / 1000,
      segmentSeconds: DEFAULT_SEGMENT_SECONDS,
      stream: '1280x720 25 fps H.264 Main ~2.5 Mbit/s, GOP 2 s, RTSP/TCP on loopback',
      bare: {
        cpuPercentTotal: round(window.bare.cpuPercent),
        cpuPercentPerCamera: round(window.bare.cpuPercent / count),
        rssMiBPerCamera: round(window.bare.rssBytes / MiB / count),
        bytesWritten: bareBytes
      },
      vigie: {
        cpuPercentTotal: round(vigieCpuPercent),
        cpuPercentPerCamera: round(vigieCpuPercent / count),
        ffmpegCpuPercent: round(window.vigie.cpuPercent),
        nodeCpuPercent: round(nodeCpuPercent),
        rssMiBPerCamera: round(window.vigie.rssBytes / MiB / count),
        recorders,
        allRecording: status.every((s) => s.state === 'recording'),
        segmentsIndexed: segments.length,
        bytesWritten: bytesUnder(recordingsDir)
      },
      ratio: { cpu: round(ratio) },
      target: { cpuRatioMax: CPU_RATIO_TARGET },
      seek: { copied: summarise(copied), masked: summarise(masked) },
      withinTarget: ratio <= CPU_RATIO_TARGET
    }
  } finally {
    for (const child of bare) if (child.exitCode === null) child.kill('SIGKILL')
    await service?.dispose()
    await db.close()
    await Promise.all(servers.map((server) => server.stop()))
    await rm(dir, { recursive: true, force: true })
  }
}
