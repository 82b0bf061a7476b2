import { redactSource } from './camera-source'

/**
 * Reads ffmpeg's stderr. ffmpeg runs with `-loglevel level+info` (see ffmpeg-args.ts), so every line
 * carries its level (`[error]`, `[warning]`, `[info]`…), optionally after the component that logged it
 * (`[tcp @ 0x55…]`). Two things are taken from it: the input video stream's codec (printed at info level)
 * and, when ffmpeg stops, a short French reason an operator can act on.
 */

export type FfmpegFailureCode =
  | 'CONNECTION_REFUSED'
  | 'HOST_UNREACHABLE'
  | 'TIMEOUT'
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
  | 'INVALID_DATA'
  | 'FILE_NOT_FOUND'
  | 'END_OF_STREAM'
  | 'OTHER'

export interface FfmpegFailure {
  readonly code: FfmpegFailureCode
  /** French, one line, credentials removed. */
  readonly message: string
}

const LOG_LEVELS = ['panic', 'fatal', 'error', 'warning', 'info', 'verbose', 'debug', 'trace'] as const
export type FfmpegLogLevel = (typeof LOG_LEVELS)[number]

export interface FfmpegLogLine {
  /** Undefined when the line has no level tag (ffmpeg was not run with `-loglevel level+…`). */
  readonly level: FfmpegLogLevel | undefined
  readonly text: string
}

export interface InputVideoInfo {
  /** ffmpeg's codec name: `h264`, `hevc`, `mjpeg`, `mpeg4`… */
  readonly codec: string
  /** As printed by ffmpeg: `Main`, `High 10`, `Constrained Baseline`… */
  readonly profile?: string
  readonly pixelFormat?: string
}

export interface ProcessExit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

const LOG_LINE = /^(?:\[[^\]]* @ [^\]]*\] )?\[(\w+)\] ?(.*)$/u

export function parseLogLine(raw: string): FfmpegLogLine {
  const match = LOG_LINE.exec(raw)
  const level = LOG_LEVELS.find((candidate) => candidate === match?.[1])
  if (match === null || level === undefined) return { level: undefined, text: raw.trim() }
  return { level, text: (match[2] ?? '').trim() }
}

// "Stream #0:0[0x1](und): Video: h264 (Main) (avc1 / 0x31637661), yuv420p(progressive), 640x360 …"
const VIDEO_STREAM = /^Stream #\d+:\d+\S*: Video: ([\w-]+)((?: \([^)]*\))*)(?:, (\w+))?/u

export function parseVideoStreamLine(text: string): InputVideoInfo | undefined {
  const match = VIDEO_STREAM.exec(text)
  const codec = match?.[1]
  if (match === null || codec === undefined) return undefined
  // The first parenthesised group is the profile, unless it is the codec tag ("avc1 / 0x31637661").
  const firstGroup = /^ \(([^)]*)\)/u.exec(match[2] ?? '')?.[1]
  const profile = firstGroup !== undefined && !firstGroup.includes(' / 0x') ? firstGroup : undefined
  const pixelFormat = match[3]
  return {
    codec,
    ...(profile !== undefined ? { profile } : {}),
    ...(pixelFormat !== undefined && pixelFormat !== 'none' ? { pixelFormat } : {})
  }
}

interface FailurePattern {
  readonly pattern: RegExp
  readonly failure: FfmpegFailure
}

/** Ordered: the first pattern that matches a line wins. Texts are ffmpeg 5.1's and the OS's (strerror). */
const FAILURE_PATTERNS: readonly FailurePattern[] = [
  rule(/\b401 Unauthorized|authorization failed/iu, 'UNAUTHORIZED', 'Identifiant ou mot de passe refusé par la caméra (401)'),
  rule(/\b403 Forbidden/iu, 'UNAUTHORIZED', 'Accès refusé par la caméra (403)'),
  rule(
    /\b404 Not Found|\b454 Session Not Found|stream not found/iu,
    'NOT_FOUND',
    'Flux introuvable sur la caméra (404) : vérifiez le chemin de l’URL'
  ),
  rule(/No such file or directory/iu, 'FILE_NOT_FOUND', 'Fichier vidéo introuvable'),
  rule(/Is a directory/iu, 'FILE_NOT_FOUND', 'Le chemin désigne un dossier, pas un fichier vidéo'),
  rule(/Connection refused/iu, 'CONNECTION_REFUSED', 'Connexion refusée par la caméra (port fermé ou service arrêté)'),
  rule(
    /Failed to resolve hostname|Name or service not known|Temporary failure in name resolution|nodename nor servname/iu,
    'HOST_UNREACHABLE',
    'Caméra introuvable : nom d’hôte inconnu'
  ),
  rule(/No route to host|Network is unreachable|Host is unreachable/iu, 'HOST_UNREACHABLE', 'Caméra injoignable sur le réseau'),
  rule(/timed out/iu, 'TIMEOUT', 'La caméra ne répond plus (délai dépassé)'),
  rule(
    /Invalid data found|moov atom not found|could not find codec parameters|unsupported codec|decoder .* not found|codec not currently supported/iu,
    'INVALID_DATA',
    'Flux illisible : données invalides ou codec non pris en charge'
  )
]

