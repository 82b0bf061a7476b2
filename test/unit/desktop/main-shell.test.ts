import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUILT, ensureBuilt, repoRoot } from '../../fixtures/electron-stub/ensure-build'

/**
 * The Electron main bundle (out/main/index.js), run under plain Node with `electron` replaced by the
 * stub in test/fixtures/electron-stub. The stub records what main asks of Electron, plays the page and
 * the core (and, in one scenario, a core crash), then prints one JSON report line.
 */

const REPORT_PREFIX = 'VIGIE_ELECTRON_STUB_REPORT '
const REGISTER = pathToFileURL(join(repoRoot, 'test', 'fixtures', 'electron-stub', 'register-main.mjs')).href

interface Report {
  scenario: string
  timeline: string[]
  windows: Array<{
    options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>
    loadedFile: string | null
    loadedUrl: string | null
    windowOpen: unknown
    navigation: { listeners: number; prevented: boolean } | null
    portMessages: Array<{ channel: string; message: unknown; portCount: number; portsAreMessagePortMain: boolean }>
    reloads: number
  }>
  forks: Array<{
    modulePath: string
    args: string[]
    options: Record<string, unknown> | null
    messages: Array<{ message: unknown; portCount: number; portsAreMessagePortMain: boolean }>
    killed: boolean
  }>
  permissions: Record<string, unknown> | null
  permissionHandlerSet: number
  portChecks: Array<{ core: number | null; entangled: boolean }>
  quitCalls: number
  errorBoxes: unknown[]
}

interface Run {
  report: Report
  stderr: string
  userData: string
}

const userDataDirs: string[] = []

