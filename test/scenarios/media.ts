import { execFile, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

/** Repository root, whatever the current directory. */
export const ROOT = resolve(import.meta.dirname, '..', '..')
export const MEDIA_DIR = join(ROOT, 'resources', 'media')
export const MODELS_DIR = join(ROOT, 'models')

/**
 * The Debian ffmpeg: clips are encoded with it so that the same recipe gives the same bytes on the
 * machines that run these tests (another build may differ in its encoder). FFMPEG_PATH overrides it.
 */
export const FFMPEG = process.env['FFMPEG_PATH']?.trim() || '/usr/bin/ffmpeg'

const execFileAsync = promisify(execFile)

export async function ffmpeg(args: readonly string[]): Promise<void> {
  await execFileAsync(FFMPEG, ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args], { maxBuffer: 64 * 1024 * 1024 })
}

/** Everything ffmpeg prints as its version: part of every recipe hash. */
let versionCache: string | null = null
export function ffmpegVersion(): string {
  versionCache ??= execFileSync(FFMPEG, ['-version'], { encoding: 'utf8' }).split('\n')[0].trim()
  return versionCache
}

/** The absolute path of a file of resources/media, or an error saying how to get it. */
export function mediaPath(name: string): string {
  const path = join(MEDIA_DIR, name)
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run assets\` (or VIGIE_ASSET_MIRROR=<dir> npm run assets) first`)
  }
  return path
}

const digests = new Map<string, string>()

/** sha256 of a media file (memoised per process: the files are a few MiB and never change during a run). */
export function mediaDigest(name: string): string {
  const path = mediaPath(name)
  const key = `${path}:${statSync(path).size}:${statSync(path).mtimeMs}`
  let digest = digests.get(key)
  if (digest === undefined) {
    digest = createHash('sha256').update(readFileSync(path)).digest('hex')
    digests.set(key, digest)
  }
  return digest
}

/** One frame of a media file, at `seconds`, scaled to width × height, as raw RGB (3 bytes a pixel). */
export async function decodeFrame(name: string, seconds: number, width: number, height: number): Promise<Uint8Array> {
  const { stdout } = await execFileAsync(
    FFMPEG,
    [
      '-hide_banner', '-nostdin', '-loglevel', 'error',
      // Input-side seek, frame-accurate when transcoding (ffmpeg's default -accurate_seek).
      '-ss', seconds.toFixed(3),
      '-i', mediaPath(name),
      '-frames:v', '1',
      '-vf', `scale=${width}:${height}:flags=bicubic`,
      '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'
    ],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }
  )
  if (stdout.length !== width * height * 3) throw new Error(`${name} @ ${seconds}s: got ${stdout.length} bytes, expected ${width * height * 3}`)
  return new Uint8Array(stdout)
}

/** Writes raw RGBA pixels as a PNG (the sprites overlaid on the backgrounds). */
export async function writeRgbaPng(path: string, width: number, height: number, rgba: Uint8Array): Promise<void> {
  await new Promise<void>((resolvePromise, reject) => {
    const child = execFile(
      FFMPEG,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${width}x${height}`, '-i', '-', '-frames:v', '1', '-pix_fmt', 'rgba', path],
      (error) => (error ? reject(error) : resolvePromise())
    )
    child.stdin?.end(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength))
  })
}
