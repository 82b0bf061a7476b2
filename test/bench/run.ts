import { benchAnalytics } from './analytics'
import { benchAudit } from './audit'
import { benchIngest } from './ingest'
import { benchLapi } from './lapi'
import { benchLapiLive } from './lapi-live'
import { benchRecording } from './recording'
import { benchReview } from './review'

/**
 * npm run bench -- <name> [options]. Each benchmark prints progress on stderr and one JSON object as
 * the last line of stdout.
 */
const BENCHMARKS: Record<string, (argv: string[]) => Promise<Record<string, unknown>>> = {
  ingest: benchIngest,
  audit: benchAudit,
  analytics: benchAnalytics,
  recording: benchRecording,
  review: benchReview,
  lapi: benchLapi,
  'lapi-live': benchLapiLive
}

const [name, ...rest] = process.argv.slice(2)
const bench = name ? BENCHMARKS[name] : undefined
if (!bench) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}> [--json]\n`)
  process.exit(2)
}
try {
  const result = await bench(rest)
  process.stdout.write(`${JSON.stringify(result)}\n`)
  process.exit(0)
} catch (error) {
  process.stderr.write(`[bench] ${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
}
