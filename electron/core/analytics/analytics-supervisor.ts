import type { AnalyticsOverlay } from '../../shared/analytics-events'
import type { AnalyticsRunStatus, ModuleId } from '../../shared/compliance'
import type { Scene } from '../../shared/scene'
import type { DirectoryCamera } from '../config/camera-directory'
import { AnalysisFeed } from './analysis-feed'
import type { PlateDecision } from '../lapi/plate-stage'
import { PlateReaderUnavailableError, type FramePlateReader } from '../lapi/shared-plate-reader'
import { CameraPipeline, type EventModelInfo, type FrameDetector, type PipelineEvent, type PipelinePlates } from './camera-pipeline'

/** The compliance lock's answer for one module on one camera. */
export interface ModuleGate {
  canRun(moduleId: ModuleId, cameraId: string): Promise<GateVerdict> | GateVerdict
}

export interface GateVerdict {
  allowed: boolean
  reason: string
  /** The rule pack allows the module on condition that only counts are kept, never images. */
  countsOnly?: boolean
}

export interface AnalyticsSupervisorOptions {
  ffmpegPath: string | null
  gate: ModuleGate
  /** The cameras and the modules an admin asked for on each. */
  cameras: () => DirectoryCamera[]
  /** The detector shared by all cameras, started on first need; rejects with a readable reason (model missing…). */
  detector: () => Promise<{ detector: FrameDetector; model: EventModelInfo }>
  /** The camera's zones, masks and rules now. */
  scene: (cameraId: string) => Scene
  onEvent: (event: PipelineEvent) => void
  onOverlay?: (overlay: AnalyticsOverlay) => void
  /** The plate reader for cameras with a plate rule (LAPI), and where their decisions go. */
  plates?: {
    reader: FramePlateReader
    onDecision: (cameraId: string, decision: PlateDecision) => void
  }
  /** How often the lock is asked again, even without a change event: time alone can expire a document. */
  intervalMs?: number
  now?: () => number
  log?: (message: string) => void
}

interface CameraRun {
  feed: AnalysisFeed
  source: string
  width: number
  scene?: Scene
  /** Null until the detector is ready; frames decoded before then are not analysed. */
  pipeline: CameraPipeline | null
  allowed: ReadonlySet<ModuleId>
  countsOnly: ReadonlySet<ModuleId>
  /** Frames analysed when each module started, to count what it has analysed since. */
  startedAtFrame: Map<ModuleId, number>
}

const RUNNING = 'Analyse en cours'

/**
 * Analysis frames are 640 px wide, enough for people and vehicles; plate reading needs more: a plate
 * 120 px wide on a 1920 px image would be 40 px at 640, too few for the OCR. A camera running a plate
 * module is analysed at 1280 px (its other rules' pixel distances are scaled to match).
 */
const ANALYSIS_WIDTH = 640
const PLATE_ANALYSIS_WIDTH = 1280
const analysisWidth = (modules: readonly ModuleId[]): number => (modules.some((moduleId) => moduleId.startsWith('lapi-')) ? PLATE_ANALYSIS_WIDTH : ANALYSIS_WIDTH)
const DETECTOR_RETRY_MS = 30_000

/**
 * Nothing starts an analytics module without asking the lock, and nothing keeps running once the
 * lock says no. Every pass compares what the admin asked for with what the lock allows, starts the
 * camera's analysis feed when at least one module may run on it, and stops it when none may.
 */
export class AnalyticsSupervisor {
  private readonly runs = new Map<string, CameraRun>()
  private readonly statuses = new Map<string, AnalyticsRunStatus>()
  private readonly listeners = new Set<(status: AnalyticsRunStatus) => void>()
  private timer: ReturnType<typeof setInterval> | null = null
  /** Why the detector could not start, shown in every running module's status until it does. */
  private detectorProblem: string | null = null
  private detectorFailedAt = 0
  /** The same for the plate reader, which only plate modules need. */
  private plateProblem: string | null = null
  private plateFailedAt = 0
  private readonly now: () => number

  constructor(private readonly options: AnalyticsSupervisorOptions) {
    this.now = options.now ?? Date.now
  }

  private passing: Promise<void> | null = null
  private passAgain = false

