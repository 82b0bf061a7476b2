import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Page } from 'playwright-core'
import WebSocket from 'ws'
import type { AlertDecision } from '../../electron/shared/alerts'
import type { CameraConfigInput } from '../../electron/shared/camera'
import { createRpcClient, type RpcClient } from '../../electron/shared/rpc/client'
import { createWebSocketTransport } from '../../electron/shared/rpc/websocket-transport'
import type { SceneInput } from '../../electron/shared/scene'
import { AlertQueue } from '../../electron/core/events/alert-queue'
import { EventStore, type NewEvent } from '../../electron/core/events/event-store'
import { openDatabase } from '../../electron/core/store/database'
import { MIGRATIONS } from '../../electron/core/store/migrations'
import { DPO, OPERATOR, SUPERVISOR } from '../e2e/fixtures/intrusion'
import { ADMIN, repoRoot, runVigieCli, startVigieHost, type Account, type VigieHost } from '../e2e/fixtures/vigie-host'
import { unlockThroughDossier } from '../fixtures/compliance-flow'
import { installPackWithConfirmedExperiment } from '../fixtures/rule-packs'

/**
 * npm run bench -- review [--alerts N] [--cameras K] [--history N] [--scroll-rows N] [--skip-latency]
 *                         [--skip-history] [--json]
 *
 * The review screen in Chromium against the built headless host (npm run build first), as an operator
 * uses it:
 * 1. Alert latency: K cameras loop the warehouse clip with an intrusion rule on the aisle, intrusion
 *    detection unlocked through its dossier. The operator's page shows the queue; a MutationObserver in
 *    the page notes Date.now() when each alert's row is inserted, and again at the next frame. From the
 *    event's frame time (`at`) to the row, over the first N alerts raised after the page was ready.
 * 2. History: N alerts (100,000 by default) written beforehand into a fresh data folder's SQLite through
 *    EventStore and AlertQueue (decided by several operators over twenty days), then the host started.
 *    First render of the history tab (click to first row in the DOM, then to the next frame), cold and
 *    repeated; then frame times (requestAnimationFrame deltas) while the list is scrolled by script
 *    through --scroll-rows rows, pages of older alerts loading on the way.
 * Progress goes to stderr; one JSON object is the last line of stdout.
 */

const progress = (message: string): void => {
  process.stderr.write(`[bench:review] ${message}\n`)
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits))
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]
}

function summarise(values: readonly number[], digits = 1) {
  if (values.length === 0) return { count: 0, mean: null, p50: null, p95: null, max: null }
  const sorted = [...values].sort((a, b) => a - b)
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length
  return {
    count: sorted.length,
    mean: round(mean, digits),
    p50: round(percentile(sorted, 0.5), digits),
    p95: round(percentile(sorted, 0.95), digits),
    max: round(sorted[sorted.length - 1], digits)
  }
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required'
]
const ORGANISATION = { name: 'Préfecture de police', deployer: 'police-nationale' }
const WAREHOUSE_CLIP = 'resources/media/derived/intel_worker-zone-detection.mp4'

const rect = (x1: number, y1: number, x2: number, y2: number) => [
  { x: x1, y: y1 },
  { x: x2, y: y1 },
  { x: x2, y: y2 },
  { x: x1, y: y2 }
]

/** Where the worker of the warehouse clip walks to (see analytics.ts). */
const WAREHOUSE_SCENE: SceneInput = {
  zones: [{ id: 'allee', name: 'Allée des machines', polygon: rect(0, 0.5, 0.55, 0.88) }],
  rules: [{ id: 'intrusion-allee', name: 'Intrusion dans l’allée', kind: 'intrusion', zoneId: 'allee', priority: 'high', minDwellSeconds: 0 }]
}

const benchCamera = (id: string, enabled = true): CameraConfigInput => ({
  id,
  name: `Entrepôt ${id.replace(/^\D+/, '')}`,
  source: join(repoRoot, WAREHOUSE_CLIP),
  // Display by stream copy, as for an H.264 camera: the bench measures the review, not libx264.
  transcode: 'auto',
  group: 'bench',
  enabled,
  analytics: ['detection-intrusion']
})

/** An API client on the host, as the console's page connects: launch cookie and own origin. */
async function connectApi(hostUrl: string): Promise<{ client: RpcClient; close: () => void }> {
  const url = new URL(hostUrl)
  const token = url.searchParams.get('token') ?? ''
  const socket = new WebSocket(`ws://${url.host}/api`, { headers: { Cookie: `vigie_token_${url.port}=${token}`, Origin: `http://${url.host}` } })
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  const transport = createWebSocketTransport(socket)
  return { client: createRpcClient(transport), close: () => transport.close() }
}

