import { accessSync, constants, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, isAbsolute, join } from 'node:path'

export type FfmpegPathSource = 'FFMPEG_PATH' | 'ffmpeg-static' | 'PATH'

export interface ResolvedFfmpeg {
  readonly path: string
  readonly source: FfmpegPathSource
}

export class FfmpegNotFoundError extends Error {
  override readonly name = 'FfmpegNotFoundError'
}

export interface ResolveFfmpegDeps {
  /**
   * Returns the path exported by the optional `ffmpeg-static` package, or undefined when it is not
   * installed. Injectable because whether the package is present depends on the machine's install.
   */
  readonly ffmpegStaticPath?: () => string | undefined
  readonly platform?: NodeJS.Platform
}

/**
 * Finds the ffmpeg binary: `FFMPEG_PATH` first (an explicit choice wins), then the binary shipped by the
 * optional `ffmpeg-static` package, then `ffmpeg` on `PATH`.
 */
export function resolveFfmpeg(env: NodeJS.ProcessEnv = process.env, deps: ResolveFfmpegDeps = {}): ResolvedFfmpeg {
  const platform = deps.platform ?? process.platform
  const rejected: string[] = []

  const fromEnv = env['FFMPEG_PATH']?.trim()
  if (fromEnv) {
    if (isAbsolute(fromEnv) && isExecutableFile(fromEnv)) return { path: fromEnv, source: 'FFMPEG_PATH' }
    rejected.push(`FFMPEG_PATH=${fromEnv} is not an executable file given by an absolute path`)
  }

  const fromPackage = (deps.ffmpegStaticPath ?? ffmpegStaticPackagePath)()
  if (fromPackage !== undefined && isExecutableFile(fromPackage)) return { path: fromPackage, source: 'ffmpeg-static' }

  const fromPath = findOnPath('ffmpeg', env, platform)
  if (fromPath !== undefined) return { path: fromPath, source: 'PATH' }

  throw new FfmpegNotFoundError(
    [
      'ffmpeg was not found: install ffmpeg (e.g. `apt install ffmpeg`, or download it from ffmpeg.org and put it on PATH)',
      'or set FFMPEG_PATH to the absolute path of an ffmpeg executable.',
      ...rejected.map((why) => `Ignored: ${why}.`)
    ].join(' ')
  )
}

function ffmpegStaticPackagePath(): string | undefined {
  // Named nodeRequire, never require: electron-vite injects its own `require` into the ESM bundle.
  const nodeRequire = createRequire(import.meta.url)
  let exported: unknown
  try {
    exported = nodeRequire('ffmpeg-static')
  } catch {
    return undefined // optional dependency, removed when its download failed at install time
  }
  if (typeof exported !== 'string' || exported === '') return undefined
  // Inside a packaged Electron app the binary is unpacked next to the asar archive: it cannot be run from inside it.
  return exported.replace(/app\.asar([\\/])/u, 'app.asar.unpacked$1')
}

function findOnPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const pathVariable = env['PATH'] ?? env['Path'] ?? ''
  const extensions = platform === 'win32' ? (env['PATHEXT'] ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean) : ['']
  const separator = platform === 'win32' ? ';' : delimiter
  for (const directory of pathVariable.split(separator)) {
    // An empty entry means the current directory, which must never decide which binary we run.
    if (directory === '' || !isAbsolute(directory)) continue
    for (const extension of extensions) {
      const candidate = join(directory, name + extension.toLowerCase())
      if (isExecutableFile(candidate)) return candidate
    }
  }
  return undefined
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}