function rule(pattern: RegExp, code: FfmpegFailureCode, message: string): FailurePattern {
  return { pattern, failure: { code, message } }
}

export function classifyLine(text: string): FfmpegFailure | undefined {
  return FAILURE_PATTERNS.find(({ pattern }) => pattern.test(text))?.failure
}

const PROBLEM_LEVELS: ReadonlySet<FfmpegLogLevel | undefined> = new Set(['panic', 'fatal', 'error', 'warning', undefined])
const SERIOUS_LEVELS: ReadonlySet<FfmpegLogLevel | undefined> = new Set(['panic', 'fatal', 'error'])
const MAX_OTHER_MESSAGE_LENGTH = 160

/**
 * Explains why ffmpeg stopped, from its last warning/error lines. Errors are searched before warnings
 * (from the newest), because a warning earlier in the run rarely is the cause. ffmpeg exits with status 0
 * on some input errors (a timed-out RTSP read), so the lines matter more than the exit status.
 */
export function describeFailure(problems: readonly FfmpegLogLine[], exit: ProcessExit): FfmpegFailure {
  const newestFirst = [...problems].reverse()
  const serious = newestFirst.filter((line) => SERIOUS_LEVELS.has(line.level))
  const known =
    firstKnownFailure(serious) ?? firstKnownFailure(newestFirst.filter((line) => !SERIOUS_LEVELS.has(line.level)))
  if (known !== undefined) return known

  const lastSerious = serious[0]
  if (lastSerious !== undefined) return other(`Erreur ffmpeg : ${shorten(redactSource(lastSerious.text))}`)
  if (exit.signal !== null) return other(`ffmpeg s’est arrêté brutalement (${exit.signal})`)
  if (exit.code !== null && exit.code !== 0) return other(`ffmpeg s’est arrêté avec le code ${exit.code}`)
  return { code: 'END_OF_STREAM', message: 'Fin du flux : la source a cessé d’émettre' }
}

function other(message: string): FfmpegFailure {
  return { code: 'OTHER', message }
}

function firstKnownFailure(lines: readonly FfmpegLogLine[]): FfmpegFailure | undefined {
  for (const line of lines) {
    const failure = classifyLine(line.text)
    if (failure !== undefined) return failure
  }
  return undefined
}

function shorten(text: string): string {
  return text.length <= MAX_OTHER_MESSAGE_LENGTH ? text : `${text.slice(0, MAX_OTHER_MESSAGE_LENGTH - 1)}…`
}

/**
 * Follows one ffmpeg run's stderr line by line: notices the input video stream (only in the `Input #…`
 * block, since the `Output #…` block prints the same kind of line for what we produce) and keeps the
 * last few warning/error lines to explain a failure.
 */
export class FfmpegStderrParser {
  private section: 'none' | 'input' | 'output' = 'none'
  private video: InputVideoInfo | undefined
  private readonly problems: FfmpegLogLine[] = []

  constructor(private readonly maxProblemLines = 20) {}

  get inputVideo(): InputVideoInfo | undefined {
    return this.video
  }

  /** Returns the input video stream the first time its line is seen, undefined otherwise. */
  push(rawLine: string): InputVideoInfo | undefined {
    const line = parseLogLine(rawLine)
    if (line.text.startsWith('Input #')) this.section = 'input'
    else if (line.text.startsWith('Output #')) this.section = 'output'

    if (PROBLEM_LEVELS.has(line.level)) {
      this.problems.push(line)
      if (this.problems.length > this.maxProblemLines) this.problems.shift()
    }
    if (this.section === 'input' && this.video === undefined) {
      this.video = parseVideoStreamLine(line.text)
      return this.video
    }
    return undefined
  }

  describeFailure(exit: ProcessExit): FfmpegFailure {
    return describeFailure(this.problems, exit)
  }
}