async function signedIn(hostUrl: string, account: Account): Promise<{ client: RpcClient; close: () => void }> {
  const connection = await connectApi(hostUrl)
  await connection.client.call('session.login', { username: account.name, password: account.password })
  return connection
}

async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`)
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
}

/** The operator's console, signed in, on `hash`. */
async function openConsole(browser: Browser, host: VigieHost, account: Account, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' })
  // Functions handed to page.evaluate are compiled by tsx with name-keeping helpers the page lacks.
  await context.addInitScript('window.__name = (fn) => fn')
  const page = await context.newPage()
  await page.goto(host.url)
  await page.getByTestId('login-username').fill(account.name)
  await page.getByTestId('login-password').fill(account.password)
  await page.getByTestId('login-submit').click()
  await page.getByTestId('user-menu').waitFor({ timeout: 30_000 })
  await page.evaluate((target) => {
    window.location.hash = target
  }, hash)
  return page
}

interface SeenRow {
  id: number
  at: number
  recordedAt: number
  seenAt: number
  frameAt: number | null
  before: boolean
}

async function measureLatency(alertCount: number, cameraCount: number, timeoutSeconds: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigie-bench-review-latency-'))
  let host: VigieHost | null = null
  let browser: Browser | null = null
  const connections: Array<{ close: () => void }> = []
  try {
    const cameras = Array.from({ length: cameraCount }, (_, i) => benchCamera(`entrepot-${i + 1}`))
    await writeFile(join(dataDir, 'cameras.json'), JSON.stringify({ version: 1, cameras }))
    await installPackWithConfirmedExperiment(dataDir)
    progress(`latency: starting the host with ${cameraCount} camera(s) looping ${WAREHOUSE_CLIP}`)
    host = await startVigieHost({ dataDir, accounts: [ADMIN, SUPERVISOR, DPO, OPERATOR], organisation: ORGANISATION })
    const supervisor = await signedIn(host.url, SUPERVISOR)
    const dpo = await signedIn(host.url, DPO)
    connections.push(supervisor, dpo)
    for (const camera of cameras) await supervisor.client.call('analytics.saveScene', { cameraId: camera.id, scene: WAREHOUSE_SCENE })

    browser = await launchBrowser()
    const page = await openConsole(browser, host, OPERATOR, '#/alerts')
    await page.getByTestId('alert-review').and(page.locator('[data-status="ready"]')).waitFor({ timeout: 30_000 })
    // The observer is in place before the first alert can exist: the module is still locked.
    await page.evaluate(() => {
      const seen = new Map<number, SeenRow>()
      ;(window as unknown as { __reviewSeen: Map<number, SeenRow> }).__reviewSeen = seen
      const record = (row: Element, before: boolean): void => {
        const id = Number(row.getAttribute('data-alert-id'))
        if (!id || seen.has(id)) return
        const entry: SeenRow = {
          id,
          at: Number(row.getAttribute('data-at')),
          recordedAt: Number(row.getAttribute('data-recorded-at')),
          seenAt: Date.now(),
          frameAt: null,
          before
        }
        seen.set(id, entry)
        const mark = performance.now()
        requestAnimationFrame(() => {
          entry.frameAt = entry.seenAt + (performance.now() - mark)
        })
      }
      const rows = 'ul[data-testid="alert-queue"] [role="option"][data-alert-id]'
      document.querySelectorAll(rows).forEach((row) => record(row, true))
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          for (const node of Array.from(mutation.addedNodes)) {
            if (!(node instanceof Element)) continue
            if (node.matches(rows)) record(node, false)
            node.querySelectorAll(rows).forEach((row) => record(row, false))
          }
        }
      }).observe(document.body, { childList: true, subtree: true })
    })

    progress('latency: unlocking detection-intrusion through its dossier')
    await unlockThroughDossier(supervisor.client, [supervisor.client, dpo.client], 'detection-intrusion')
    const unlockedAt = Date.now()
    progress(`latency: waiting for ${alertCount} alerts in the operator's queue (up to ${timeoutSeconds} s)`)
    const deadline = Date.now() + timeoutSeconds * 1000
    let rows: SeenRow[] = []
    for (;;) {
      rows = await page.evaluate(() => [...(window as unknown as { __reviewSeen: Map<number, SeenRow> }).__reviewSeen.values()])
      const counted = rows.filter((row) => !row.before && row.at >= unlockedAt && row.frameAt !== null)
      if (counted.length >= alertCount || Date.now() > deadline) break
      await sleep(1000)
    }
    const samples = rows
      .filter((row) => !row.before && row.at >= unlockedAt && row.frameAt !== null)
      .sort((a, b) => a.id - b.id)
      .slice(0, alertCount)
    progress(`latency: ${samples.length} alerts measured`)
    return {
      cameras: cameraCount,
      clip: `${WAREHOUSE_CLIP} (looped)`,
      alerts: samples.length,
      /** Frame time → row inserted in the queue's DOM. */
      eventToRowMs: summarise(samples.map((row) => row.seenAt - row.at)),
      /** Frame time → the next animation frame after the insertion (what the operator can see). */
      eventToFrameMs: summarise(samples.map((row) => (row.frameAt ?? row.seenAt) - row.at)),
      /** Split: frame time → stored by the core (detection, rule, snapshot, SQLite)… */
      eventToStoredMs: summarise(samples.map((row) => row.recordedAt - row.at)),
      /** …then stored → row in the DOM (push over the WebSocket, store, React render). */
      storedToRowMs: summarise(samples.map((row) => row.seenAt - row.recordedAt))
    }
  } finally {
    for (const connection of connections) connection.close()
    await browser?.close()
    await host?.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

const HISTORY_CAMERAS = ['quai-1', 'quai-2', 'parking-nord', 'halle'] as const
const HISTORY_RULES = [
  { ruleId: 'intrusion-zone', ruleName: 'Intrusion en zone fermée', priority: 'high' as const },
  { ruleId: 'maraude-acces', ruleName: 'Maraude devant l’accès', priority: 'normal' as const }
]
const DECIDERS = ['operatrice', 'martin', 'lefevre', 'superviseur']
const FALSE_ALARM_REASONS = ['shadow-or-light', 'animal', 'authorised-person', 'no-object', 'wrong-class'] as const

/** Writes `count` alerts through the core's own stores, oldest first, decided as a site would have. */
async function fillHistory(dataDir: string, count: number): Promise<{ seconds: number; open: number }> {
  const started = performance.now()
  const db = openDatabase(join(dataDir, 'vigie.db'), { migrations: MIGRATIONS })
  let clock = 0
  const events = new EventStore({ db, snapshotsDir: join(dataDir, 'snapshots'), now: () => clock })
  const queue = new AlertQueue(db, () => clock)
  const end = Date.now() - 60_000
  // Twenty days: inside the legal month, so that no retention purge runs into the measurement.
  const step = Math.floor((20 * 24 * 3600_000) / count)
  const OPEN_TAIL = 40
  const CHUNK = 100
  let open = 0
  try {
    for (let first = 0; first < count; first += CHUNK) {
      const ids: Array<{ id: number; decision: AlertDecision | null }> = []
      for (let i = first; i < Math.min(count, first + CHUNK); i += 1) {
        const at = end - (count - i) * step
        clock = at + 250 + (i % 7) * 40
        const rule = HISTORY_RULES[i % 3 === 0 ? 1 : 0]
        const event: NewEvent = {
          cameraId: HISTORY_CAMERAS[i % HISTORY_CAMERAS.length],
          ruleId: rule.ruleId,
          ruleName: rule.ruleName,
          ruleKind: 'intrusion',
          moduleId: 'detection-intrusion',
          kind: 'intrusion',
          priority: rule.priority,
          at,
          boxes: [{ x1: 0.31, y1: 0.42, x2: 0.38, y2: 0.71 }],
          trackIds: [(i % 500) + 1],
          details: { class: 'person', zone: 'zone-fermee', zoneName: 'Zone fermée' },
          alert: true,
          model: { id: 'nanodet-plus-416', name: 'NanoDet-Plus 416', scoreThreshold: 0.35, nmsIou: 0.6 },
          parameters: { classes: ['person'], minDwellSeconds: 0 },
          snapshot: null
        }
        const stored = await events.record(event)
        await queue.add(stored)
        const decision: AlertDecision | null = i >= count - OPEN_TAIL ? null : i % 2000 === 1999 ? 'escalated' : i % 3 === 1 ? 'false_alarm' : 'confirmed'
        if (decision === null || decision === 'escalated') open += 1
        ids.push({ id: stored.id, decision })
      }
      // Decided a minute after the last of the chunk, by one of four people.
      clock += 60_000
      const actor = DECIDERS[(first / CHUNK) % DECIDERS.length]
      const reason = FALSE_ALARM_REASONS[(first / CHUNK) % FALSE_ALARM_REASONS.length]
      const of = (decision: AlertDecision) => ids.filter((entry) => entry.decision === decision).map((entry) => entry.id)
      if (of('confirmed').length) await queue.decide({ eventIds: of('confirmed'), decision: 'confirmed' }, actor)
      if (of('false_alarm').length) await queue.decide({ eventIds: of('false_alarm'), decision: 'false_alarm', reason, note: 'Levée de doute à la caméra : rien à signaler.' }, actor)
      if (of('escalated').length) await queue.decide({ eventIds: of('escalated'), decision: 'escalated', reason: 'needs-supervisor', note: 'Doute : avis du superviseur demandé.' }, actor)
      if (first % 10_000 === 0) progress(`history: ${first} / ${count} alerts written`)
    }
  } finally {
    await db.close()
  }
  return { seconds: round((performance.now() - started) / 1000), open }
}

function provision(dataDir: string, accounts: Account[]): void {
  const steps: Array<[string[], string]> = [[['org', 'set', '--name', ORGANISATION.name, '--deployer', ORGANISATION.deployer, '--data', dataDir], '']]
  for (const account of accounts) {
    const args = ['user', 'add', '--name', account.name, '--data', dataDir, ...account.roles.flatMap((role) => ['--role', role])]
    if (account.allGroups) args.push('--all-groups')
    steps.push([args, `${account.password}\n`])
  }
  for (const [args, stdin] of steps) {
    const result = runVigieCli(args, stdin)
    if (result.status !== 0) throw new Error(`vigie ${args.join(' ')} failed: ${result.stderr}`)
  }
}

/** Click on the tab → first row in the DOM, and → the next frame; in the page's own clock. */
async function timeHistoryRender(page: Page): Promise<{ rowMs: number; frameMs: number }> {
  return page.evaluate(
    () =>
      new Promise<{ rowMs: number; frameMs: number }>((resolve, reject) => {
        const selector = '[data-testid^="alert-history-row-"]'
        const tab = document.querySelector<HTMLAnchorElement>('[data-testid="alerts-tab-history"]')
        if (!tab) {
          reject(new Error('no history tab'))
          return
        }
        const timer = setTimeout(() => reject(new Error('no history row within 30 s')), 30_000)
        const started = performance.now()
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)) return
          observer.disconnect()
          const rowMs = performance.now() - started
          requestAnimationFrame(() => {
            clearTimeout(timer)
            resolve({ rowMs, frameMs: performance.now() - started })
          })
        })
        observer.observe(document.body, { childList: true, subtree: true })
        tab.click()
      })
  )
}

