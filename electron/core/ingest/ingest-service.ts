import {
  CameraSupervisor,
  type CameraConfig,
  type CameraHealth,
  type CameraSupervisorOptions
} from './camera-supervisor'
import { installExitHandler, killAllGuardedSync } from './child-process-guard'
import { LiveStream, type LiveStreamOptions } from './live-stream'

/**
 * Owns one CameraSupervisor per configured camera and keeps that set in line with the configuration.
 * A camera's LiveStream outlives configuration changes, so viewers stay subscribed across a restart and
 * simply receive the new init segment.
 */

export interface IngestServiceParams {
  readonly ffmpegPath: string
  readonly supervisorOptions?: CameraSupervisorOptions
  readonly streamOptions?: LiveStreamOptions
  readonly log?: (message: string) => void
}

type HealthListener = (cameraId: string, health: CameraHealth) => void

interface Entry {
  readonly camera: CameraConfig
  readonly supervisor: CameraSupervisor
  readonly stopListening: () => void
}

export class IngestService {
  private readonly params: IngestServiceParams
  private readonly entries = new Map<string, Entry>()
  private readonly streams = new Map<string, LiveStream>()
  /** Per camera, resolves when every supervisor it replaced has stopped: two ffmpeg never share a camera. */
  private readonly retiring = new Map<string, Promise<void>>()
  private readonly listeners = new Set<HealthListener>()
  private disposed: Promise<void> | undefined

  constructor(params: IngestServiceParams) {
    this.params = params
    installExitHandler()
  }

  /**
   * Applies a new camera list: starts the new cameras, stops the removed ones, restarts the changed ones.
   * The map is updated at once (get() sees the new supervisors); the promise resolves when removed and
   * replaced ffmpeg processes have exited. It never rejects, so callers may fire and forget.
   */
  setCameras(cameras: readonly CameraConfig[]): Promise<void> {
    if (this.disposed !== undefined) return Promise.resolve()
    const wanted = new Map<string, CameraConfig>()
    for (const camera of cameras) {
      // The configuration schema already refuses duplicates; should one slip through, the first one wins.
      if (wanted.has(camera.id)) this.params.log?.(`[ingest] duplicate camera id ignored: ${camera.id}`)
      else wanted.set(camera.id, camera)
    }

    const work: Promise<void>[] = []
    for (const [id, entry] of this.entries) {
      if (!wanted.has(id)) {
        work.push(this.retire(id, entry))
        this.streams.delete(id)
      }
    }
    for (const camera of wanted.values()) {
      const current = this.entries.get(camera.id)
      if (current !== undefined && sameCamera(current.camera, camera)) continue
      if (current !== undefined) work.push(this.retire(camera.id, current))
      work.push(this.add(camera))
    }
    return Promise.all(work).then(() => undefined)
  }

  get(cameraId: string): CameraSupervisor | undefined {
    return this.entries.get(cameraId)?.supervisor
  }

  healthSnapshot(): Record<string, CameraHealth> {
    const snapshot: Record<string, CameraHealth> = {}
    for (const [id, entry] of this.entries) snapshot[id] = entry.supervisor.health
    return snapshot
  }

  onDidChangeHealth(listener: HealthListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** Stops every camera and resolves when all ffmpeg processes have exited. */
  dispose(): Promise<void> {
    if (this.disposed !== undefined) return this.disposed
    const stops = [...this.entries].map(([id, entry]) => this.retire(id, entry))
    this.streams.clear()
    this.disposed = Promise.all([...stops, ...this.retiring.values()]).then(() => undefined)
    return this.disposed
  }

  /**
   * Last resort for a host that is exiting without awaiting dispose(): SIGKILLs every ffmpeg at once.
   * The same runs automatically on the process 'exit' event.
   */
  killAllSync(): void {
    killAllGuardedSync()
  }

  private add(camera: CameraConfig): Promise<void> {
    const stream = this.streamFor(camera.id)
    const supervisor = new CameraSupervisor({
      camera,
      ffmpegPath: this.params.ffmpegPath,
      stream,
      ...(this.params.supervisorOptions !== undefined ? { options: this.params.supervisorOptions } : {}),
      ...(this.params.log !== undefined ? { log: this.params.log } : {})
    })
    const stopListening = supervisor.onDidChangeHealth((health) => {
      for (const listener of [...this.listeners]) {
        try {
          listener(camera.id, health)
        } catch (error) {
          this.params.log?.(`[ingest] health listener failed: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
    })
    this.entries.set(camera.id, { camera, supervisor, stopListening })
    // start() is a no-op once the supervisor was stopped, so a camera replaced again meanwhile stays down.
    const previous = this.retiring.get(camera.id) ?? Promise.resolve()
    return previous.then(() => supervisor.start())
  }

  private retire(id: string, entry: Entry): Promise<void> {
    entry.stopListening()
    if (this.entries.get(id) === entry) this.entries.delete(id)
    const previous = this.retiring.get(id) ?? Promise.resolve()
    const retired = Promise.all([previous, entry.supervisor.stop()]).then(() => undefined)
    this.retiring.set(id, retired)
    void retired.then(() => {
      if (this.retiring.get(id) === retired) this.retiring.delete(id)
    })
    return retired
  }

  private streamFor(cameraId: string): LiveStream {
    let stream = this.streams.get(cameraId)
    if (stream === undefined) {
      stream = new LiveStream(this.params.streamOptions)
      this.streams.set(cameraId, stream)
    }
    return stream
  }
}

function sameCamera(a: CameraConfig, b: CameraConfig): boolean {
  return (
    a.source === b.source &&
    (a.rtspTransport ?? 'tcp') === (b.rtspTransport ?? 'tcp') &&
    (a.transcode ?? 'auto') === (b.transcode ?? 'auto') &&
    // A new mask image path means new masks (the name holds their hash), or masks added or lifted.
    a.maskImage === b.maskImage
  )
}
