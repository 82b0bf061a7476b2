import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The repository (or packaged app) root, two levels above the built host in out/main/. */
export function appRootFrom(moduleDir: string): string {
  return resolve(moduleDir, '..', '..')
}

export function readVersion(appRoot: string): string {
  const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version?: string }
  return pkg.version ?? '0.0.0'
}

/** The same folder Electron uses for userData on Linux, so desktop and headless share one installation. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config')
  return join(base, 'Vigie')
}

/** Logs go to stderr: stdout is reserved for the machine-readable ready line. */
export function logToStderr(message: string): void {
  process.stderr.write(`[vigie] ${new Date().toISOString()} ${message}\n`)
}
