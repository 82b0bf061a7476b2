import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { permissionsOf, type Organisation, type Permission } from '../shared/accounts'
import type { Alert } from '../shared/alerts'
import type { AppInfo } from '../shared/contract'
import { ThirdPartyNoticeSchema } from '../shared/contract'
import { RpcError } from '../shared/result'
import { serveContract, type Connection } from '../shared/rpc/server'
import type { Transport } from '../shared/rpc/transport'
import { ConnectionSet } from './api/connections'
import { actorOf, type ConnectionInfo, type SessionContext } from './api/context'
import { canSeeCamera, createHandlers, visibleCameras, type RecordAudit } from './api/handlers'
import { MediaTickets } from './api/media-tickets'
import { createAssetLocator } from './assets/asset-locator'
import { openAuditLog, SYSTEM_ACTOR, SYSTEM_WORKSTATION } from './audit'
import { AnalyticsSupervisor } from './analytics/analytics-supervisor'
import { SharedDetector } from './analytics/detection/shared-detector'
import { AnalyticsSettings } from './analytics/analytics-settings'
import { SnapshotEncoder } from './analytics/frame/snapshot-encoder'
import { SceneStore } from './analytics/scene-store'
import { AlertQueue } from './events/alert-queue'
import { EventSink } from './events/event-sink'
import { EventStore } from './events/event-store'
import { purgeExpiredEvents } from './events/event-retention'
import { exportAlertEvidence } from './evidence/evidence-export'
import { PlateChecks } from './lapi/plate-checks'
import { PlateRegister } from './lapi/plate-register'
import { SharedPlateReader } from './lapi/shared-plate-reader'
import { loadOrCreateEvidenceKey } from './evidence/evidence-key'
import { ComplianceService, DOCUMENTS_FOLDER, RulePackCatalog, rulePackFolders } from './compliance'
import { AccountService, COMMON_PASSWORDS_FILE, SessionManager, authorize, loadCommonPasswords } from './auth'
import { CameraDirectory, toView, type DemoMode } from './config/camera-directory'
import { CameraStore } from './config/camera-store'
import { buildDemoSite, demoScene } from './config/demo-site'
import { createJsonSettingsBackend } from './config/json-settings-backend'
import { createSettingsService, type SettingsBackend } from './config/settings-service'
import { resolveFfmpeg } from './ingest/ffmpeg-path'
import { IngestService } from './ingest/ingest-service'
import type { LiveStream } from './ingest/live-stream'
import { probeCamera } from './ingest/probe-camera'
import { MaskLifts } from './recording/mask-lifts'
import { maskImagePath, removeOtherMaskImages, writeMaskImage } from './recording/mask-image'
import { openPlaybackStream, PlaybackUnavailableError, type PlaybackStream } from './recording/playback-stream'
import { RecordingService } from './recording/recording-service'
import { RecordingStore } from './recording/recording-store'
import { openDatabase } from './store/database'
import { MIGRATIONS } from './store/migrations'

export interface CoreOptions {
  /** Where resources/ and models/ are (the repository, or the packaged app's resources). */
  appRoot: string
  /** The installation's own data: database, audit key, camera configuration, settings. */
  dataDir: string
  mode: AppInfo['mode']
  version: string
  demo?: DemoMode
  /** Desktop hosts pass electron-store; by default settings go to a JSON file in dataDir. */
  settingsBackend?: SettingsBackend
  /** Folder of a bundled build's worker scripts (the host's own folder); from the sources, workers boot through tsx. */
  bundledWorkersDir?: URL
  /** Detector threads; by default one per core but one. */
  detectorThreads?: number
  /** Records every enabled camera (the default); off for tests that do not need it. */
  recording?: boolean
  /** better-sqlite3 built for the running runtime, when it is not the default (Electron). */
  sqliteNativeBinding?: string
  env?: NodeJS.ProcessEnv
  now?: () => number
  log?: (message: string) => void
}

