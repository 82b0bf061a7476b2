import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { GLOBAL_ARGS, h264EncoderArgs } from '../ingest/ffmpeg-args'
import { buildMaskFilter } from '../ingest/mask-filter'
import { buildConcatList } from '../recording/playback-args'
import type { Segment } from '../recording/recording-store'

/** Where drawtext finds a font when the system has DejaVu (Debian's fonts-dejavu-core); otherwise fontconfig's default. */
const FONT_FILE = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'

export interface EvidenceClipOptions {
  ffmpegPath: string
  recordingsDir: string
  /** The camera's segments overlapping [from, to), oldest first. */
  segments: readonly Segment[]
  from: number
  to: number
  /** Burned in unless null (no mask, or a lift approved for the exporter). */
  maskImage: string | null
  /** Who exported, from where, when: drawn on every frame so a copy always says where it came from. */
  watermark: string
  output: string
}

/**
 * Cuts [from, to) out of the recordings into one MP4, re-encoded with the privacy masks and a
 * visible watermark burned in. Resolves with the clip's actual start (the first segment may begin
 * after `from`); rejects with ffmpeg's last words when it fails.
 */
export async function exportEvidenceClip(options: EvidenceClipOptions): Promise<{ start: number; end: number }> {
  const segments = options.segments.filter((segment) => segment.endAt > options.from && segment.startAt < options.to)
  if (segments.length === 0) throw new Error('Aucun enregistrement sur cette période')
  const start = Math.max(options.from, segments[0].startAt)
  const end = Math.min(options.to, segments.at(-1)?.endAt ?? options.to)
  const listPath = `${options.output}.ffconcat`
  const textPath = `${options.output}.watermark.txt`
  await writeFile(listPath, buildConcatList(segments.map((segment) => ({ path: join(options.recordingsDir, segment.file) }))))
  // From a file, the text needs no escaping: names and workstations may hold any character.
  await writeFile(textPath, options.watermark)
  const font = existsSync(FONT_FILE) ? `fontfile=${FONT_FILE}` : 'font=Sans'
  const drawText = `drawtext=${font}:textfile=${textPath}:fontsize=h/28:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6:x=10:y=h-th-14`
  const graph =
    options.maskImage === null
      ? `[0:v:0]${drawText},format=yuv420p[out]`
      : `${buildMaskFilter({ video: '0:v:0', mask: '1:v:0', output: 'masked' })};[masked]${drawText}[out]`
  const args = [
    ...GLOBAL_ARGS,
    // As in playback: a segment cut short by a crash ends in a truncated frame, which must not end the clip.
    '-fflags', '+discardcorrupt',
    '-f', 'concat', '-safe', '0', '-auto_convert', '0',
    '-ss', ((start - segments[0].startAt) / 1000).toFixed(3),
    '-i', listPath,
    ...(options.maskImage === null ? [] : ['-i', options.maskImage]),
    '-t', ((end - start) / 1000).toFixed(3),
    '-filter_complex', graph,
    '-map', '[out]', '-an',
    ...h264EncoderArgs(),
    '-movflags', '+faststart',
    '-y', options.output
  ]
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(options.ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] })
      let stderr = ''
      child.stderr.setEncoding('utf8')
      child.stderr.on('data', (text: string) => {
        stderr = (stderr + text).slice(-4000)
      })
      child.on('error', reject)
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg a échoué (${code}) : ${stderr.trim().split('\n').slice(-3).join(' | ')}`))))
    })
  } finally {
    await rm(listPath, { force: true })
    await rm(textPath, { force: true })
  }
  return { start, end }
}
