// Builds the native modules that the desktop app loads inside Electron, beside the ones Node uses.
//
// better-sqlite3 is compiled for the Node that runs npm (the tests, the headless host and the command
// line use it). Electron embeds another Node with another ABI, so the desktop core needs a second
// build of the same module. It goes to node_modules/.vigie-electron/ and the core loads it there
// (better-sqlite3's `nativeBinding` option) only when it runs inside Electron: neither build replaces
// the other. onnxruntime-node uses N-API and loads in both without a rebuild.
//
// Needs the network (Electron headers or a prebuilt binary). Never fails the install: it says what to run.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const MODULES = join(ROOT, 'node_modules')
export const ELECTRON_BUILD_DIR = join(MODULES, '.vigie-electron', 'better-sqlite3')
export const ELECTRON_BINDING = join(ELECTRON_BUILD_DIR, 'build', 'Release', 'better_sqlite3.node')

function versionOf(pkg) {
  return JSON.parse(readFileSync(join(MODULES, pkg, 'package.json'), 'utf8')).version
}

// A user-level `nodedir` (set on some machines to build against the system Node) would make node-gyp
// compile against the wrong headers and report success: Electron's headers must come from its dist-url.
const ELECTRON_BUILD_ENV = { ...process.env, npm_config_nodedir: '' }

function run(command, args, cwd) {
  return spawnSync(command, args, { cwd, stdio: 'inherit', env: ELECTRON_BUILD_ENV, timeout: 15 * 60_000 }).status === 0
}

export function buildForElectron({ quiet = false } = {}) {
  const say = (line) => quiet || console.log(`Vigie: ${line}`)
  if (!existsSync(join(MODULES, 'electron', 'package.json')) || !existsSync(join(MODULES, 'better-sqlite3', 'package.json'))) {
    return true
  }
  const electron = versionOf('electron')
  const sqlite = versionOf('better-sqlite3')
  const stampFile = join(ELECTRON_BUILD_DIR, '.vigie-stamp')
  const stamp = `electron ${electron}, better-sqlite3 ${sqlite}, ${process.platform}-${process.arch}`
  if (existsSync(ELECTRON_BINDING) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return true

  say(`building better-sqlite3 ${sqlite} for Electron ${electron}…`)
  rmSync(ELECTRON_BUILD_DIR, { recursive: true, force: true })
  mkdirSync(dirname(ELECTRON_BUILD_DIR), { recursive: true })
  cpSync(join(MODULES, 'better-sqlite3'), ELECTRON_BUILD_DIR, {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`)
  })
  const target = ['--runtime', 'electron', '--target', electron, '--arch', process.arch, '--platform', process.platform]
  const prebuilt = run(process.execPath, [join(MODULES, 'prebuild-install', 'bin.js'), ...target], ELECTRON_BUILD_DIR)
  const gyp = process.env.npm_config_node_gyp
  const built =
    prebuilt ||
    (gyp !== undefined &&
      run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electron}`, '--dist-url=https://electronjs.org/headers'], ELECTRON_BUILD_DIR))
  if (!built || !existsSync(ELECTRON_BINDING)) {
    say('better-sqlite3 could not be built for Electron here (offline?). The desktop app needs it: run "npm run rebuild:electron" when online. The headless host and the tests do not.')
    return false
  }
  writeFileSync(stampFile, stamp)
  say('better-sqlite3 for Electron is ready.')
  return true
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(buildForElectron() ? 0 : 1)
}