export interface MediaAccess {
  cameraId: string
  stream: LiveStream
  /** Call when the viewer's socket closes: ends the view in the audit trail. */
  onClose: () => void
}

export interface Core {
  /** Serves the contract to one screen over any transport. */
  connect(transport: Transport, info: ConnectionInfo): Connection
  /** Tells the core how to address its media sockets, once the host listens. */
  setMediaUrl(build: (cameraId: string, ticket: string) => string): void
  /**
   * Redeems a one-time media ticket; null when it is unknown, used, expired, or its session is no
   * longer active. `closeSocket` lets the core cut the view when the session locks or ends.
   */
  openMedia(cameraId: string, ticket: string, closeSocket: () => void): Promise<MediaAccess | null>
  readonly cameraCount: number
  dispose(): Promise<void>
}

interface LiveGrant {
  kind: 'live'
  cameraId: string
  sessionId: string
  actor: string
  workstation: string
}

interface PlaybackGrant {
  kind: 'playback'
  cameraId: string
  sessionId: string
  actor: string
  workstation: string
  playback: PlaybackStream
  speed: number
  masked: boolean
}

type MediaGrant = LiveGrant | PlaybackGrant

/** A playback whose URL is never opened is closed after this, so its ffmpeg never lingers. */
const UNCLAIMED_PLAYBACK_MS = 30_000

