import type { CameraSource } from './camera-source'
import type { InputVideoInfo } from './ffmpeg-stderr'
import { buildMaskFilter } from './mask-filter'

/**
 * Builds the ffmpeg command line that turns one camera into fragmented MP4 for the display
 * (MSE in the renderer). Pure: the same input always gives the same arguments.
 */

export interface DisplayArgsOptions {
  readonly source: CameraSource
  /** Re-encode to H.264 instead of copying the camera's stream. */
  readonly transcode: boolean
  /**
   * How long a network read may block before ffmpeg gives up and exits. It also bounds how long an
   * orphaned ffmpeg (whose parent was killed) can live while its camera sends nothing: without data it
   * never writes to its stdout, so it would never get the EPIPE that otherwise ends it.
   */
  readonly ioTimeoutMs?: number
  /** Frame rate used to size the GOP when transcoding; the real rate of a camera is not known in advance. */
  readonly assumedFps?: number
  /**
   * The camera's privacy masks as an image (recording/mask-image.ts), burned into the picture. Forces
   * transcoding whatever `transcode` says: a copied stream cannot be masked.
   */
  readonly maskImage?: string
}

export const DEFAULT_IO_TIMEOUT_MS = 5000
export const DEFAULT_ASSUMED_FPS = 25
/** Seconds between keyframes when we encode: a late viewer waits at most this long for its first picture. */
export const TRANSCODE_KEYFRAME_INTERVAL_S = 1

/**
 * `-loglevel level+info`, not `error`: the input stream description ("Video: h264 (Main) …"), which tells
 * whether the stream can be copied, is printed at info level. `level` prefixes each line with its
 * severity so errors can be told from chatter without guessing, and `-nostats` removes the progress
 * line that would otherwise be printed twice a second. At steady state ffmpeg then prints nothing.
 */
export const GLOBAL_ARGS = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'level+info'] as const

/**
 * `frag_keyframe`: a fragment starts at every keyframe, so any fragment boundary is a place where a
 * viewer can start. `empty_moov`: the init segment (ftyp+moov) comes first and holds no samples, as
 * MSE requires. `default_base_moof`: sample offsets are relative to each moof, so fragments stand alone.
 * `frag_duration`: a fragment is also cut every half second between keyframes. Without it a fragment
 * is a whole GOP (often 2 to 4 s on cameras), and a fragment is only sent once complete, so the wall
 * would lag by a GOP; with it the lag is about half a second. Late viewers still start at a keyframe
 * fragment (see live-stream.ts).
 */
export const FRAGMENT_DURATION_US = 500_000
export const FRAGMENTED_MP4_OUTPUT = [
  '-f', 'mp4',
  '-movflags', 'frag_keyframe+empty_moov+default_base_moof',
  '-frag_duration', String(FRAGMENT_DURATION_US),
  'pipe:1'
] as const

export function buildDisplayArgs(options: DisplayArgsOptions): string[] {
  const { maskImage } = options
  if (maskImage === undefined) {
    return [...GLOBAL_ARGS, ...inputArgs(options), ...videoOutputArgs(options), ...FRAGMENTED_MP4_OUTPUT]
  }
  return [
    ...GLOBAL_ARGS,
    ...inputArgs(options),
    // The camera is input 0, so that its stream description is the first one printed (ffmpeg-stderr.ts).
    '-i', maskImage,
    '-filter_complex', buildMaskFilter({ video: '0:v:0', mask: '1:v:0', output: MASKED_LABEL }),
    '-map', `[${MASKED_LABEL}]`, '-an', '-sn', '-dn',
    ...h264EncoderArgs(options.assumedFps),
    ...FRAGMENTED_MP4_OUTPUT
  ]
}

const MASKED_LABEL = 'masked'

export interface AnalysisArgsOptions {
  readonly source: CameraSource
  /** Frames per second handed to the analytics: a few are enough to follow people and vehicles. */
  readonly fps: number
  /** Width of the analysed frames; the height keeps the camera's aspect ratio (rounded to even). */
  readonly width: number
  /**
   * When set, `width` is a ceiling: a narrower camera is analysed at its own width, though never
   * below this one. Plate reading asks for more pixels, but upscaling would only add cost.
   */
  readonly minWidth?: number
  readonly ioTimeoutMs?: number
}

function analysisScaleWidth(options: AnalysisArgsOptions): string {
  if (options.minWidth === undefined) return String(options.width)
  // Quoted so that the commas stay inside the expression and do not separate filters.
  return `'min(${options.width},max(${options.minWidth},iw))'`
}

/**
 * The analytics feed of a camera: a second, low-rate decode to raw RGB frames on stdout. `fps` comes
 * before `scale` so that only the kept frames are scaled; every frame must still be decoded.
 */
