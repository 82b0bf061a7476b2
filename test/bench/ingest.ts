import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { IngestService } from '../../electron/core/ingest/ingest-service'
import { resolveFfmpeg } from '../../electron/core/ingest/ffmpeg-path'
import { FRAGMENT_DURATION_US } from '../../electron/core/ingest/ffmpeg-args'
import { encodeMediaHeader } from '../../electron/shared/media-frames'
import { startRtspServer, type RtspServer } from '../fixtures/rtsp-server'
import { childPids, measureProcesses, sampleProcess } from './proc-stats'

/**
 * npm run bench -- ingest --cameras N [--seconds S] [--json]
 *
 * Serves N simulated 720p25 H.264 cameras over RTSP on loopback, then measures, over the same window:
 *  - the floor: N bare `ffmpeg -c copy` remuxing each stream to fragmented MP4 into /dev/null;
 *  - Vigie: its display ingest (one supervised ffmpeg per camera, the fMP4 splitter, the live fan-out
 *    and the media-frame encoding a viewer's socket would send), i.e. the ffmpeg children plus this
 *    process's own CPU.
 * Prints one JSON object as its last line.
 */

const MiB = 1024 * 1024

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed: ${stderr}`))))
  })
}

/** A 720p25 H.264 clip like a city camera's main stream: Main profile, ~2.5 Mbit/s, a keyframe every 2 s. */
export async function makeCameraClip(ffmpeg: string, dir: string): Promise<string> {
  const output = join(dir, 'camera-720p25.mp4')
  await run(ffmpeg, [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25', '-t', '20',
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p',
    '-b:v', '2500k', '-maxrate', '2500k', '-bufsize', '5000k', '-g', '50', '-keyint_min', '50',
    output
  ])
  return output
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

async function measureFloor(ffmpeg: string, urls: string[], windowMs: number) {
  const children: ChildProcess[] = urls.map((url) =>
    spawn(
      ffmpeg,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-rtsp_transport', 'tcp', '-i', url,
        // The same fragmenting as Vigie's display ingest, so that the ratio measures Vigie, not the format.
        '-map', '0:v:0', '-an', '-c:v', 'copy', '-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof',
        '-frag_duration', String(FRAGMENT_DURATION_US), '-y', '/dev/null'],
      { stdio: 'ignore' }
    )
  )
  const pids = () => children.map((c) => c.pid).filter((pid): pid is number => pid !== undefined)
  // Warm-up: every process has connected and is consuming CPU.
  await waitUntil(() => pids().every((pid) => (sampleProcess(pid)?.cpuSeconds ?? 0) > 0.05), 'floor ffmpeg to run', 60_000)
  await new Promise((r) => setTimeout(r, 2000))
  const window = await measureProcesses(pids, windowMs)
  for (const child of children) child.kill('SIGKILL')
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))))
  return window
}

async function measureVigie(ffmpeg: string, urls: string[], windowMs: number) {
  const baselineRss = process.memoryUsage().rss
  const ingest = new IngestService({ ffmpegPath: ffmpeg })
  const cameras = urls.map((url, i) => ({ id: `bench-${i}`, source: url, rtspTransport: 'tcp' as const, transcode: 'auto' as const }))
  await ingest.setCameras(cameras)
  let fragments = 0
  let bytes = 0
  for (const camera of cameras) {
    ingest.get(camera.id)?.stream.subscribe({
      onMessage: (message) => {
        // What the media socket does for each viewer: a header before the uncopied video bytes.
        bytes += encodeMediaHeader(message).length + message.data.length
        if (message.type === 'fragment') fragments += 1
      },
      bufferedAmount: () => 0
    })
  }
  await waitUntil(() => Object.values(ingest.healthSnapshot()).every((h) => h.state === 'live'), 'all cameras live', 90_000)
  await new Promise((r) => setTimeout(r, 2000))
  const ffmpegPids = () => childPids(process.pid, 'ffmpeg')
  const cpuBefore = process.cpuUsage()
  const fragmentsBefore = fragments
  const start = process.hrtime.bigint()
  const children = await measureProcesses(ffmpegPids, windowMs)
  const elapsedSeconds = Number(process.hrtime.bigint() - start) / 1e9
  const own = process.cpuUsage(cpuBefore)
  const nodeCpuPercent = (100 * (own.user + own.system)) / 1e6 / elapsedSeconds
  // Kernel time is mostly reading the cameras' pipes; user time is the splitter, fan-out and framing.
  const nodeSystemPercent = (100 * own.system) / 1e6 / elapsedSeconds
  const health = ingest.healthSnapshot()
  const allLive = Object.values(health).every((h) => h.state === 'live')
  const restarts = Object.values(health).reduce((sum, h) => sum + h.attempt, 0)
  const nodeRssGrowth = Math.max(0, process.memoryUsage().rss - baselineRss)
  await ingest.dispose()
  return {
    cpuPercent: children.cpuPercent + nodeCpuPercent,
    ffmpegCpuPercent: children.cpuPercent,
    nodeCpuPercent,
    nodeSystemPercent,
    rssBytes: children.rssBytes + nodeRssGrowth,
    fragmentsPerSecond: (fragments - fragmentsBefore) / elapsedSeconds,
    bytes,
    allLive,
    restarts
  }
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits))

export async function benchIngest(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: { cameras: { type: 'string', default: '4' }, seconds: { type: 'string', default: '20' }, json: { type: 'boolean', default: false } }
  })
  const count = Number(values.cameras)
  const windowMs = Number(values.seconds) * 1000
  const ffmpeg = resolveFfmpeg().path
  const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-'))
  const clip = await makeCameraClip(ffmpeg, dir)
  const servers: RtspServer[] = []
  try {
    for (let i = 0; i < count; i++) servers.push(await startRtspServer({ file: clip, mount: `/cam${i}` }))
    const urls = servers.map((s) => s.url)
    process.stderr.write(`[bench] ${count} cameras served; measuring the floor for ${values.seconds} s\n`)
    const floor = await measureFloor(ffmpeg, urls, windowMs)
    process.stderr.write(`[bench] measuring Vigie ingest for ${values.seconds} s\n`)
    const vigie = await measureVigie(ffmpeg, urls, windowMs)
    // A fragment every half second (and at each keyframe, which falls on a half-second boundary here).
    const expectedFragmentsPerSecond = count * (1_000_000 / FRAGMENT_DURATION_US)
    return {
      bench: 'ingest',
      cameras: count,
      windowSeconds: windowMs / 1000,
      stream: '1280x720 25 fps H.264 Main ~2.5 Mbit/s, GOP 2 s, RTSP/TCP on loopback',
      floor: {
        cpuPercentTotal: round(floor.cpuPercent),
        cpuPercentPerCamera: round(floor.cpuPercent / count),
        rssMiBPerCamera: round(floor.rssBytes / MiB / count)
      },
      vigie: {
        cpuPercentTotal: round(vigie.cpuPercent),
        cpuPercentPerCamera: round(vigie.cpuPercent / count),
        ffmpegCpuPercent: round(vigie.ffmpegCpuPercent),
        nodeCpuPercent: round(vigie.nodeCpuPercent),
        nodeSystemCpuPercent: round(vigie.nodeSystemPercent),
        rssMiBPerCamera: round(vigie.rssBytes / MiB / count),
        fragmentsPerSecond: round(vigie.fragmentsPerSecond),
        expectedFragmentsPerSecond,
        allLive: vigie.allLive,
        restarts: vigie.restarts
      },
      ratio: {
        cpu: round(vigie.cpuPercent / floor.cpuPercent),
        rss: round(vigie.rssBytes / floor.rssBytes)
      },
      target: { cpuRatioMax: 1.3 },
      sustained: vigie.allLive && vigie.restarts === 0 && vigie.fragmentsPerSecond >= expectedFragmentsPerSecond * 0.8
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
  }
}
