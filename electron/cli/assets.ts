/**
 * `npm run assets`: fetches the models and sample media listed in resources/assets.json.
 *
 *   npm run assets                  download (or copy from VIGIE_ASSET_MIRROR) what is missing or damaged
 *   npm run assets -- --check       verify only; exit 1 if anything is missing or damaged
 *   npm run assets -- --quiet       print only problems and the summary
 *   npm run assets -- --if-online   best effort, never exits non-zero (used by postinstall)
 */
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkAssets, type AssetCheckReport } from '../core/assets/check-assets'
import { fetchAssets, type AssetFetchReport } from '../core/assets/fetch-assets'
import { resolveFfmpeg } from '../core/ingest/ffmpeg-path'

const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url))
const MIRROR_ENV = 'VIGIE_ASSET_MIRROR'

const USAGE = `Usage: npm run assets [-- --check] [--quiet] [--if-online]
  --check       verify only; exit 1 if anything is missing or damaged
  --quiet       print only problems and the summary line
  --if-online   best effort: report problems but always exit 0
Set ${MIRROR_ENV}=DIR to copy from a local directory (DIR/models, DIR/media, DIR/media/derived)
instead of downloading.`

const HINT_WHEN_FAILED =
  'To finish: run "npm run assets" again once online, or set ' +
  `${MIRROR_ENV} to a directory holding a copy of the assets.`

interface CliOptions {
  check: boolean
  quiet: boolean
  ifOnline: boolean
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv)
  if (options === undefined) {
    console.error(USAGE)
    return 2
  }
  const print = (line: string): void => console.log(line)
  const progress = options.quiet ? () => undefined : print

  const ffmpeg = findFfmpeg()
  if (ffmpeg.problem !== undefined) progress(`ffmpeg: ${ffmpeg.problem}`)

  if (options.check) {
    const reports = await checkAssets({ rootDir: ROOT_DIR, ffmpegPath: ffmpeg.path })
    for (const line of checkLines(reports, options.quiet)) print(line)
    return reports.some((report) => isProblem(report)) ? 1 : 0
  }

  const mirror = mirrorFromEnv(process.env[MIRROR_ENV])
  if (mirror.problem !== undefined) {
    console.error(mirror.problem)
    return options.ifOnline ? 0 : 1
  }
  progress(mirror.dir === undefined ? 'Fetching assets from their pinned URLs…' : `Copying assets from ${mirror.dir}…`)
  const reports = await fetchAssets({
    rootDir: ROOT_DIR,
    mirrorDir: mirror.dir,
    ffmpegPath: ffmpeg.path,
    log: (line) => progress(`  ${line}`)
  })
  for (const line of fetchLines(reports, options.quiet)) print(line)
  const requiredFailed = reports.some((report) => report.required && report.status === 'failed')
  return requiredFailed && !options.ifOnline ? 1 : 0
}

function parseOptions(argv: string[]): CliOptions | undefined {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        check: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        'if-online': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false }
      }
    })
    if (values.help) return undefined
    return { check: values.check, quiet: values.quiet, ifOnline: values['if-online'] }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    return undefined
  }
}

function findFfmpeg(): { path: string | undefined; problem?: string } {
  try {
    return { path: resolveFfmpeg(process.env).path }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { path: undefined, problem: `${reason} (derived clips cannot be made or checked)` }
  }
}

/** The mirror path is taken relative to the current directory, as CI writes it (`../shared`). */
function mirrorFromEnv(value: string | undefined): { dir: string | undefined; problem?: string } {
  if (value === undefined || value.trim() === '') return { dir: undefined }
  const dir = resolve(process.cwd(), value.trim())
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() !== true) {
    return { dir: undefined, problem: `${MIRROR_ENV} is set to ${dir}, which is not a directory.` }
  }
  return { dir }
}

function fetchLines(reports: AssetFetchReport[], quiet: boolean): string[] {
  const lines: string[] = []
  for (const report of reports) {
    if (quiet && report.status !== 'failed') continue
    lines.push(`  ${report.status.toUpperCase().padEnd(10)} ${report.destination}${fetchDetail(report)}`)
  }
  const count = (status: AssetFetchReport['status']): number => reports.filter((r) => r.status === status).length
  lines.push(
    `${reports.length} assets: ${count('ok')} already in place, ${count('downloaded')} downloaded, ` +
      `${count('copied')} copied, ${count('generated')} generated, ${count('failed')} failed.`
  )
  const failedRequired = reports.filter((report) => report.required && report.status === 'failed')
  if (failedRequired.length > 0) {
    lines.push(`Still missing and required by the app: ${failedRequired.map((report) => report.id).join(', ')}.`)
  }
  if (count('failed') > 0) lines.push(HINT_WHEN_FAILED)
  return lines
}

function fetchDetail(report: AssetFetchReport): string {
  switch (report.status) {
    case 'ok':
      return report.note === undefined ? '' : ` (${report.note})`
    case 'downloaded':
    case 'copied':
    case 'generated':
      return ` (from ${report.from})`
    case 'failed':
      return `: ${report.reason}`
  }
}

function checkLines(reports: AssetCheckReport[], quiet: boolean): string[] {
  const lines: string[] = []
  for (const { destination, check } of reports) {
    if (quiet && check.state === 'valid') continue
    const label = check.state === 'valid' ? 'ok' : check.state === 'invalid' ? 'damaged' : check.state
    const detail = check.state === 'invalid' || check.state === 'unverified' ? `: ${check.reason}` : ''
    lines.push(`  ${label.toUpperCase().padEnd(10)} ${destination}${detail}`)
  }
  const problems = reports.filter(isProblem).length
  lines.push(`${reports.length} assets checked: ${reports.length - problems} in place, ${problems} missing or damaged.`)
  if (problems > 0) lines.push('Run "npm run assets" to fetch them.')
  return lines
}

function isProblem(report: AssetCheckReport): boolean {
  return report.check.state === 'missing' || report.check.state === 'invalid'
}

process.exitCode = await main(process.argv.slice(2))
