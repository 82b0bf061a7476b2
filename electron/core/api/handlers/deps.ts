import type { Organisation } from '../../../shared/accounts'
import type { AuditAction } from '../../../shared/audit'
import type { CameraHealth } from '../../../shared/camera'
import type { AppInfo, CameraProbeResult, MethodName } from '../../../shared/contract'
import type { DetectorChoice, DetectorModelId } from '../../../shared/analytics-events'
import type { Handlers } from '../../../shared/rpc/server'
import type { AuditLog } from '../../audit'
import type { ComplianceService } from '../../compliance'
import type { AnalyticsRunStatus } from '../../../shared/compliance'
import type { AccountService, SessionManager } from '../../auth'
import type { CameraDirectory } from '../../config/camera-directory'
import type { CameraStore } from '../../config/camera-store'
import type { SettingsService } from '../../config/settings-service'
import type { SceneStore } from '../../analytics/scene-store'
import type { EventStore } from '../../events/event-store'
import type { MaskLift, PLAYBACK_SPEEDS } from '../../../shared/recording'
import type { Alert } from '../../../shared/alerts'
import type { AlertQueue } from '../../events/alert-queue'
import type { EvidenceManifest } from '../../evidence/evidence-manifest'
import type { PlateRegister } from '../../lapi/plate-register'
import type { MaskLifts } from '../../recording/mask-lifts'
import type { RecordingService } from '../../recording/recording-service'
import type { RecordingStore } from '../../recording/recording-store'
import type { SessionContext } from '../context'

export interface AuditFields {
  cameraId?: string | null
  target?: string | null
  details?: Record<string, unknown>
  /** Who acted when it is not the signed-in person (a failed sign-in names the typed username). */
  actor?: string
}

/** Appends to the audit trail on behalf of a screen. Awaited before the call is acknowledged. */
export type RecordAudit = (ctx: SessionContext, action: AuditAction, fields?: AuditFields) => Promise<void>

/** The organisation profile, kept in memory: the idle timeout is read on every timer. */
export interface OrganisationCache {
  current(): Organisation | null
  set(organisation: Organisation): void
}

/** What the handlers need from the rest of the core; createCore wires the real services in. */
export interface HandlerDeps {
  appInfo: () => AppInfo
  notices: () => Promise<Array<{ name: string; licence: string; url: string; attribution?: string }>>
  assets: () => Array<{ id: string; kind: string; present: boolean; path: string }>
  directory: CameraDirectory
  store: CameraStore
  settings: SettingsService
  health: () => Record<string, CameraHealth>
  probe: (source: string, rtspTransport: 'tcp' | 'udp') => Promise<CameraProbeResult>
  /** Issues a one-time media URL for this screen's person and camera. */
  grantLiveView: (ctx: SessionContext, cameraId: string) => string
  /** Called after any change to the camera list, to restart ingest and notify the screens. */
  onDidChangeCameras: () => void
  accounts: AccountService
  sessions: SessionManager
  organisation: OrganisationCache
  audit: AuditLog
  record: RecordAudit
  compliance: ComplianceService
  /** Called after any compliance action, so that the analytics obey the lock at once and screens refresh. */
  onDidChangeCompliance: () => void
  analyticsStatus: () => AnalyticsRunStatus[]
  scenes: SceneStore
  events: EventStore
  plates: PlateRegister
  alerts: {
    queue: AlertQueue
    onDidChange(alert: Alert): void
    /** Writes and signs the evidence folder of a confirmed alert. */
    exportEvidence(ctx: SessionContext, alert: Alert, reason: string): Promise<{ folder: string; manifest: EvidenceManifest }>
  }
  recording: {
    service: RecordingService
    store: RecordingStore
    lifts: MaskLifts
    /** Audits the viewing and returns the one-time URL of a playback stream. */
    openPlayback(ctx: SessionContext, cameraId: string, at: number, speed: (typeof PLAYBACK_SPEEDS)[number]): Promise<{ url: string; start: number; masked: boolean }>
    onDidChangeLift(lift: MaskLift): void
  }
  detector: {
    choice(): DetectorChoice
    /** Keeps the choice, then restarts every camera's analytics on the new model. */
    select(modelId: DetectorModelId): Promise<void>
  }
  now: () => number
}

/** A group of handlers: each area of the core serves its own slice of the contract. */
export type HandlerGroup<M extends MethodName> = Pick<Handlers<SessionContext>, M>
