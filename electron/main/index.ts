import { app, BrowserWindow, MessageChannelMain, dialog, session, utilityProcess, type UtilityProcess } from 'electron'
import { join } from 'node:path'

/**
 * Electron main: windows and the core's utility process, nothing else. All behaviour lives in the
 * core (electron/core) and the renderer, which are tested without Electron.
 */
const outDir = join(import.meta.dirname, '..')
let core: UtilityProcess | null = null
let coreReady: Promise<void> | null = null
let quitting = false
/** Exit times of the core; several quick deaths mean restarting cannot help, so the user is told. */
const recentCoreExits: number[] = []
const RESTART_WINDOW_MS = 60_000
const MAX_RESTARTS_IN_WINDOW = 3

function startCore(): Promise<void> {
  const child = utilityProcess.fork(
    join(outDir, 'main', 'core-host.js'),
    ['--data', app.getPath('userData'), '--app-root', app.getAppPath(), ...(process.argv.includes('--demo') ? ['--demo'] : [])],
    { serviceName: 'Vigie core', stdio: 'inherit' }
  )
  core = child
  let fatal: string | null = null
  child.on('exit', (code) => {
    if (quitting) return
    if (fatal !== null) {
      // The core said why it cannot start: restarting would fail the same way.
      dialog.showErrorBox('Vigie', fatal)
      app.quit()
      return
    }
    // The core is the only owner of cameras and data: if it dies, restart it and reconnect the windows,
    // unless it keeps dying, in which case a restart loop would only hide the problem.
    const now = Date.now()
    recentCoreExits.push(now)
    while (recentCoreExits.length > 0 && recentCoreExits[0] < now - RESTART_WINDOW_MS) recentCoreExits.shift()
    if (recentCoreExits.length > MAX_RESTARTS_IN_WINDOW) {
      dialog.showErrorBox('Vigie', `Le service Vigie s'arrête sans cesse (code ${code}). Consultez le journal, puis relancez l'application.`)
      app.quit()
      return
    }
    console.error(`[vigie] core exited (${code}); restarting`)
    coreReady = new Promise<void>((resolve) => setTimeout(resolve, 500 * recentCoreExits.length)).then(startCore)
    void coreReady.then(() => BrowserWindow.getAllWindows().forEach((window) => window.webContents.reload()))
  })
  return new Promise((resolve) => {
    child.on('message', (message: unknown) => {
      if (message === 'core-ready') resolve()
      else if (typeof message === 'object' && message !== null && 'fatal' in message) fatal = String(message.fatal)
    })
  })
}

async function connectWindow(window: BrowserWindow): Promise<void> {
  await coreReady
  const { port1, port2 } = new MessageChannelMain()
  core?.postMessage('connect-window', [port1])
  window.webContents.postMessage('vigie:port', null, [port2])
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1600,
    height: 960,
    title: 'Vigie',
    backgroundColor: '#0d1117',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  window.webContents.on('did-finish-load', () => void connectWindow(window))
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  void window.loadFile(join(outDir, 'renderer', 'index.html'))
}

app.whenReady().then(() => {
  // Notifications are the only browser permission the console asks for (alerts); everything else is refused.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'))
  coreReady = startCore()
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}).catch((error: unknown) => {
  dialog.showErrorBox('Vigie', `Démarrage impossible : ${(error as Error).message}`)
  app.quit()
})

app.on('before-quit', () => {
  quitting = true
  core?.kill()
})
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
