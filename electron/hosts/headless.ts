import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../core/create-core'
import { appRootFrom, defaultDataDir, logToStderr, readVersion } from './host-options'
import { startWebServer } from './web/web-server'

/**
 * Headless host: the core plus a loopback web server, for browsers and for the end-to-end tests.
 * Prints exactly one line on stdout, `VIGIE_URL=<url>`, once it is ready.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, data: { type: 'string' }, demo: { type: 'boolean', default: false } }
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`)
  const appRoot = appRootFrom(import.meta.dirname)
  const dataDir = resolve(values.data ?? defaultDataDir())
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })

  const core = await createCore({
    appRoot,
    dataDir,
    mode: 'browser',
    version: readVersion(appRoot),
    demo: values.demo ? 'force' : 'auto',
    // Resolved here, in an entry file: the build emits the workers beside the entries, not beside shared chunks.
    bundledWorkersDir: new URL('./', import.meta.url),
    log: logToStderr
  })
  const web = await startWebServer({ core, surface: 'console', rendererDir: join(appRoot, 'out', 'renderer'), port, log: logToStderr })
  process.stdout.write(`VIGIE_URL=${web.url}\n`)

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    logToStderr(`${signal}: stopping`)
    void Promise.allSettled([web.close(), core.dispose()]).then(() => process.exit(0))
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGHUP', () => stop('SIGHUP'))
}

main().catch((error: unknown) => {
  logToStderr(`cannot start: ${(error as Error).message}`)
  process.exit(1)
})
