// npm start: the desktop app. Where the Electron binary cannot be obtained (no download possible),
// say so plainly and run the same console in the browser through the headless host instead.
import { spawn, spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildIfNeeded } from './build-if-needed.mjs'

const appRoot = resolve(import.meta.dirname, '..', '..')
buildIfNeeded(appRoot)

// Requiring `electron` from Node returns its binary path, downloading it on first use.
// Do that in a child so that a failed download cannot take this process down with it.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: appRoot,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 10 * 60 * 1000
})
const electronBinary = probe.status === 0 ? probe.stdout.trim() : ''

if (electronBinary) {
  const child = spawn(electronBinary, [appRoot, ...process.argv.slice(2)], { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  const detail = (probe.stderr || probe.error?.message || '').trim().split('\n').filter(Boolean).pop() ?? ''
  process.stderr.write(
    [
      "[vigie] Le binaire Electron n'est pas disponible sur cette machine : l'application de bureau ne peut pas démarrer.",
      "[vigie] The Electron binary is not available on this machine, so the desktop app cannot start.",
      detail ? `[vigie] (${detail})` : '',
      '[vigie] Repli : la console est servie au navigateur par l’hôte sans interface ; ouvrez l’adresse VIGIE_URL ci-dessous.',
      '[vigie] Fallback: the console is served to a browser by the headless host; open the VIGIE_URL below.',
      ''
    ]
      .filter((line) => line !== '')
      .join('\n') + '\n'
  )
  await import(pathToFileURL(join(appRoot, 'out', 'main', 'headless.js')).href)
}
