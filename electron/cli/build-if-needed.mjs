// Builds the app with electron-vite when the sources are newer than the last build.
// Build output goes to stderr: the hosts keep stdout for their one machine-readable line.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['electron', 'renderer', 'resources', 'electron.vite.config.ts', 'package.json']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = info.mtimeMs
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'media') continue
    newest = Math.max(newest, newestMtime(join(path, entry)))
  }
  return newest
}

export function buildIfNeeded(appRoot) {
  const stamp = join(appRoot, 'out', '.build-stamp')
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0
  const changed = Math.max(...SOURCES.map((source) => newestMtime(join(appRoot, source))))
  if (built >= changed && existsSync(join(appRoot, 'out', 'main', 'headless.js'))) return
  process.stderr.write('[vigie] building…\n')
  const bin = join(appRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: appRoot, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) {
    process.stderr.write('[vigie] build failed (see above)\n')
    process.exit(result.status ?? 1)
  }
  writeFileSync(stamp, new Date().toISOString())
}