interface ScrollResult {
  frames: number[]
  reachedRow: number
  seconds: number
  maxRenderedRows: number
  blankFrames: number
}

/** Scrolls the history by `pixelsPerFrame` at every frame until row `rows` is at the top, noting each frame's time. */
async function scrollHistory(page: Page, rows: number, rowHeight: number, pixelsPerFrame: number, timeoutMs: number): Promise<ScrollResult> {
  return page.evaluate(
    ({ rows, rowHeight, pixelsPerFrame, timeoutMs }) =>
      new Promise<ScrollResult>((resolve, reject) => {
        const scroller = document.querySelector<HTMLElement>('[data-testid="alert-history-scroller"]')
        if (!scroller) {
          reject(new Error('no history list'))
          return
        }
        const target = rows * rowHeight
        const frames: number[] = []
        let maxRenderedRows = 0
        let blankFrames = 0
        const started = performance.now()
        let last = started
        const tick = (now: number): void => {
          frames.push(now - last)
          last = now
          const rendered = scroller.querySelectorAll('[data-testid^="alert-history-row-"]').length
          maxRenderedRows = Math.max(maxRenderedRows, rendered)
          // The end of what is loaded reached: the next page is on its way.
          if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2 && scroller.scrollTop < target) blankFrames += 1
          if (scroller.scrollTop >= target || now - started > timeoutMs) {
            resolve({
              frames: frames.slice(1),
              reachedRow: Math.floor(scroller.scrollTop / rowHeight),
              seconds: (now - started) / 1000,
              maxRenderedRows,
              blankFrames
            })
            return
          }
          scroller.scrollTop = Math.min(target, scroller.scrollTop + pixelsPerFrame)
          requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      }),
    { rows, rowHeight, pixelsPerFrame, timeoutMs }
  )
}

