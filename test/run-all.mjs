// npm test: every suite, one summary line. Order: assets (from the mirror or the network), type
// check, unit + contract + architecture tests (vitest), build, end-to-end tests (Playwright, Chromium).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const reports = mkdtempSync(join(tmpdir(), 'vigie-test-'))
const bin = (pkg, file) => join(root, 'node_modules', pkg, file)
let passed = 0
let failed = 0

function run(label, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`)
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

/** A step that is not a test suite still counts: a failed build or type check fails the run. */
function step(label, args) {
  if (run(label, args)) passed += 1
  else failed += 1
}

function countVitest(file) {
  if (!existsSync(file)) return false
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  // A file that fails to load has no tests in the count but must still fail the run.
  failed += report.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length
  return true
}

function countPlaywright(file) {
  if (!existsSync(file)) return false
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.stats.expected
  failed += report.stats.unexpected + report.stats.flaky + report.stats.skipped
  return true
}

step('assets', ['--import', 'tsx', 'electron/cli/assets.ts'])
step('type check (core)', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json'])
step('type check (renderer)', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.web.json'])

const vitestReport = join(reports, 'vitest.json')
run('unit, contract and architecture tests', [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`])
if (!countVitest(vitestReport)) failed += 1

const built = run('build', [bin('electron-vite', 'bin/electron-vite.js'), 'build'])
if (built) passed += 1
else failed += 1

const playwrightReport = join(reports, 'playwright.json')
if (built) {
  run('end-to-end tests (Chromium)', [bin('@playwright/test', 'cli.js'), 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport })
  if (!countPlaywright(playwrightReport)) failed += 1
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`)
process.exit(failed === 0 ? 0 : 1)
