import { execFile } from 'node:child_process'
import type { VideoExpectation } from './asset-manifest'

/** The clips are a few seconds long; anything slower than this is a stuck ffmpeg, not a slow one. */
const FFMPEG_TIMEOUT_MS = 5 * 60_000

export type VideoShape = VideoExpectation

export class FfmpegError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FfmpegError'
  }
}

/** Runs a recipe from resources/assets.json, replacing `{input}` and `{output}`. */
export async function runFfmpegRecipe(
  ffmpegPath: string,
  recipe: readonly string[],
  inputPath: string,
  outputPath: string
): Promise<void> {
  const args = recipe.map((arg) => (arg === '{input}' ? inputPath : arg === '{output}' ? outputPath : arg))
  await runFfmpeg(ffmpegPath, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args])
}

/**
 * Counts the frames of the first video stream and reads its size. Stream copy into the null muxer reads
 * every packet without decoding, so it is exact and fast (ffprobe is not always installed next to ffmpeg).
 */
export async function probeVideo(ffmpegPath: string, filePath: string): Promise<VideoShape> {
  const log = await runFfmpeg(ffmpegPath, [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-i',
    filePath,
    '-map',
    '0:v:0',
    '-c',
    'copy',
    '-f',
    'null',
    '-'
  ])
  const frames = lastMatch(log, /frame=\s*(\d+)/g)
  // e.g. "Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(progressive), 518x330, ..."
  const size = /Stream #\d+:\d+.*?: Video: .*?, (\d+)x(\d+)[ ,[]/.exec(log)
  if (frames === undefined || size === null) {
    throw new FfmpegError(`could not read the frame count and size of ${filePath} from ffmpeg's output`)
  }
  return { frames: Number(frames), width: Number(size[1]), height: Number(size[2]) }
}

export function describeShape(shape: VideoShape): string {
  return `${shape.frames} frames of ${shape.width}x${shape.height}`
}

function runFfmpeg(ffmpegPath: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      ffmpegPath,
      args,
      { timeout: FFMPEG_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, _stdout, stderr) => {
        if (error === null) {
          resolve(stderr)
          return
        }
        const detail = lastLines(stderr, 3) || error.message
        reject(new FfmpegError(`ffmpeg failed: ${detail}`))
      }
    )
  })
}

function lastMatch(text: string, pattern: RegExp): string | undefined {
  let found: string | undefined
  for (const match of text.matchAll(pattern)) found = match[1]
  return found
}

function lastLines(text: string, count: number): string {
  return text.trim().split(/\r?\n/).slice(-count).join(' | ')
}