const HISTORY_ROW_HEIGHT = 44

async function measureHistory(count: number, scrollRows: number, repeats: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigie-bench-review-history-'))
  let host: VigieHost | null = null
  let browser: Browser | null = null
  try {
    // Cameras that exist but are switched off: their history is there, no ffmpeg runs beside the measure.
    const cameras = HISTORY_CAMERAS.map((id) => ({ ...benchCamera(id, false), name: `Caméra ${id}` }))
    await writeFile(join(dataDir, 'cameras.json'), JSON.stringify({ version: 1, cameras }))
    provision(dataDir, [ADMIN, OPERATOR])
    progress(`history: writing ${count} alerts through EventStore and AlertQueue`)
    const filled = await fillHistory(dataDir, count)
    progress(`history: ${count} alerts written in ${filled.seconds} s; starting the host`)
    host = await startVigieHost({ dataDir, accounts: [ADMIN, OPERATOR], organisation: ORGANISATION })
    browser = await launchBrowser()
    const page = await openConsole(browser, host, OPERATOR, '#/alerts')
    await page.getByTestId('alert-review').and(page.locator('[data-status="ready"]')).waitFor({ timeout: 60_000 })

    const renders: Array<{ rowMs: number; frameMs: number }> = []
    for (let run = 0; run < repeats; run += 1) {
      if (run > 0) {
        await page.getByTestId('alerts-tab-queue').click()
        await page.getByTestId('alert-review').waitFor()
        await sleep(300)
      }
      renders.push(await timeHistoryRender(page))
      await page.getByTestId('alert-history-results').and(page.locator('[data-status="ready"]')).waitFor()
      progress(`history: render ${run + 1}/${repeats}: first row after ${round(renders[run].rowMs)} ms, painted after ${round(renders[run].frameMs)} ms`)
    }
    // Every page of the first screen in place before scrolling: a steady start.
    await sleep(500)
    progress(`history: scrolling through ${scrollRows} rows`)
    const scroll = await scrollHistory(page, scrollRows, HISTORY_ROW_HEIGHT, 10 * HISTORY_ROW_HEIGHT, 120_000)
    const loaded = Number(await page.getByTestId('alert-history-scroller').getAttribute('data-count'))
    const frames = summarise(scroll.frames)
    progress(`history: reached row ${scroll.reachedRow} in ${round(scroll.seconds)} s, frames p50 ${frames.p50} / p95 ${frames.p95} / max ${frames.max} ms`)
    return {
      alerts: count,
      openAlerts: filled.open,
      writeSeconds: filled.seconds,
      firstRender: {
        /** First visit: click on the tab → first row in the DOM (query, store, React), and → the next frame. */
        coldRowMs: round(renders[0].rowMs),
        coldFrameMs: round(renders[0].frameMs),
        /** Later visits: the rows followed live are shown at once while the newest page is fetched again. */
        warmRowMs: summarise(renders.slice(1).map((render) => render.rowMs)),
        warmFrameMs: summarise(renders.slice(1).map((render) => render.frameMs))
      },
      scroll: {
        rows: scrollRows,
        reachedRow: scroll.reachedRow,
        pixelsPerFrame: 10 * HISTORY_ROW_HEIGHT,
        seconds: round(scroll.seconds, 2),
        rowsLoaded: loaded,
        frameMs: frames,
        framesOver50Ms: scroll.frames.filter((ms) => ms > 50).length,
        framesOver100Ms: scroll.frames.filter((ms) => ms > 100).length,
        /** Frames spent at the end of what was loaded, waiting for the next page. */
        framesWaitingForPage: scroll.blankFrames,
        /** Rows in the DOM at most: the window, not the list. */
        maxRowsInDom: scroll.maxRenderedRows
      }
    }
  } finally {
    await browser?.close()
    await host?.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

export async function benchReview(argv: string[]): Promise<Record<string, unknown>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      alerts: { type: 'string', default: '30' },
      cameras: { type: 'string', default: '2' },
      history: { type: 'string', default: '100000' },
      'scroll-rows': { type: 'string', default: '5000' },
      repeats: { type: 'string', default: '5' },
      'timeout-seconds': { type: 'string', default: '300' },
      'skip-latency': { type: 'boolean', default: false },
      'skip-history': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false }
    }
  })
  if (!existsSync(join(repoRoot, 'out', 'main', 'headless.js'))) throw new Error('out/main/headless.js is missing: run npm run build first')
  const started = performance.now()
  const latency = values['skip-latency'] ? null : await measureLatency(Number(values.alerts), Number(values.cameras), Number(values['timeout-seconds']))
  const history = values['skip-history'] ? null : await measureHistory(Number(values.history), Number(values['scroll-rows']), Math.max(1, Number(values.repeats)))
  const browser = await launchBrowser()
  const chromiumVersion = browser.version()
  await browser.close()
  return {
    bench: 'review',
    machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, chromium: chromiumVersion },
    alertLatency: latency,
    history,
    durationSeconds: round((performance.now() - started) / 1000)
  }
}