export function buildAnalysisArgs(options: AnalysisArgsOptions): string[] {
  return [
    ...GLOBAL_ARGS,
    '-threads', '1',
    ...inputArgs(options),
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', `fps=${options.fps},scale=${analysisScaleWidth(options)}:-2`,
    '-pix_fmt', 'rgb24',
    '-f', 'rawvideo',
    'pipe:1'
  ]
}

export interface RecordingArgsOptions {
  readonly source: CameraSource
  /** Segment files are named `<prefix>-00000.mp4`, `<prefix>-00001.mp4`… */
  readonly outputPattern: string
  /** Target segment length; a segment ends at the first keyframe after it. */
  readonly segmentSeconds: number
  readonly ioTimeoutMs?: number
}

/**
 * Continuous recording in segments, without re-encoding. Each segment is a fragmented MP4 with a
 * fragment at least every second, so a segment cut short by a crash still plays up to its last
 * second. The segment list (`file,start,end` in seconds) comes on stdout as each segment closes.
 */
export function buildRecordingArgs(options: RecordingArgsOptions): string[] {
  return [
    ...GLOBAL_ARGS,
    ...inputArgs(options),
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-c:v', 'copy',
    '-f', 'segment',
    '-segment_time', String(options.segmentSeconds),
    '-segment_format', 'mp4',
    '-segment_format_options', 'movflags=+frag_keyframe+empty_moov+default_base_moof:frag_duration=1000000',
    '-reset_timestamps', '1',
    '-segment_list', 'pipe:1',
    '-segment_list_type', 'csv',
    options.outputPattern
  ]
}

function inputArgs({ source, ioTimeoutMs = DEFAULT_IO_TIMEOUT_MS }: { source: CameraSource; ioTimeoutMs?: number }): string[] {
  const timeoutUs = String(Math.round(ioTimeoutMs * 1000))
  switch (source.kind) {
    case 'rtsp':
      // ffmpeg 5.x: `-timeout` is the RTSP socket I/O timeout in microseconds (it was `-stimeout` before 5.0).
      return ['-rtsp_transport', source.transport, '-timeout', timeoutUs, '-i', source.input]
    case 'http':
      // Short in-process reconnects ride over a blip; a longer outage ends ffmpeg and the supervisor takes
      // over with its backoff and a visible state. No reconnect on connection errors at start, so that a
      // wrong address is reported at once instead of after ffmpeg's own retries.
      return [
        '-reconnect', '1',
        '-reconnect_streamed', '1',
        '-reconnect_delay_max', '2',
        '-rw_timeout', timeoutUs,
        '-i', source.input
      ]
    case 'file':
      // Read at the native rate and loop forever, so that a file behaves like a live camera.
      return ['-re', '-stream_loop', '-1', '-i', source.input]
  }
}

function videoOutputArgs({ transcode, assumedFps }: DisplayArgsOptions): string[] {
  const videoOnly = ['-map', '0:v:0', '-an', '-sn', '-dn']
  if (!transcode) return [...videoOnly, '-c:v', 'copy']
  return [...videoOnly, ...h264EncoderArgs(assumedFps)]
}

/** Low-latency H.264 for the browser (live view, masked or sped-up playback). */
export function h264EncoderArgs(assumedFps = DEFAULT_ASSUMED_FPS): string[] {
  return [
    '-c:v', 'libx264',
    '-preset', 'veryfast',
    '-tune', 'zerolatency',
    '-profile:v', 'main',
    '-pix_fmt', 'yuv420p',
    '-g', String(Math.max(1, Math.round(assumedFps * TRANSCODE_KEYFRAME_INTERVAL_S))),
    // The real frame rate is unknown in advance (the demo clips run at 12 fps): force keyframes by time too.
    '-force_key_frames', `expr:gte(t,n_forced*${TRANSCODE_KEYFRAME_INTERVAL_S})`
  ]
}

/** Pixel formats Chromium's H.264 decoder takes; `yuvj420p` is the full-range variant many cameras send. */
const BROWSER_PIXEL_FORMATS: ReadonlySet<string> = new Set(['yuv420p', 'yuvj420p'])
const BROWSER_UNSUPPORTED_PROFILES = /High 10|High 4:2:2|High 4:4:4/u

/**
 * Whether the camera's stream can go to the browser untouched. Only 8-bit 4:2:0 H.264 can: other
 * codecs (HEVC, MJPEG, MPEG-4) and the 10-bit or 4:2:2 H.264 profiles are not decoded by MSE in Chromium.
 */
export function canCopyForDisplay(video: InputVideoInfo): boolean {
  if (video.codec !== 'h264') return false
  if (video.profile !== undefined && BROWSER_UNSUPPORTED_PROFILES.test(video.profile)) return false
  return video.pixelFormat === undefined || BROWSER_PIXEL_FORMATS.has(video.pixelFormat)
}
