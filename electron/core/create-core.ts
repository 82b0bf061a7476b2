import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { AppInfo } from '../shared/contract'
import { ThirdPartyNoticeSchema } from '../shared/contract'
import { serveContract, type Connection } from '../shared/rpc/server'
import type { Transport } from '../shared/rpc/transport'
import { RpcError } from '../shared/result'
import { createAssetLocator } from './assets/asset-locator'
import { ConnectionSet } from './api/connections'
import { createHandlers, type SessionContext } from './api/handlers'
import { MediaTickets } from './api/media-tickets'
import { CameraDirectory, type DemoMode } from './config/camera-directory'
import { CameraStore } from './config/camera-store'
import { buildDemoSite } from './config/demo-site'
import { createJsonSettingsBackend } from './config/json-settings-backend'
import { createSettingsService, type SettingsBackend } from './config/settings-service'
import { resolveFfmpeg } from './ingest/ffmpeg-path'
import { IngestService } from './ingest/ingest-service'
import type { LiveStream } from './ingest/live-stream'
import { probeCamera } from './ingest/probe-camera'

export interface CoreOptions {
  /** Where resources/ and models/ are (the repository, or the packaged app's resources). */
  appRoot: string
  /** The installation's own data: camera configuration, settings, and later the database. */
  dataDir: string
  mode: AppInfo['mode']
  version: string
  demo?: DemoMode
  /** Desktop hosts pass electron-store; by default settings go to a JSON file in dataDir. */
  settingsBackend?: SettingsBackend
  env?: NodeJS.ProcessEnv
  log?: (message: string) => void
}

export interface MediaAccess {
  cameraId: string
  stream: LiveStream
}

export interface Core {
  /** Serves the contract to one screen over any transport. */
  connect(transport: Transport, context: SessionContext): Connection
  /** Tells the core how to address its media sockets, once the host listens. */
  setMediaUrl(build: (cameraId: string, ticket: string) => string): void
  /** Redeems a one-time media ticket from a stream URL; null when it is unknown, used or expired. */
  openMedia(cameraId: string, ticket: string): MediaAccess | null
  readonly cameraCount: number
  dispose(): Promise<void>
}

const NoticesSchema = z.array(ThirdPartyNoticeSchema)

/**
 * The composition root: builds every service once and wires them together. Nothing here knows
 * whether it runs in Electron's utility process or in the headless Node host.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? (() => {})
  const env = options.env ?? process.env
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
  const tickets = new MediaTickets()
  const connections = new ConnectionSet()

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
  const syncIngest = (): void => {
    ingest?.setCameras(directory.all().filter((camera) => camera.enabled))
  }
  syncIngest()
  ingest?.onDidChangeHealth((cameraId, health) => connections.broadcast('cameras.onDidChangeHealth', { cameraId, health }))

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
    tickets,
    mediaUrl: (cameraId, ticket) => {
      if (!buildMediaUrl) throw new RpcError('UNAVAILABLE', 'Le flux vidéo n’est pas encore disponible.')
      return buildMediaUrl(cameraId, ticket)
    },
    onDidChangeCameras: () => {
      syncIngest()
      connections.broadcast('cameras.onDidChangeList', { cameras: directory.views() })
      connections.broadcast('app.onDidChangeInfo', appInfo())
    }
  })

  return {
    connect(transport, context) {
      const connection = serveContract(transport, {
        handlers,
        context,
        // Accounts and roles arrive with the audit trail; until then every connected screen is trusted.
        authorize: () => {},
        onInternalError: (method, error) => log(`rpc ${method} failed: ${(error as Error)?.stack ?? String(error)}`)
      })
      connections.add(connection)
      return connection
    },
    setMediaUrl(build) {
      buildMediaUrl = build
    },
    openMedia(cameraId, ticket) {
      if (tickets.redeem(ticket) !== cameraId) return null
      const supervisor = ingest?.get(cameraId)
      return supervisor ? { cameraId, stream: supervisor.stream } : null
    },
    get cameraCount() {
      return directory.all().length
    },
    async dispose() {
      connections.closeAll()
      await ingest?.dispose()
    }
  }
}