  start(): Promise<void> {
    this.timer = setInterval(() => void this.reconcile(), this.options.intervalMs ?? 1000)
    this.timer.unref?.()
    return this.reconcile()
  }

  onDidChangeStatus(listener: (status: AnalyticsRunStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  snapshot(): AnalyticsRunStatus[] {
    return [...this.statuses.values()].map((status) => this.withFrameCount(status))
  }

  /**
   * One pass: ask the lock for every (camera, module) wanted, start and stop accordingly. Passes never
   * overlap; a change during a pass asks for one more right after it.
   */
  reconcile(): Promise<void> {
    if (this.passing) {
      this.passAgain = true
      return this.passing
    }
    this.passing = this.pass().finally(() => {
      this.passing = null
      if (this.passAgain) {
        this.passAgain = false
        void this.reconcile()
      }
    })
    return this.passing
  }

  private async pass(): Promise<void> {
    const seen = new Set<string>()
    for (const camera of this.options.cameras()) {
      const wanted = camera.enabled ? camera.analytics : []
      const allowed: ModuleId[] = []
      const countsOnly = new Set<ModuleId>()
      for (const moduleId of wanted) {
        const key = `${camera.id}/${moduleId}`
        seen.add(key)
        const verdict: GateVerdict =
          this.options.ffmpegPath === null
            ? { allowed: false, reason: 'ffmpeg est introuvable' }
            : (this.detectorUnavailable() ?? this.plateReaderUnavailable(moduleId) ?? (await this.options.gate.canRun(moduleId, camera.id)))
        if (verdict.allowed) allowed.push(moduleId)
        if (verdict.allowed && verdict.countsOnly) countsOnly.add(moduleId)
        this.setStatus(camera.id, moduleId, verdict.allowed, verdict.allowed ? RUNNING : verdict.reason)
      }
      this.applyCamera(camera, allowed, countsOnly)
    }
    for (const [key, status] of this.statuses) {
      if (!seen.has(key)) {
        this.statuses.delete(key)
        this.emit({ ...status, running: false, reason: 'Module retiré de la caméra', since: this.now() })
      }
    }
    for (const [cameraId, run] of this.runs) {
      if (!this.options.cameras().some((camera) => camera.id === cameraId && camera.source === run.source)) this.stopCamera(cameraId)
    }
  }

  /** Stops every camera's analysis; the next pass starts them again (on a new detector, say). */
  async restartAll(): Promise<void> {
    for (const cameraId of [...this.runs.keys()]) this.stopCamera(cameraId)
    await this.reconcile()
  }

  async dispose(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    await this.passing
    await Promise.all([...this.runs.values()].map((run) => run.feed.stop()))
    this.runs.clear()
  }

  private applyCamera(camera: DirectoryCamera, allowed: ModuleId[], countsOnly: ReadonlySet<ModuleId>): void {
    const current = this.runs.get(camera.id)
    if (allowed.length === 0) {
      if (current) this.stopCamera(camera.id)
      return
    }
    let run = current
    const width = analysisWidth(allowed)
    if (!run || run.source !== camera.source || run.width !== width) {
      if (run) this.stopCamera(camera.id)
      const feed = new AnalysisFeed({
        cameraId: camera.id,
        source: camera.source,
        rtspTransport: camera.rtspTransport,
        ffmpegPath: this.options.ffmpegPath ?? 'ffmpeg',
        width,
        ...(width > ANALYSIS_WIDTH ? { minWidth: ANALYSIS_WIDTH } : {}),
        log: this.options.log
      })
      const started: CameraRun = { feed, source: camera.source, width, pipeline: null, allowed: new Set(allowed), countsOnly, startedAtFrame: new Map() }
      run = started
      this.runs.set(camera.id, started)
      feed.start()
      this.attachPipeline(camera.id, started)
      this.options.log?.(`[detect:${camera.id}] started for ${allowed.join(', ')}`)
    }
    const allowedNow = new Set(allowed)
    const scene = this.options.scene(camera.id)
    if (run.pipeline && (!sameSet(run.allowed, allowedNow) || !sameSet(run.countsOnly, countsOnly) || run.scene !== scene)) {
      run.pipeline.configure(scene, allowedNow, countsOnly)
    }
    run.allowed = allowedNow
    run.countsOnly = countsOnly
    run.scene = scene
    for (const moduleId of allowed) if (!run.startedAtFrame.has(moduleId)) run.startedAtFrame.set(moduleId, this.framesOf(run))
    for (const moduleId of [...run.startedAtFrame.keys()]) if (!allowed.includes(moduleId)) run.startedAtFrame.delete(moduleId)
  }

  /** Connects the camera's frames to a pipeline once the shared detector is up. */
  private attachPipeline(cameraId: string, run: CameraRun): void {
    this.options.detector().then(
      ({ detector, model }) => {
        if (this.runs.get(cameraId) !== run) return
        this.detectorProblem = null
        const pipeline = new CameraPipeline({
          cameraId,
          detector,
          model,
          scene: run.scene ?? this.options.scene(cameraId),
          allowedModules: run.allowed,
          countsOnlyModules: run.countsOnly,
          onEvent: this.options.onEvent,
          onOverlay: this.options.onOverlay,
          plates: this.platesFor(cameraId)
        })
        run.pipeline = pipeline
        run.feed.onFrame((frame) => pipeline.offer(frame))
      },
      (error: unknown) => {
        this.detectorProblem = error instanceof Error ? error.message : String(error)
        this.detectorFailedAt = this.now()
        this.options.log?.(`[detect:${cameraId}] no detector: ${this.detectorProblem}`)
        if (this.runs.get(cameraId) === run) this.stopCamera(cameraId)
        void this.reconcile()
      }
    )
  }

  private platesFor(cameraId: string): PipelinePlates | undefined {
    const plates = this.options.plates
    if (!plates) return undefined
    let lastProblem = ''
    return {
      reader: plates.reader,
      onDecision: (decision) => plates.onDecision(cameraId, decision),
      onError: (error) => {
        // A reader that cannot start stops the plate modules, with the reason in their status, and
        // is tried again later; a frame that fails is logged when the failure changes, not each time.
        if (error instanceof PlateReaderUnavailableError) {
          this.plateProblem = error.message
          this.plateFailedAt = this.now()
          void this.reconcile()
        }
        if (error.message === lastProblem) return
        lastProblem = error.message
        this.options.log?.(`[detect:${cameraId}] plate reading failed: ${error.message}`)
      }
    }
  }

  private plateReaderUnavailable(moduleId: ModuleId): GateVerdict | null {
    if (!moduleId.startsWith('lapi-') || this.plateProblem === null || this.now() - this.plateFailedAt >= DETECTOR_RETRY_MS) return null
    return { allowed: false, reason: `Lecteur de plaques indisponible : ${this.plateProblem}` }
  }

  /** After a failed start, the detector is tried again only every DETECTOR_RETRY_MS (the model may have been fetched since). */
  private detectorUnavailable(): GateVerdict | null {
    if (this.detectorProblem === null || this.now() - this.detectorFailedAt >= DETECTOR_RETRY_MS) return null
    return { allowed: false, reason: `Détecteur indisponible : ${this.detectorProblem}` }
  }

  private framesOf(run: CameraRun): number {
    return run.pipeline?.stats.processed ?? 0
  }

  private stopCamera(cameraId: string): void {
    const run = this.runs.get(cameraId)
    if (!run) return
    this.runs.delete(cameraId)
    void run.feed.stop()
    this.options.log?.(`[detect:${cameraId}] stopped`)
  }

  private setStatus(cameraId: string, moduleId: ModuleId, running: boolean, reason: string): void {
    const key = `${cameraId}/${moduleId}`
    const previous = this.statuses.get(key)
    if (previous && previous.running === running && previous.reason === reason) return
    const status: AnalyticsRunStatus = { cameraId, moduleId, running, reason, since: this.now(), framesAnalysed: 0 }
    this.statuses.set(key, status)
    this.emit(status)
  }

  private withFrameCount(status: AnalyticsRunStatus): AnalyticsRunStatus {
    const run = this.runs.get(status.cameraId)
    const start = run?.startedAtFrame.get(status.moduleId)
    return run && start !== undefined && status.running ? { ...status, framesAnalysed: this.framesOf(run) - start } : status
  }

  private emit(status: AnalyticsRunStatus): void {
    for (const listener of this.listeners) listener(status)
  }
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item))
}