afterAll(async () => {
  await Promise.all(userDataDirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

/** Runs the main bundle to the end of the stub's script; rejects (with main's stderr) if it never gets there. */
async function runMain(scenario: 'boot' | 'crash-core', args: string[] = []): Promise<Run> {
  const userData = await mkdtemp(join(tmpdir(), 'vigie-main-shell-'))
  userDataDirs.push(userData)
  const child = spawn(process.execPath, ['--import', REGISTER, BUILT.main, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      VIGIE_STUB_SCENARIO: scenario,
      VIGIE_STUB_USER_DATA: userData,
      VIGIE_STUB_APP_PATH: repoRoot,
      // Safety net: should anything `require('electron')`, it gets a path instead of starting a download.
      ELECTRON_OVERRIDE_DIST_PATH: join(userData, 'no-electron-here')
    }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolvePromise) => {
    // Bounded wait for a process that normally ends in well under a second; not a sleep.
    const guard = setTimeout(() => child.kill('SIGKILL'), 25_000)
    child.on('close', (code, signal) => {
      clearTimeout(guard)
      resolvePromise({ code, signal })
    })
  })
  const line = stdout.split('\n').find((l) => l.startsWith(REPORT_PREFIX))
  if (exit.code !== 0 || !line) {
    throw new Error(`main bundle ended with ${exit.signal ?? exit.code} and no report.\nstdout: ${stdout}\nstderr: ${stderr}`)
  }
  return { report: JSON.parse(line.slice(REPORT_PREFIX.length)) as Report, stderr, userData }
}

beforeAll(async () => {
  await ensureBuilt()
}, 240_000)

describe('Electron main bundle (out/main/index.js)', () => {
  let boot: Run

  beforeAll(async () => {
    boot = await runMain('boot')
  }, 60_000)

  it('opens one window with an isolated, sandboxed renderer and the built CommonJS preload', () => {
    expect(boot.report.windows).toHaveLength(1)
    const prefs = boot.report.windows[0].options.webPreferences ?? {}
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.webSecurity).not.toBe(false)
    expect(prefs.allowRunningInsecureContent).not.toBe(true)
    expect(prefs.nodeIntegrationInWorker).not.toBe(true)
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true)
    expect(prefs.webviewTag).not.toBe(true)
    expect(prefs.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/)
    expect(prefs.preload).toBe(BUILT.preload)
    expect(existsSync(String(prefs.preload))).toBe(true)
  })

  it('loads the built renderer from out/', () => {
    const [window] = boot.report.windows
    expect(window.loadedUrl).toBeNull()
    expect(window.loadedFile).toBe(BUILT.renderer)
    expect(existsSync(String(window.loadedFile))).toBe(true)
  })

  it('forks the core from out/main/core-host.js with --data <userData> and --app-root', () => {
    expect(boot.report.forks).toHaveLength(1)
    const [core] = boot.report.forks
    expect(core.modulePath).toBe(BUILT.coreHost)
    expect(existsSync(core.modulePath)).toBe(true)
    expect(core.args).toEqual(['--data', boot.userData, '--app-root', repoRoot])
  })

  it('grants only the notifications permission', () => {
    expect(boot.report.permissionHandlerSet).toBe(1)
    const permissions = boot.report.permissions ?? {}
    expect(permissions.notifications).toBe(true)
    const others = Object.entries(permissions).filter(([name]) => name !== 'notifications')
    expect(others.length).toBeGreaterThan(5)
    for (const [name, granted] of others) expect({ name, granted }).toEqual({ name, granted: false })
  })

  it('denies window.open and prevents navigation away from the console', () => {
    const [window] = boot.report.windows
    expect(window.windowOpen).toEqual({ action: 'deny' })
    expect(window.navigation).toEqual({ listeners: 1, prevented: true })
  })

  it('hands the window a MessagePort only once the core is ready, and gives the core the other end', () => {
    const { timeline, forks, windows, portChecks } = boot.report
    const at = (entry: string): number => {
      const index = timeline.indexOf(entry)
      expect(index, `${entry} in ${timeline.join(', ')}`).toBeGreaterThanOrEqual(0)
      return index
    }
    // The stub lets the page finish loading before the core is ready: main must wait for the core.
    expect(at('window#1.did-finish-load')).toBeLessThan(at('core#1.ready'))
    expect(at('core#1.ready')).toBeLessThan(at('core#1.postMessage:connect-window'))
    expect(at('core#1.postMessage:connect-window')).toBeLessThan(at('window#1.postMessage:vigie:port'))

    expect(forks[0].messages).toEqual([{ message: 'connect-window', portCount: 1, portsAreMessagePortMain: true }])
    expect(windows[0].portMessages).toEqual([{ channel: 'vigie:port', message: null, portCount: 1, portsAreMessagePortMain: true }])
    expect(portChecks).toEqual([{ core: 1, entangled: true }])
  })

  it('quits when the last window closes and stops the core without restarting it', () => {
    const { report } = boot
    expect(report.quitCalls).toBe(1)
    expect(report.forks).toHaveLength(1)
    expect(report.forks[0].killed).toBe(true)
    expect(report.timeline.indexOf('app.quit')).toBeLessThan(report.timeline.indexOf('core#1.kill'))
    expect(report.errorBoxes).toEqual([])
    expect(boot.stderr).not.toContain('restarting')
  })
})

describe('Electron main bundle when the core dies', () => {
  let crash: Run

  beforeAll(async () => {
    crash = await runMain('crash-core', ['--demo'])
  }, 60_000)

  it('restarts the core with the same arguments (including --demo) and says so', () => {
    expect(crash.report.forks).toHaveLength(2)
    const expected = ['--data', crash.userData, '--app-root', repoRoot, '--demo']
    expect(crash.report.forks.map((fork) => [fork.modulePath, fork.args])).toEqual([
      [BUILT.coreHost, expected],
      [BUILT.coreHost, expected]
    ])
    expect(crash.stderr).toContain('core exited (1); restarting')
  })

  it('reloads the window once the new core is ready and connects it to the new core', () => {
    const { timeline, windows, forks, portChecks } = crash.report
    expect(windows).toHaveLength(1)
    expect(windows[0].reloads).toBe(1)
    expect(timeline.indexOf('core#2.ready')).toBeLessThan(timeline.indexOf('window#1.reload'))
    expect(forks[1].messages).toEqual([{ message: 'connect-window', portCount: 1, portsAreMessagePortMain: true }])
    expect(windows[0].portMessages).toHaveLength(2)
    expect(portChecks).toEqual([
      { core: 1, entangled: true },
      { core: 2, entangled: true }
    ])
  })

  it('on quit, stops the restarted core and does not start another', () => {
    expect(crash.report.quitCalls).toBe(1)
    expect(crash.report.forks[1].killed).toBe(true)
    expect(crash.report.forks).toHaveLength(2)
  })
})
