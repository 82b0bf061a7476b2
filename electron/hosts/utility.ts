import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import ElectronStore from 'electron-store'
import { createCore } from '../core/create-core'
import type { SettingsBackend } from '../core/config/settings-service'
import type { Settings } from '../shared/settings'
import { createMessagePortTransport, type DomStylePort } from '../shared/rpc/message-port-transport'
import { logToStderr, readVersion } from './host-options'
import { startWebServer } from './web/web-server'

/**
 * Desktop host: runs the core in an Electron utility process owned by main, so a slow query or a
 * stuck decoder never freezes a window. Each window gets its own MessagePort; media goes over a
 * loopback socket that only accepts this launch's token and one-time tickets.
 */

/** Electron's MessagePortMain speaks EventEmitter; the transport expects the DOM shape. */
interface MessagePortMainLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  start(): void
  close(): void
}

function asDomPort(port: MessagePortMainLike): DomStylePort {
  return {
    postMessage: (message) => port.postMessage(message),
    addEventListener: (_type, listener) => port.on('message', (event) => listener(new MessageEvent('message', { data: event.data }))),
    start: () => port.start(),
    close: () => port.close()
  }
}

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: MessagePortMainLike[] }) => void): void
  postMessage(message: unknown): void
}

/** Opens electron-store; an unreadable file is kept aside (never overwritten) and a fresh one started. */
function openSettingsStore(dataDir: string): ElectronStore {
  const open = (): ElectronStore => new ElectronStore({ cwd: dataDir, name: 'settings', clearInvalidConfig: false })
  try {
    return open()
  } catch (error) {
    const path = join(dataDir, 'settings.json')
    const aside = `${path}.illisible-${Date.now()}`
    renameSync(path, aside)
    logToStderr(`settings: unreadable ${path} kept as ${aside} (${(error as Error).message})`)
    return open()
  }
}

function electronStoreBackend(dataDir: string): SettingsBackend {
  const store = openSettingsStore(dataDir)
  return {
    read: async () => (Object.keys(store.store).length > 0 ? store.store : undefined),
    write: async (value: Settings) => {
      store.store = value
    }
  }
}

/**
 * Inside Electron, better-sqlite3 must be the build made for Electron's own Node (see
 * electron/cli/electron-native.mjs); the default one is for the Node that runs npm and the tests.
 */
function sqliteBindingForElectron(appRoot: string): string | undefined {
  if (!process.versions.electron) return undefined
  const binding = join(appRoot, 'node_modules', '.vigie-electron', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
  if (!existsSync(binding)) {
    throw new Error(
      "La base de données ne peut pas s'ouvrir : better-sqlite3 n'a pas été compilé pour Electron. " +
        'Lancez « npm run rebuild:electron » sur une machine connectée, puis relancez Vigie.'
    )
  }
  return binding
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, 'app-root': { type: 'string' }, demo: { type: 'boolean', default: false } }
  })
  if (!values.data || !values['app-root']) throw new Error('utility host: --data and --app-root are required')
  mkdirSync(values.data, { recursive: true, mode: 0o700 })
  const version = readVersion(values['app-root'])
  const core = await createCore({
    appRoot: values['app-root'],
    dataDir: values.data,
    mode: 'desktop',
    version,
    demo: values.demo ? 'force' : 'auto',
    settingsBackend: electronStoreBackend(values.data),
    sqliteNativeBinding: sqliteBindingForElectron(values['app-root']),
    // Resolved here, in an entry file: the build emits the workers beside the entries, not beside shared chunks.
    bundledWorkersDir: new URL('./', import.meta.url),
    log: logToStderr
  })
  await startWebServer({ core, surface: 'media', port: 0, log: logToStderr })

  const parentPort = (process as unknown as { parentPort: ParentPort }).parentPort
  parentPort.on('message', (event) => {
    const [port] = event.ports
    if (event.data === 'connect-window' && port) core.connect(createMessagePortTransport(asDomPort(port)), { transport: 'message-port', workstation: `poste ${hostname()}` })
  })
  parentPort.postMessage('core-ready')
  process.on('SIGTERM', () => void core.dispose().then(() => process.exit(0)))
}

main().catch((error: unknown) => {
  const message = (error as Error).message
  logToStderr(`core host cannot start: ${message}`)
  // Tell main why, so that it shows the reason instead of restarting a core that cannot start.
  ;(process as unknown as { parentPort?: ParentPort }).parentPort?.postMessage({ fatal: message })
  process.exit(1)
})