const NoticesSchema = z.array(ThirdPartyNoticeSchema)
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The composition root: builds every service once and wires them together. Nothing here knows
 * whether it runs in Electron's utility process or in the headless Node host.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? (() => {})
  const env = options.env ?? process.env
  const now = options.now ?? Date.now
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 })

  const db = openDatabase(join(options.dataDir, 'vigie.db'), { migrations: MIGRATIONS, nativeBinding: options.sqliteNativeBinding })
  const audit = await openAuditLog(db, join(options.dataDir, 'keys'), { log })
  const accounts = new AccountService(db, { commonPasswords: await loadCommonPasswords(join(options.appRoot, COMMON_PASSWORDS_FILE)) })
  let organisation: Organisation | null = await accounts.getOrganisation()
  const sessions = new SessionManager({ idleTimeoutMs: () => (organisation?.idleTimeoutMinutes ?? 15) * 60_000, log })

  const catalog = await RulePackCatalog.load(rulePackFolders(options.appRoot, options.dataDir), log)
  const compliance = new ComplianceService({ db, catalog, documentsDir: join(options.dataDir, DOCUMENTS_FOLDER), log })
  const deployer = () => organisation?.deployer ?? null

  const assets = createAssetLocator(options.appRoot)
  const store = await CameraStore.open(join(options.dataDir, 'cameras.json'))
  if (store.error) log(store.error)
  const demoSite = buildDemoSite((relativePath) => {
    const path = join(options.appRoot, relativePath)
    return existsSync(path) ? path : null
  })
  const directory = new CameraDirectory(store, demoSite, options.demo ?? 'auto')
  const settings = await createSettingsService(
    options.settingsBackend ?? createJsonSettingsBackend(join(options.dataDir, 'settings.json'), log),
    log
  )
  const tickets = new MediaTickets<MediaGrant>()
  const unclaimedPlaybacks = new Map<string, ReturnType<typeof setTimeout>>()
  const connections = new ConnectionSet()
  /** Open live views per session, so that a lock or a sign-out cuts them at once. */
  const liveViews = new Map<string, Set<() => void>>()

  const record: RecordAudit = async (ctx, action, fields = {}) => {
    await audit.append({
      actor: fields.actor ?? actorOf(ctx),
      action,
      cameraId: fields.cameraId ?? null,
      target: fields.target ?? null,
      workstation: ctx.workstation,
      details: fields.details
    })
  }

  const cutLiveViews = (sessionId: string): void => {
    for (const close of liveViews.get(sessionId) ?? []) close()
    liveViews.delete(sessionId)
  }
  sessions.onDidLock((session) => {
    cutLiveViews(session.id)
    connections.emitToSession(session.id, 'session.onDidLock', { reason: 'idle' })
    void audit
      .append({ actor: session.user.username, action: 'session.idle-lock', workstation: session.workstation })
      .catch((error: unknown) => log(`audit: ${(error as Error).message}`))
  })
  sessions.onDidEnd((session, reason) => {
    cutLiveViews(session.id)
    connections.emitToSession(session.id, 'session.onDidEnd', { reason })
  })

  let ffmpegPath: string | null = null
  let ffmpegInfo: AppInfo['ffmpeg']
  try {
    const resolved = resolveFfmpeg(env)
    ffmpegPath = resolved.path
    ffmpegInfo = { available: true, source: resolved.source }
  } catch (error) {
    ffmpegInfo = { available: false, message: (error as Error).message }
    log((error as Error).message)
  }

  const ingest = ffmpegPath ? new IngestService({ ffmpegPath, log }) : null
  /**
   * The camera's mask image (written on first need), or null without masks. The live view, playback
   * and exports burn it in: no screen shows what the masks hide (CSI L251-3).
   */
  const maskImageFor = async (cameraId: string): Promise<string | null> => {
    const { masks } = scenes.get(cameraId)
    const path = maskImagePath(options.dataDir, cameraId, masks)
    if (path !== null && !existsSync(path)) {
      await writeMaskImage(masks, path)
      // Earlier drawings of this camera's masks are of no use once replaced (ffmpeg reads the image once, at start).
      await removeOtherMaskImages(dirname(path), cameraId, basename(path))
    }
    return path
  }
  const syncIngest = (): void => {
    const cameras = directory.all().filter((camera) => camera.enabled)
    Promise.all(cameras.map(async (camera) => ({ ...camera, ...(await maskImageFor(camera.id).then((path) => (path ? { maskImage: path } : {}))) })))
      .then((masked) => ingest?.setCameras(masked))
      .catch((error: unknown) => log(`ingest: ${(error as Error).message}`))
  }
  ingest?.onDidChangeHealth((cameraId, health) =>
    connections.broadcast('cameras.onDidChangeHealth', (ctx) => (canSeeCamera(directory, ctx, cameraId) ? { cameraId, health } : null))
  )

  const may = (ctx: SessionContext, permission: Permission): boolean => ctx.session !== null && permissionsOf(ctx.session.user.roles).includes(permission)
  const scenes = await SceneStore.open(db, (cameraId) => (directory.isDemo(cameraId) ? demoScene(cameraId) : undefined), log)
  syncIngest()
  const events = new EventStore({ db, snapshotsDir: join(options.dataDir, 'snapshots'), now, log })
  const alertQueue = new AlertQueue(db, now)
  const plates = await PlateRegister.open(db, join(options.dataDir, 'keys'), now)
  const onDidChangeAlert = (alert: Alert): void =>
    connections.broadcast('alerts.onDidChange', (ctx) => (canSeeCamera(directory, ctx, alert.cameraId) && may(ctx, 'alert.review') ? alert : null))
  const analyticsSettings = await AnalyticsSettings.open(db)
  const modelsDir = join(options.appRoot, 'models')
  const detector = new SharedDetector({
    modelsDir,
    modelId: analyticsSettings.detectorModel,
    size: options.detectorThreads,
    bundledWorkersDir: options.bundledWorkersDir
  })
  const snapshots = new SnapshotEncoder(options.bundledWorkersDir)
  const sink = new EventSink({
    events,
    alerts: alertQueue,
    snapshots,
    onRaised: (stored) => connections.broadcast('events.onDidRaise', (ctx) => (canSeeCamera(directory, ctx, stored.cameraId) ? stored : null)),
    onAlert: onDidChangeAlert,
    log
  })
  const plateReader = new SharedPlateReader({ modelsDir, bundledWorkersDir: options.bundledWorkersDir })
  const plateChecks = new PlateChecks(plates, (event) => sink.store(event), modelsDir)
  const analytics = new AnalyticsSupervisor({
    ffmpegPath,
    gate: { canRun: (moduleId, cameraId) => compliance.canRun(moduleId, cameraId, deployer(), now()) },
    cameras: () => directory.all(),
    detector: () => detector.get(),
    scene: (cameraId) => scenes.get(cameraId),
    onEvent: (event) => {
      sink.store(event).catch((error: unknown) => log(`[events] ${event.cameraId}/${event.ruleId} not stored: ${(error as Error).message}`))
    },
    onOverlay: (overlay) =>
      connections.broadcast('analytics.onDidUpdateOverlay', (ctx) => (canSeeCamera(directory, ctx, overlay.cameraId) ? overlay : null)),
    plates: {
      reader: plateReader,
      onDecision: (cameraId, decision) => {
        plateChecks.check(cameraId, decision).catch((error: unknown) => log(`[lapi] ${cameraId}/${decision.rule.id} not checked: ${(error as Error).message}`))
      }
    },
    now,
    log
  })
  const recordingStore = new RecordingStore(db)
  const maskLifts = new MaskLifts(db, now)
  const recording = new RecordingService({
    store: recordingStore,
    ffmpegPath,
    recordingsDir: join(options.dataDir, 'recordings'),
    cameras: () => (options.recording === false ? [] : directory.all().filter((camera) => camera.enabled)),
    recordPurge: async (cameraId, details) => {
      await audit.append({ actor: SYSTEM_ACTOR, action: 'recording.purge', cameraId, workstation: SYSTEM_WORKSTATION, details: { ...details } })
    },
    onAlarm: (alarm) => connections.broadcast('recording.onDidAlarm', (ctx) => (may(ctx, 'recording.hold') ? alarm : null)),
    now,
    log
  })

  scenes.onDidChange((cameraId, scene) => {
    void analytics.reconcile()
    // New masks: the live view restarts with them burned in.
    syncIngest()
    connections.broadcast('analytics.onDidChangeScene', (ctx) => (canSeeCamera(directory, ctx, cameraId) ? { cameraId, scene } : null))
  })
  analytics.onDidChangeStatus((status) =>
    connections.broadcast('analytics.onDidChangeStatus', (ctx) => (canSeeCamera(directory, ctx, status.cameraId) ? status : null))
  )

  /**
   * Time alone changes the lock (a document expires, a newer rule pack takes effect): such changes
   * are recorded as the system's, with the rule-pack version, and the analytics obey them at once.
   */
  const refreshCompliance = async (): Promise<void> => {
    const { rulePackChange, transitions } = await compliance.refresh(deployer(), now())
    const system = { actor: SYSTEM_ACTOR, action: 'compliance.action' as const, workstation: SYSTEM_WORKSTATION }
    if (rulePackChange) {
      await audit.append({ ...system, details: { kind: 'rule-pack-change', previous: rulePackChange.previous, current: rulePackChange.current } })
    }
    for (const transition of transitions) {
      await audit.append({ ...system, target: transition.moduleId, details: { kind: 'transition', ...transition } })
    }
    if (rulePackChange || transitions.length > 0) onDidChangeCompliance()
  }
  const onDidChangeCompliance = (): void => {
    void analytics.reconcile()
    void compliance
      .overview(deployer(), now())
      .then(({ modules }) => connections.broadcast('compliance.onDidChange', () => ({ modules })))
      .catch((error: unknown) => log(`compliance: ${(error as Error).message}`))
  }

  const appInfo = (): AppInfo => ({
    product: 'Vigie',
    version: options.version,
    mode: options.mode,
    demo: directory.demoActive,
    ffmpeg: ffmpegInfo,
    ...(store.error ? { configError: store.error } : {})
  })

  let buildMediaUrl: ((cameraId: string, ticket: string) => string) | null = null
  const handlers = createHandlers({
    appInfo,
    notices: async () => NoticesSchema.parse(JSON.parse(await readFile(join(options.appRoot, 'resources/third-party.json'), 'utf8'))),
    assets: () => assets.status(),
    directory,
    store,
    settings,
    health: () => ingest?.healthSnapshot() ?? {},
    probe: (source, rtspTransport) => {
      if (!ffmpegPath) throw new RpcError('UNAVAILABLE', ffmpegInfo.message ?? 'ffmpeg est introuvable.')
      return probeCamera({ ffmpegPath, source, rtspTransport })
    },
    grantLiveView: (ctx, cameraId) => {
      if (!buildMediaUrl || !ctx.session) throw new RpcError('UNAVAILABLE', 'Le flux vidéo n’est pas encore disponible.')
      const ticket = tickets.issue({ kind: 'live', cameraId, sessionId: ctx.session.id, actor: actorOf(ctx), workstation: ctx.workstation })
      return buildMediaUrl(cameraId, ticket)
    },
    onDidChangeCameras: () => {
      syncIngest()
      void recording.sync()
      void analytics.reconcile()
      connections.broadcast('cameras.onDidChangeList', (ctx) => ({ cameras: visibleCameras(directory, ctx).map(toView) }))
      connections.broadcast('app.onDidChangeInfo', () => appInfo())
    },
    accounts,
    sessions,
    organisation: {
      current: () => organisation,
      set: (value) => {
        organisation = value
      }
    },
    audit,
    record,
    compliance,
    onDidChangeCompliance,
    analyticsStatus: () => analytics.snapshot(),
    scenes,
    events,
    plates,
    alerts: {
      queue: alertQueue,
      onDidChange: onDidChangeAlert,
      exportEvidence: async (ctx, alert, reason) => {
        const actor = actorOf(ctx)
        const lift = await maskLifts.activeFor(alert.cameraId)
        const lifted = lift !== null && (lift.requestedBy === actor || lift.approvedBy === actor)
        return exportAlertEvidence({
          alert,
          reason,
          actor,
          workstation: ctx.workstation,
          installation: organisation?.name ?? 'Vigie',
          exportsDir: join(options.dataDir, 'exports'),
          ffmpegPath,
          recordingsDir: join(options.dataDir, 'recordings'),
          segments: (from, to) => recordingStore.segmentsBetween(alert.cameraId, from, to),
          snapshot: async () => (await events.snapshot(alert.id))?.jpeg ?? null,
          maskImage: lifted ? null : await maskImageFor(alert.cameraId),
          key: await loadOrCreateEvidenceKey(join(options.dataDir, 'keys')),
          now: now()
        })
      }
    },
    recording: {
      service: recording,
      store: recordingStore,
      lifts: maskLifts,
      openPlayback: async (ctx, cameraId, at, speed) => {
        if (!buildMediaUrl || !ctx.session) throw new RpcError('UNAVAILABLE', 'Le flux vidéo n’est pas encore disponible.')
        if (!ffmpegPath) throw new RpcError('UNAVAILABLE', ffmpegInfo.message ?? 'ffmpeg est introuvable.')
        const actor = actorOf(ctx)
        // An approved lift shows the masked areas to the two people who asked for it and approved it, nobody else.
        const lift = await maskLifts.activeFor(cameraId)
        const lifted = lift !== null && (lift.requestedBy === actor || lift.approvedBy === actor)
        const maskImage = lifted ? null : await maskImageFor(cameraId)
        let playback: PlaybackStream
        try {
          playback = openPlaybackStream({
            ffmpegPath,
            recordingsDir: join(options.dataDir, 'recordings'),
            segments: await recordingStore.segmentsBetween(cameraId, at, Number.MAX_SAFE_INTEGER),
            at,
            speed,
            maskImage,
            log
          })
        } catch (error) {
          if (error instanceof PlaybackUnavailableError) throw new RpcError('NOT_FOUND', error.message)
          throw error
        }
        const ticket = tickets.issue({ kind: 'playback', cameraId, sessionId: ctx.session.id, actor, workstation: ctx.workstation, playback, speed, masked: maskImage !== null })
        const unclaimed = setTimeout(() => void playback.close(), UNCLAIMED_PLAYBACK_MS)
        unclaimed.unref()
        void playback.ended.then(() => clearTimeout(unclaimed))
        unclaimedPlaybacks.set(ticket, unclaimed)
        return { url: buildMediaUrl(cameraId, ticket), start: playback.start, masked: maskImage !== null }
      },
      onDidChangeLift: (lift) =>
        connections.broadcast('masks.onDidChangeLift', (ctx) => (may(ctx, 'mask.lift') || canSeeCamera(directory, ctx, lift.cameraId) ? lift : null))
    },
    detector: {
      choice: () => detector.choice(),
      select: async (modelId) => {
        await analyticsSettings.setDetectorModel(modelId)
        await detector.setModel(modelId)
        await analytics.restartAll()
      }
    },
    now
  })

  await refreshCompliance()
  await analytics.start()
  await recording.start()
  const complianceTimer = setInterval(() => {
    refreshCompliance().catch((error: unknown) => log(`compliance refresh failed: ${(error as Error).message}`))
  }, 1000)
  complianceTimer.unref()

  // Alerts nobody decided in time go to the supervisors, on the record as the system's decision.
  const escalationTimer = setInterval(() => {
    alertQueue
      .escalateOverdue()
      .then(async (escalated) => {
        for (const alert of escalated) {
          await audit.append({ actor: SYSTEM_ACTOR, action: 'alert.decision', cameraId: alert.cameraId, target: String(alert.id), workstation: SYSTEM_WORKSTATION, details: { decision: 'escalated', reason: alert.reason, note: alert.note } })
          onDidChangeAlert(alert)
        }
      })
      .catch((error: unknown) => log(`alerts: escalation failed: ${(error as Error).message}`))
  }, 30_000)
  escalationTimer.unref()

  /** Alerts, counts and their images go when their module's retention (rule pack, at most a month) has passed. */
  const purgeEvents = (): void => {
    purgeExpiredEvents({
      db,
      snapshotsDir: join(options.dataDir, 'snapshots'),
      retentionDays: async (moduleId) => {
        const days = (await compliance.moduleStatus(moduleId, deployer(), now())).limits.maxImageRetentionDays
        // 0 says no image may be kept at all (counting keeps none): its counts follow the legal month.
        return days === 0 ? null : days
      },
      holds: async () => (await recordingStore.holds({ activeOnly: true })).map((hold) => ({ cameraId: hold.cameraId, from: hold.from, to: hold.to })),
      recordPurge: async (cameraId, details) => {
        await audit.append({ actor: SYSTEM_ACTOR, action: 'events.purge', cameraId, workstation: SYSTEM_WORKSTATION, details: { ...details } })
      },
      now
    })
      .then((count) => count > 0 && log(`events: ${count} past retention deleted`))
      .catch((error: unknown) => log(`events purge failed: ${(error as Error).message}`))
  }
  /** Plate reads and hits go the minute they expire: the queries hide them already, the database must not keep them. */
  const purgePlates = (): void => {
    plates
      .purgeExpired()
      .then(async ({ reads, hits }) => {
        if (reads + hits > 0) await audit.append({ actor: SYSTEM_ACTOR, action: 'lapi.purge', workstation: SYSTEM_WORKSTATION, details: { reads, hits } })
      })
      .catch((error: unknown) => log(`plates purge failed: ${(error as Error).message}`))
  }
  purgePlates()
  const platesPurgeTimer = setInterval(purgePlates, 60_000)
  platesPurgeTimer.unref()
  purgeEvents()
  const eventsPurgeTimer = setInterval(purgeEvents, 60 * 60_000)
  eventsPurgeTimer.unref()

  const purgeAudit = (): void => {
    if (!organisation) return
    audit
      .purge({ retentionDays: organisation.auditRetentionDays, now: now() })
      .then((count) => count > 0 && log(`audit: ${count} entries past retention purged`))
      .catch((error: unknown) => log(`audit purge failed: ${(error as Error).message}`))
  }
  purgeAudit()
  const purgeTimer = setInterval(purgeAudit, DAY_MS)
  purgeTimer.unref()

  /** Serves a playback to its viewer; who watched which camera from when, at what speed and for how long is on the record. */
  const openPlaybackMedia = async (grant: PlaybackGrant, closeSocket: () => void): Promise<MediaAccess> => {
    const { cameraId, actor, workstation, playback } = grant
    const base = { actor, cameraId, workstation }
    await audit.append({ ...base, action: 'playback.view', details: { from: playback.start, speed: grant.speed, masked: grant.masked, phase: 'start' } })
    const views = liveViews.get(grant.sessionId) ?? new Set<() => void>()
    liveViews.set(grant.sessionId, views)
    views.add(closeSocket)
    const started = now()
    let closed = false
    // The end of the recordings ends the viewer's socket, so the player knows at once rather than by silence.
    void playback.ended.then(() => closeSocket())
    return {
      cameraId,
      stream: playback.stream,
      onClose: () => {
        if (closed) return
        closed = true
        views.delete(closeSocket)
        void playback.close()
        const seconds = (now() - started) / 1000
        void audit
          .append({
            ...base,
            action: 'playback.view',
            details: { from: playback.start, to: playback.start + Math.round(seconds * grant.speed * 1000), speed: grant.speed, masked: grant.masked, seconds: Math.round(seconds), phase: 'end' }
          })
          .catch((error: unknown) => log(`audit: ${(error as Error).message}`))
      }
    }
  }

  return {
    connect(transport, info) {
      const context: SessionContext = { ...info, session: null }
      const connection = serveContract(transport, {
        handlers,
        context,
        authorize: (access, ctx, method) => authorize(access, ctx, method),
        onInternalError: (method, error) => log(`rpc ${method} failed: ${(error as Error)?.stack ?? String(error)}`)
      })
      connections.add(connection, context)
      return connection
    },
    setMediaUrl(build) {
      buildMediaUrl = build
    },
    async openMedia(cameraId, ticket, closeSocket) {
      const grant = tickets.redeem(ticket)
      clearTimeout(unclaimedPlaybacks.get(ticket))
      unclaimedPlaybacks.delete(ticket)
      if (!grant || grant.cameraId !== cameraId || sessions.get(grant.sessionId)?.state !== 'active') {
        if (grant?.kind === 'playback') void grant.playback.close()
        return null
      }
      if (grant.kind === 'playback') return openPlaybackMedia(grant, closeSocket)
      const supervisor = ingest?.get(cameraId)
      if (!supervisor) return null
      // The view starts only once it is on the record: a failed audit write refuses the stream.
      const started = now()
      await audit.append({ actor: grant.actor, action: 'live.start', cameraId, workstation: grant.workstation })
      const views = liveViews.get(grant.sessionId) ?? new Set<() => void>()
      liveViews.set(grant.sessionId, views)
      views.add(closeSocket)
      let closed = false
      return {
        cameraId,
        stream: supervisor.stream,
        onClose: () => {
          if (closed) return
          closed = true
          views.delete(closeSocket)
          void audit
            .append({ actor: grant.actor, action: 'live.stop', cameraId, workstation: grant.workstation, details: { seconds: Math.round((now() - started) / 1000) } })
            .catch((error: unknown) => log(`audit: ${(error as Error).message}`))
        }
      }
    },
    get cameraCount() {
      return directory.all().length
    },
    async dispose() {
      clearInterval(purgeTimer)
      clearInterval(complianceTimer)
      clearInterval(escalationTimer)
      clearInterval(eventsPurgeTimer)
      clearInterval(platesPurgeTimer)
      await analytics.dispose()
      await recording.dispose()
      await detector.close()
      await plateReader.close()
      await snapshots.close()
      connections.closeAll()
      sessions.dispose()
      await ingest?.dispose()
      await audit.close()
      await db.close()
    }
  }
}
