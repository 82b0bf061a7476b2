import { isAbsolute } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Parses what an operator typed as a camera address into something ffmpeg can be given safely.
 *
 * Parsing is pure (no file system, no network): whether the camera answers or the file exists is
 * ffmpeg's to find out, and its stderr is turned into a readable reason elsewhere (ffmpeg-stderr.ts).
 */

export type RtspTransport = 'tcp' | 'udp'

/**
 * `hls` when the path ends in `.m3u8`; otherwise `auto`: MJPEG cameras answer with
 * `multipart/x-mixed-replace`, which ffmpeg recognises from the content type, so nothing is forced.
 */
export type HttpFormat = 'hls' | 'auto'

export type CameraSource =
  | { readonly kind: 'rtsp'; readonly input: string; readonly display: string; readonly transport: RtspTransport }
  | { readonly kind: 'http'; readonly input: string; readonly display: string; readonly format: HttpFormat }
  | { readonly kind: 'file'; readonly input: string; readonly display: string }

export type CameraSourceKind = CameraSource['kind']

export interface InvalidSourceError {
  readonly code: 'INVALID_URL'
  /** French, short enough for a camera tile, never contains credentials. */
  readonly message: string
}

export type ParseCameraSourceResult =
  | { readonly ok: true; readonly value: CameraSource }
  | { readonly ok: false; readonly error: InvalidSourceError }

export interface ParseCameraSourceOptions {
  readonly rtspTransport?: RtspTransport
}

const MAX_SOURCE_LENGTH = 2048

const SCHEME_KINDS: Readonly<Record<string, 'rtsp' | 'http' | 'file'>> = {
  rtsp: 'rtsp',
  rtsps: 'rtsp',
  http: 'http',
  https: 'http',
  file: 'file'
}

/**
 * Characters that have no business unencoded in a camera URL. ffmpeg is spawned without a shell, so they
 * are not dangerous as such, but they almost always mean a paste accident or an attempt to smuggle
 * something, and a password containing them must be percent-encoded anyway for the URL to be parsed right.
 */
const FORBIDDEN_URL_CHARACTERS = /[\s`"'<>\\|;${}^]/u

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/u

/** Hostnames, IPv4 and bracketed IPv6 literals. Underscores appear in some site-local DNS names. */
const VALID_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)*\.?$|^\[[0-9A-Fa-f:.]+\]$/u

const SCHEME_PREFIX = /^([A-Za-z][A-Za-z0-9+.-]*):/u

export function parseCameraSource(url: string, opts: ParseCameraSourceOptions = {}): ParseCameraSourceResult {
  const text = url.trim()
  if (text === '') return invalid('l’adresse est vide')
  if (text.length > MAX_SOURCE_LENGTH) return invalid(`l’adresse dépasse ${MAX_SOURCE_LENGTH} caractères`)
  if (CONTROL_CHARACTERS.test(text)) return invalid('l’adresse contient un caractère de contrôle')

  // Checked before URL parsing: "C:\video.mp4" would otherwise parse as a URL with the scheme "c".
  if (isAbsolute(text)) return ok({ kind: 'file', input: text, display: text })

  const scheme = SCHEME_PREFIX.exec(text)?.[1]?.toLowerCase()
  if (scheme === undefined) {
    return invalid('ni une URL (rtsp://, http://, https://, file://) ni un chemin absolu vers un fichier vidéo')
  }
  const kind = SCHEME_KINDS[scheme]
  if (kind === undefined) {
    return invalid(`le protocole « ${scheme} » n’est pas pris en charge (rtsp, rtsps, http, https, file)`)
  }

  const forbidden = FORBIDDEN_URL_CHARACTERS.exec(text)?.[0]
  if (forbidden !== undefined) {
    return invalid(`caractère interdit ${describeCharacter(forbidden)} (encodez-le, par ex. ${percentEncode(forbidden)})`)
  }

  let parsed: URL
  try {
    parsed = new URL(text)
  } catch {
    return invalid('URL mal formée')
  }

  if (kind === 'file') return parseFileUrl(parsed)

  if (parsed.hostname === '') return invalid('il manque le nom ou l’adresse IP de la caméra')
  if (!VALID_HOST.test(parsed.hostname)) return invalid(`nom d’hôte « ${parsed.hostname} » invalide`)
  if (parsed.port === '0') return invalid('le port 0 n’est pas valide')

  // ffmpeg matches protocol names case-sensitively, so only the scheme is normalised.
  const input = scheme + text.slice(scheme.length)
  const display = redactSource(input)
  if (kind === 'rtsp') return ok({ kind, input, display, transport: opts.rtspTransport ?? 'tcp' })
  const format: HttpFormat = parsed.pathname.toLowerCase().endsWith('.m3u8') ? 'hls' : 'auto'
  return ok({ kind, input, display, format })
}

function parseFileUrl(parsed: URL): ParseCameraSourceResult {
  let path: string
  try {
    path = fileURLToPath(parsed)
  } catch {
    return invalid('URL file:// invalide (seuls les fichiers locaux sont acceptés)')
  }
  if (!isAbsolute(path)) return invalid('le chemin du fichier doit être absolu')
  return ok({ kind: 'file', input: path, display: path })
}

const URL_CREDENTIALS = /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#\s@]*(?:@[^/?#\s@]*)*@/gu
const SECRET_QUERY_PARAMETERS =
  /([?&;](?:user|username|usr|login|password|passwd|pwd|pass|token|auth|key|apikey|api_key|secret|signature|sig)=)[^&#\s'"]*/giu

/**
 * Hides credentials in a URL, or in any text holding URLs (an ffmpeg log line, an error message):
 * the user:password part becomes `***` and the values of query parameters that cameras use for secrets
 * (`pwd=`, `token=`…) become `***`. Works on malformed input too, since it is used to report it.
 */
export function redactSource(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@').replace(SECRET_QUERY_PARAMETERS, '$1***')
}

function ok(value: CameraSource): ParseCameraSourceResult {
  return { ok: true, value }
}

function invalid(reason: string): ParseCameraSourceResult {
  return { ok: false, error: { code: 'INVALID_URL', message: `Adresse de caméra invalide : ${reason}` } }
}

function describeCharacter(character: string): string {
  return /\s/u.test(character) ? 'espace' : `« ${character} »`
}

function percentEncode(character: string): string {
  return `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
}
