import type { PLAYBACK_SPEEDS } from '../../shared/recording'
import { FRAGMENTED_MP4_OUTPUT, GLOBAL_ARGS, h264EncoderArgs } from '../ingest/ffmpeg-args'
import { buildMaskFilter } from '../ingest/mask-filter'

/**
 * The ffmpeg command line and concat list that play recorded segments back as fragmented MP4 for
 * the browser's player, the same format as the live view. Pure: no file system, no process.
 */

export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number]

/**
 * ffmpeg reads the recordings this many times faster than they play: enough to stay ahead of the
 * player through a slow disk or a keyframe-heavy stretch, little enough that an abandoned viewer
 * does not make the core read (and the browser buffer) a whole day of video.
 */
export const PLAYBACK_READ_AHEAD = 1.5

/** Frames per second at most in a sped-up playback: above it frames are dropped, so ×8 costs no more to encode than ×1. */
export const PLAYBACK_MAX_FPS = 25

export interface ConcatEntry {
  /** Absolute path of a segment file. */
  readonly path: string
  /** Seconds on the file's own clock where reading starts (the demuxer goes back to the keyframe at or before it). */
  readonly inpoint?: number
}

/** An ffconcat list; paths are quoted, so spaces and quotes in them are safe. */
export function buildConcatList(entries: readonly ConcatEntry[]): string {
  const lines = ['ffconcat version 1.0']
  for (const entry of entries) {
    if (/[\n\r]/u.test(entry.path)) throw new Error(`segment path with a line break: ${JSON.stringify(entry.path)}`)
    lines.push(`file '${entry.path.replaceAll("'", "'\\''")}'`)
    // Microseconds: ffmpeg's own time resolution, written without exponent.
    if (entry.inpoint !== undefined) lines.push(`inpoint ${entry.inpoint.toFixed(6)}`)
  }
  return `${lines.join('\n')}\n`
}

export interface PlaybackArgsOptions {
  /** The ffconcat list of the segments to play (buildConcatList). */
  readonly listPath: string
  readonly speed: PlaybackSpeed
  /** The camera's mask image (mask-image.ts), or null to show the recording as it is (no mask, or a lift). */
  readonly maskImage: string | null
}

/** Whether the recording must be re-encoded: masks are burned in, and a sped-up stream has new timestamps. */
export function playbackTranscodes(options: Pick<PlaybackArgsOptions, 'speed' | 'maskImage'>): boolean {
  return options.maskImage !== null || options.speed > 1
}

const OUTPUT_LABEL = 'playback'
const FAST_LABEL = 'fast'

export function buildPlaybackArgs(options: PlaybackArgsOptions): string[] {
  return [
    ...GLOBAL_ARGS,
    // A segment cut short by a crash ends in a truncated frame: drop it rather than stop the playback there.
    '-fflags', '+discardcorrupt',
    '-readrate', String(PLAYBACK_READ_AHEAD * options.speed),
    // `auto_convert 0`: MP4 to MP4 needs no bitstream conversion, and the one concat would insert
    // fails on a truncated frame, ending the playback.
    '-f', 'concat', '-safe', '0', '-auto_convert', '0',
    '-i', options.listPath,
    ...(options.maskImage !== null ? ['-i', options.maskImage] : []),
    ...videoArgs(options),
    ...FRAGMENTED_MP4_OUTPUT
  ]
}

function videoArgs({ speed, maskImage }: PlaybackArgsOptions): string[] {
  const otherStreams = ['-an', '-sn', '-dn']
  if (!playbackTranscodes({ speed, maskImage })) return ['-map', '0:v:0', ...otherStreams, '-c:v', 'copy']
  const graph: string[] = []
  let video = '0:v:0'
  if (speed > 1) {
    const output = maskImage === null ? OUTPUT_LABEL : FAST_LABEL
    graph.push(`[${video}]${speedUpFilter(speed)}[${output}]`)
    video = output
  }
  // Masks go on after the speed-up: only the frames kept are masked.
  if (maskImage !== null) graph.push(buildMaskFilter({ video, mask: '1:v:0', output: OUTPUT_LABEL }))
  return ['-filter_complex', graph.join(';'), '-map', `[${OUTPUT_LABEL}]`, ...otherStreams, ...h264EncoderArgs(PLAYBACK_MAX_FPS)]
}

/**
 * Timestamps divided by the speed, then a frame kept only when far enough from the last one kept:
 * a cap, not a fixed rate, so a slow camera is never padded with duplicated frames. The 0.9 leaves
 * room for rounding, so that 25 fps frames at exactly 40 ms intervals are all kept.
 */
export function speedUpFilter(speed: PlaybackSpeed): string {
  const minInterval = (0.9 / PLAYBACK_MAX_FPS).toFixed(4)
  return `setpts=PTS/${speed},select=isnan(prev_selected_t)+gte(t-prev_selected_t\\,${minInterval})`
}
