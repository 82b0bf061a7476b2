import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FfmpegNotFoundError, resolveFfmpeg } from '../../../electron/core/ingest/ffmpeg-path'

const dir = mkdtempSync(join(tmpdir(), 'vigie-ffmpeg-path-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function executable(name: string, inDir = dir): string {
  const path = join(inDir, name)
  writeFileSync(path, '#!/bin/sh\nexit 0\n')
  chmodSync(path, 0o755)
  return path
}

const pathDir = mkdtempSync(join(dir, 'bin-'))
const ffmpegOnPath = executable('ffmpeg', pathDir)
const noPackage = { ffmpegStaticPath: () => undefined, platform: 'linux' as const }

describe('resolveFfmpeg', () => {
  it('prefers FFMPEG_PATH when it is an executable file', () => {
    const custom = executable('my-ffmpeg')
    expect(resolveFfmpeg({ FFMPEG_PATH: custom, PATH: pathDir }, noPackage)).toEqual({ path: custom, source: 'FFMPEG_PATH' })
  })

  it('then the ffmpeg-static binary, when the optional package is installed', () => {
    const bundled = executable('ffmpeg-static-bin')
    expect(resolveFfmpeg({ PATH: pathDir }, { ffmpegStaticPath: () => bundled })).toEqual({
      path: bundled,
      source: 'ffmpeg-static'
    })
  })

  it('skips an ffmpeg-static path whose file is missing (its download failed at install time)', () => {
    const missing = join(dir, 'never-downloaded')
    expect(resolveFfmpeg({ PATH: pathDir }, { ffmpegStaticPath: () => missing }).source).toBe('PATH')
  })

  it('then searches PATH itself, skipping empty and relative entries', () => {
    expect(resolveFfmpeg({ PATH: `:relative/bin:/nonexistent:${pathDir}` }, noPackage)).toEqual({
      path: ffmpegOnPath,
      source: 'PATH'
    })
  })

  it('falls back when FFMPEG_PATH is wrong, and says so if nothing else is found', () => {
    const notExecutable = join(dir, 'plain-file')
    writeFileSync(notExecutable, '')
    chmodSync(notExecutable, 0o644)
    expect(resolveFfmpeg({ FFMPEG_PATH: notExecutable, PATH: pathDir }, noPackage).source).toBe('PATH')
    expect(() => resolveFfmpeg({ FFMPEG_PATH: notExecutable, PATH: '' }, noPackage)).toThrow(/Ignored: FFMPEG_PATH=/)
    expect(() => resolveFfmpeg({ FFMPEG_PATH: 'ffmpeg', PATH: '' }, noPackage)).toThrow(/absolute path/)
  })

  it('throws FfmpegNotFoundError explaining how to fix it', () => {
    let error: unknown
    try {
      resolveFfmpeg({ PATH: join(dir, 'empty') }, noPackage)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(FfmpegNotFoundError)
    expect((error as Error).message).toMatch(/install ffmpeg/)
    expect((error as Error).message).toMatch(/set FFMPEG_PATH/)
  })

  it('loads without the optional ffmpeg-static package (absent on this machine) and finds the real ffmpeg', () => {
    const resolved = resolveFfmpeg({ PATH: process.env['PATH'] ?? '' })
    expect(['ffmpeg-static', 'PATH']).toContain(resolved.source)
    expect(resolved.path).toMatch(/ffmpeg$/)
  })
})
