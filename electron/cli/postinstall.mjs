// Runs after `npm install` / `npm ci`. Fetching the models and sample media here is a convenience, never a
// requirement: this script always exits 0, gives up quickly when offline, and is plain JavaScript with no
// dependencies because it runs before (or without) the dev dependencies.
//
// Set VIGIE_SKIP_ASSETS=1 to skip it; set VIGIE_ASSET_MIRROR=DIR to copy the assets from a local directory.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { buildForElectron } from './electron-native.mjs'

const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url))
const PROBE_URL = 'https://raw.githubusercontent.com/'
const PROBE_TIMEOUT_MS = 3_000
// A slow line may need a while for ~40 MB, but an install must end: past this the fetch is stopped.
const FETCH_TIMEOUT_MS = 15 * 60_000
const LATER =
  'Vigie: models and sample media were not fetched during install; run "npm run assets" when online ' +
  '(or set VIGIE_ASSET_MIRROR to a local copy).'

async function networkReachable() {
  try {
    // Any HTTP answer, even an error status, proves the host is reachable.
    await fetch(PROBE_URL, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
    return true
  } catch {
    return false
  }
}

function tsxInstalled() {
  try {
    createRequire(import.meta.url).resolve('tsx')
    return true
  } catch {
    return false
  }
}

/** Resolves when the child ends or is stopped; never rejects. */
function runAssetFetch() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/assets.ts', '--if-online'], {
      cwd: ROOT_DIR,
      stdio: 'inherit'
    })
    const deadline = setTimeout(() => {
      console.log('Vigie: fetching assets is taking too long; stopped. Run "npm run assets" later to finish.')
      child.kill()
    }, FETCH_TIMEOUT_MS)
    const finish = () => {
      clearTimeout(deadline)
      resolve()
    }
    child.once('error', (error) => {
      console.log(`Vigie: could not start the asset fetch (${error.message}). ${LATER}`)
      finish()
    })
    child.once('exit', finish)
  })
}

async function main() {
  const online = await networkReachable()
  // The desktop app's own build of the native modules (see electron-native.mjs); needs the network.
  if (online && !process.env.VIGIE_SKIP_ELECTRON_NATIVE) buildForElectron()
  if (process.env.VIGIE_SKIP_ASSETS) return
  if (!tsxInstalled()) {
    console.log(LATER)
    return
  }
  const mirrorSet = Boolean(process.env.VIGIE_ASSET_MIRROR?.trim())
  if (!mirrorSet && !online) {
    console.log(LATER)
    return
  }
  await runAssetFetch()
}

try {
  await main()
} catch (error) {
  console.log(`Vigie: asset fetch skipped (${error instanceof Error ? error.message : String(error)}). ${LATER}`)
}
// Explicit exit: a pending DNS lookup from the probe must not keep the install waiting.
process.exit(0)
