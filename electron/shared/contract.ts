import { z } from 'zod'
import { CameraConfigSchema, CameraHealthSchema, CameraIdSchema, CameraUpdateSchema, CameraViewSchema, RtspTransportSchema } from './camera'
import { SettingsPatchSchema, SettingsSchema } from './settings'
import {
  CameraGroupSchema,
  OrganisationSchema,
  PasswordSchema,
  RoleSchema,
  SessionSchema,
  UsernameSchema,
  UserViewSchema,
  type Permission
} from './accounts'
import { AuditEntrySchema, AuditExportFormatSchema, AuditQuerySchema, AuditVerificationSchema } from './audit'
import {
  AnalyticsRunStatusSchema,
  AttachDocumentSchema,
  ComplianceOverviewSchema,
  DocumentViewSchema,
  ModuleIdSchema,
  ModuleStatusSchema,
  RulePackInfoSchema
} from './compliance'
import { AnalyticsEventSchema, AnalyticsOverlaySchema, DetectorChoiceSchema, DetectorModelIdSchema, EventQuerySchema } from './analytics-events'
import { SceneSchema } from './scene'
import { AlertQualitySchema, AlertQuerySchema, AlertSchema, DecideAlertsSchema } from './alerts'
import { HotlistInfoSchema, ImportHotlistSchema, PlateHitSchema } from './lapi'
import {
  LegalHoldSchema,
  MaskLiftSchema,
  PlaceHoldSchema,
  PlaybackOpenSchema,
  RecordedSpanSchema,
  RecordingAlarmSchema,
  RecordingPolicySchema,
  RecordingStatusSchema,
  RecordingStorageSchema,
  RequestMaskLiftSchema
} from './recording'

/**
 * The one API between the screen and the core. Both transports (MessagePort in the desktop app,
 * WebSocket in the headless host) carry exactly these calls and events; the core validates every
 * input against these schemas before a handler sees it.
 *
 * `access` is declared once per method. 'public' calls are reachable before anyone signs in;
 * 'unlock' is reachable by a signed-in person whose screen is locked; every other value names the
 * permission (see accounts.ts) the core checks on each call.
 */
export type { Permission }
export type Access = 'public' | 'unlock' | Permission

interface MethodSpec<I extends z.ZodTypeAny, O extends z.ZodTypeAny> {
  input: I
  output: O
  access: Access
}

const method = <I extends z.ZodTypeAny, O extends z.ZodTypeAny>(spec: MethodSpec<I, O>): MethodSpec<I, O> => spec

const NoInput = z.object({}).strict()
const CameraRef = z.object({ cameraId: CameraIdSchema }).strict()

export const AssetStatusSchema = z.object({
  id: z.string(),
  kind: z.string(),
  present: z.boolean(),
  path: z.string()
})

export const ThirdPartyNoticeSchema = z.object({
  name: z.string(),
  licence: z.string(),
  url: z.string(),
  attribution: z.string().optional()
})

export const AppInfoSchema = z.object({
  product: z.literal('Vigie'),
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  demo: z.boolean(),
  ffmpeg: z.object({ available: z.boolean(), source: z.string().optional(), message: z.string().optional() }),
  /** Set when the camera configuration file does not validate: the wall runs without it until fixed. */
  configError: z.string().optional()
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const CameraProbeResultSchema = z.object({
  reachable: z.boolean(),
  codec: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  message: z.string()
})
export type CameraProbeResult = z.infer<typeof CameraProbeResultSchema>

export const StreamDescriptorSchema = z.object({
  cameraId: CameraIdSchema,
  /** WebSocket URL carrying fragmented MP4 (see media-frames.ts); it holds its own access token. */
  url: z.string()
})
export type StreamDescriptor = z.infer<typeof StreamDescriptorSchema>

export const contract = {
  'app.info': method({ input: NoInput, output: AppInfoSchema, access: 'public' }),
  'app.notices': method({ input: NoInput, output: z.array(ThirdPartyNoticeSchema), access: 'public' }),
  'app.assets': method({ input: NoInput, output: z.array(AssetStatusSchema), access: 'public' }),

  'cameras.list': method({ input: NoInput, output: z.array(CameraViewSchema), access: 'camera.view' }),
  'cameras.health': method({
    input: NoInput,
    output: z.record(CameraIdSchema, CameraHealthSchema),
    access: 'camera.view'
  }),
  'cameras.add': method({ input: CameraConfigSchema, output: CameraViewSchema, access: 'camera.configure' }),
  'cameras.update': method({ input: CameraUpdateSchema, output: CameraViewSchema, access: 'camera.configure' }),
  'cameras.remove': method({ input: CameraRef, output: z.object({ removed: z.literal(true) }), access: 'camera.configure' }),
  'cameras.probe': method({
    // Either an address being typed, or a stored camera (whose credentials the screen never sees).
    input: z.union([
      z.object({ source: z.string().trim().min(1).max(2048), rtspTransport: RtspTransportSchema.default('tcp') }).strict(),
      CameraRef
    ]),
    output: CameraProbeResultSchema,
    access: 'camera.configure'
  }),

  'live.open': method({ input: CameraRef, output: StreamDescriptorSchema, access: 'camera.view' }),

  'setup.status': method({
    input: NoInput,
    output: z.object({ needsFirstAdmin: z.boolean(), organisation: OrganisationSchema.nullable() }),
    access: 'public'
  }),
  /** First run only: the organisation profile and the first administrator, in one step. */
  'setup.createFirstAdmin': method({
    input: z
      .object({ organisation: OrganisationSchema, username: UsernameSchema, displayName: z.string().trim().min(1).max(120), password: PasswordSchema })
      .strict(),
    output: SessionSchema,
    access: 'public'
  }),

  'session.login': method({
    input: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
    output: SessionSchema,
    access: 'public'
  }),
  'session.resume': method({ input: z.object({ token: z.string().min(16).max(128) }).strict(), output: SessionSchema, access: 'public' }),
  'session.unlock': method({ input: z.object({ password: z.string().min(1).max(256) }).strict(), output: SessionSchema, access: 'unlock' }),
  /** The screen reports that the person is still there (keyboard, mouse), which defers the idle lock. */
  'session.activity': method({ input: NoInput, output: z.object({ ok: z.literal(true) }), access: 'account.self' }),
  // Reachable from the lock screen too (« Changer d'utilisateur »), so a locked session can be closed for good.
  'session.logout': method({ input: NoInput, output: z.object({ ok: z.literal(true) }), access: 'unlock' }),
  'session.changePassword': method({
    input: z.object({ current: z.string().min(1).max(256), next: PasswordSchema }).strict(),
    output: z.object({ ok: z.literal(true) }),
    access: 'account.self'
  }),

  'users.list': method({ input: NoInput, output: z.array(UserViewSchema), access: 'account.manage' }),
  'users.create': method({
    input: z
      .object({
        username: UsernameSchema,
        displayName: z.string().trim().min(1).max(120),
        roles: z.array(RoleSchema).min(1),
        groups: z.array(CameraGroupSchema).max(100).default([]),
        allGroups: z.boolean().default(false),
        password: PasswordSchema
      })
      .strict(),
    output: UserViewSchema,
    access: 'account.manage'
  }),
  'users.update': method({
    input: z
      .object({
        id: z.number().int(),
        displayName: z.string().trim().min(1).max(120),
        roles: z.array(RoleSchema).min(1),
        groups: z.array(CameraGroupSchema).max(100),
        allGroups: z.boolean(),
        disabled: z.boolean()
      })
      .strict(),
    output: UserViewSchema,
    access: 'account.manage'
  }),
  'users.resetPassword': method({
    input: z.object({ id: z.number().int(), password: PasswordSchema }).strict(),
    output: UserViewSchema,
    access: 'account.manage'
  }),

  'organisation.get': method({ input: NoInput, output: OrganisationSchema, access: 'account.self' }),
  'organisation.update': method({ input: OrganisationSchema, output: OrganisationSchema, access: 'organisation.manage' }),

  'audit.query': method({
    input: AuditQuerySchema,
    output: z.object({ entries: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() }),
    access: 'audit.read'
  }),
  'audit.verify': method({ input: NoInput, output: AuditVerificationSchema, access: 'audit.read' }),
  /** A file (CSV or PDF) of the filtered entries with the chain check's result; capped in size. */
  'audit.export': method({
    input: z.object({ query: AuditQuerySchema.omit({ before: true, limit: true }), format: AuditExportFormatSchema }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), entries: z.number().int(), verification: AuditVerificationSchema }),
    access: 'audit.read'
  }),

  'compliance.overview': method({ input: NoInput, output: ComplianceOverviewSchema, access: 'compliance.read' }),
  'compliance.dossier': method({
    input: z.object({ moduleId: ModuleIdSchema }).strict(),
    output: z.object({ module: ModuleStatusSchema, documents: z.array(DocumentViewSchema), history: z.array(AuditEntrySchema) }),
    access: 'compliance.read'
  }),
  'compliance.documents': method({ input: NoInput, output: z.array(DocumentViewSchema), access: 'compliance.read' }),
  /** The file of a document, for its preview. */
  'compliance.documentContent': method({
    input: z.object({ documentId: z.string().min(1).max(80) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
    access: 'compliance.manage'
  }),
  'compliance.attachDocument': method({ input: AttachDocumentSchema, output: DocumentViewSchema, access: 'compliance.manage' }),
  /** Documents are never modified or erased; one can be withdrawn from the dossiers, with a reason. */
  'compliance.withdrawDocument': method({
    input: z.object({ documentId: z.string().min(1).max(80), justification: z.string().trim().min(10).max(2000) }).strict(),
    output: DocumentViewSchema,
    access: 'compliance.manage'
  }),
  'compliance.approve': method({
    input: z.object({ moduleId: ModuleIdSchema, justification: z.string().trim().min(10).max(2000) }).strict(),
    output: ModuleStatusSchema,
    access: 'compliance.approve'
  }),
  'compliance.revoke': method({
    input: z.object({ moduleId: ModuleIdSchema, justification: z.string().trim().min(10).max(2000) }).strict(),
    output: ModuleStatusSchema,
    access: 'compliance.approve'
  }),
  /** The « dossier de conformité » for a CNIL control. */
  'compliance.exportRegister': method({
    input: z.object({ format: z.enum(['pdf', 'json']) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
    access: 'compliance.manage'
  }),
  'compliance.rulePacks': method({
    input: NoInput,
    output: z.object({ active: RulePackInfoSchema, available: z.array(RulePackInfoSchema.extend({ source: z.enum(['bundled', 'installed']) })) }),
    access: 'compliance.read'
  }),
  /** Installs a newer rule pack (JSON); it takes over from its effective date, without code changes. */
  'compliance.installRulePack': method({
    input: z.object({ fileName: z.string().trim().min(1).max(200), base64: z.string().max(2_000_000) }).strict(),
    output: RulePackInfoSchema,
    access: 'rulepack.manage'
  }),
  'analytics.status': method({ input: NoInput, output: z.array(AnalyticsRunStatusSchema), access: 'camera.view' }),
  /** Zones, tripwires, privacy masks and rules of one camera. */
  'analytics.getScene': method({ input: CameraRef, output: SceneSchema, access: 'camera.view' }),
  /** Replaces the camera's scene as a whole; audited with what changed. Running analytics pick it up at once. */
  'analytics.saveScene': method({ input: z.object({ cameraId: CameraIdSchema, scene: SceneSchema }).strict(), output: SceneSchema, access: 'scene.manage' }),
  /** The object detector every camera's analytics use, and the ones that could replace it. */
  'analytics.detector': method({ input: NoInput, output: DetectorChoiceSchema, access: 'camera.view' }),
  /** Switches the detector for all cameras; running analytics restart on it within seconds. Audited. */
  'analytics.setDetector': method({ input: z.object({ modelId: DetectorModelIdSchema }).strict(), output: DetectorChoiceSchema, access: 'camera.configure' }),
  /** Newest first; `nextBefore` pages on. */
  'events.list': method({
    input: EventQuerySchema,
    output: z.object({ events: z.array(AnalyticsEventSchema), nextBefore: z.number().int().nullable() }),
    access: 'camera.view'
  }),
  /** The event's image, privacy masks already applied. */
  'events.snapshot': method({
    input: z.object({ eventId: z.number().int().positive() }).strict(),
    output: z.object({ mimeType: z.literal('image/jpeg'), base64: z.string(), width: z.number().int(), height: z.number().int() }),
    access: 'camera.view'
  }),

  /** The review queue and its history, newest first; `nextBefore` pages on. */
  'alerts.list': method({
    input: AlertQuerySchema,
    output: z.object({ alerts: z.array(AlertSchema), nextBefore: z.number().int().nullable() }),
    access: 'alert.review'
  }),
  'alerts.get': method({ input: z.object({ eventId: z.number().int().positive() }).strict(), output: AlertSchema, access: 'alert.review' }),
  /** Takes an alert into one's review; refused if someone else has it. */
  'alerts.claim': method({ input: z.object({ eventId: z.number().int().positive() }).strict(), output: AlertSchema, access: 'alert.review' }),
  /** Confirms, dismisses (false alarm) or escalates one alert or a burst; dismissing and escalating need a reason and a note. Audited. */
  'alerts.decide': method({ input: DecideAlertsSchema, output: z.array(AlertSchema), access: 'alert.review' }),
  /**
   * The evidence of a confirmed alert: clip with masks and watermark, snapshot, record, signed
   * manifest (check it with `npm run vigie -- evidence verify`). Needs a reason; audited.
   */
  'alerts.export': method({
    input: z.object({ eventId: z.number().int().positive(), reason: z.string().trim().min(5).max(500) }).strict(),
    output: z.object({
      folder: z.string(),
      files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() })),
      keyFingerprint: z.string(),
      clip: z.boolean()
    }),
    access: 'evidence.export'
  }),
  /** False alarms per rule and camera, with suggestions to recalibrate. */
  'alerts.quality': method({
    input: z.object({ from: z.number().optional(), to: z.number().optional() }).strict(),
    output: z.array(AlertQualitySchema),
    access: 'alert.quality'
  }),
  'lapi.hotlists': method({ input: NoInput, output: z.array(HotlistInfoSchema), access: 'lapi.manage' }),
  /**
   * Imports a list of plates for one purpose, stored as keyed hashes only; refused when the purpose
   * is forbidden to this deployer. Who imported it, when and why is audited.
   */
  'lapi.importHotlist': method({
    input: ImportHotlistSchema,
    output: z.object({ hotlist: HotlistInfoSchema, rejected: z.array(z.string()) }),
    access: 'lapi.manage'
  }),
  'lapi.withdrawHotlist': method({
    input: z.object({ hotlistId: z.number().int().positive(), reason: z.string().trim().min(10).max(2000) }).strict(),
    output: z.array(HotlistInfoSchema),
    access: 'lapi.manage'
  }),
  /** The hits still within their retention (a month at most), and how many unmatched reads are kept as hashes. */
  'lapi.reads': method({
    input: NoInput,
    output: z.object({ hits: z.array(PlateHitSchema), unmatchedKept: z.number().int() }),
    access: 'lapi.reads'
  }),
  'recording.status': method({ input: NoInput, output: z.array(RecordingStatusSchema), access: 'camera.view' }),
  'recording.getPolicy': method({ input: CameraRef, output: RecordingPolicySchema, access: 'camera.view' }),
  /** Retention is capped by the rule pack and the law (one month); audited. */
  'recording.setPolicy': method({
    input: z.object({ cameraId: CameraIdSchema, policy: RecordingPolicySchema }).strict(),
    output: RecordingPolicySchema,
    access: 'recording.configure'
  }),
  'recording.getStorage': method({ input: NoInput, output: RecordingStorageSchema, access: 'recording.configure' }),
  'recording.setStorage': method({ input: RecordingStorageSchema, output: RecordingStorageSchema, access: 'recording.configure' }),
  /** What is recorded on a camera in a period, its alerts and its legal holds, for the timeline. */
  'playback.timeline': method({
    input: z.object({ cameraId: CameraIdSchema, from: z.number(), to: z.number() }).strict(),
    output: z.object({ spans: z.array(RecordedSpanSchema), events: z.array(AnalyticsEventSchema), holds: z.array(LegalHoldSchema) }),
    access: 'playback.view'
  }),
  /**
   * A one-time media URL playing the camera's recording from `at` (masks burned in unless a lift is
   * active). The viewing is audited: who, which camera, from when, for how long.
   */
  'playback.open': method({
    input: PlaybackOpenSchema,
    output: z.object({ url: z.string(), start: z.number(), masked: z.boolean() }),
    access: 'playback.view'
  }),
  /** Every hold, for those who place and release them (the DPO included, who watches no camera). */
  'holds.list': method({ input: z.object({ cameraId: CameraIdSchema.optional() }).strict(), output: z.array(LegalHoldSchema), access: 'recording.hold' }),
  /** Exempts a period of a camera from the purge until released; audited with its reference. */
  'holds.place': method({ input: PlaceHoldSchema, output: LegalHoldSchema, access: 'recording.hold' }),
  'holds.release': method({
    input: z.object({ holdId: z.number().int().positive(), reason: z.string().trim().min(10).max(2000) }).strict(),
    output: LegalHoldSchema,
    access: 'recording.hold'
  }),
  /** Every lift, for those who ask for and approve them. */
  'masks.lifts': method({ input: NoInput, output: z.array(MaskLiftSchema), access: 'mask.lift' }),
  /** Asks to see a camera's masked areas for an investigation; another person must approve. */
  'masks.requestLift': method({ input: RequestMaskLiftSchema, output: MaskLiftSchema, access: 'mask.lift' }),
  'masks.approveLift': method({ input: z.object({ liftId: z.number().int().positive() }).strict(), output: MaskLiftSchema, access: 'mask.lift' }),
  'masks.endLift': method({ input: z.object({ liftId: z.number().int().positive() }).strict(), output: MaskLiftSchema, access: 'mask.lift' }),

  'settings.get': method({ input: NoInput, output: SettingsSchema, access: 'settings.workstation' }),
  'settings.update': method({ input: SettingsPatchSchema, output: SettingsSchema, access: 'settings.workstation' })
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>
/** What a handler receives: the input after validation and defaults. */
export type HandlerInput<M extends MethodName> = z.output<Contract[M]['input']>

/** Events the core pushes to every connected screen. Named for what happened. */
export const events = {
  /** The demo site comes and goes with the first configured camera; the header follows. */
  'app.onDidChangeInfo': AppInfoSchema,
  'cameras.onDidChangeHealth': z.object({ cameraId: CameraIdSchema, health: CameraHealthSchema }),
  'cameras.onDidChangeList': z.object({ cameras: z.array(CameraViewSchema) }),
  /** A module's state changed (document, approval, expiry, rule pack): screens refresh their view. */
  'compliance.onDidChange': z.object({ modules: z.array(ModuleStatusSchema) }),
  /** A module started or stopped on a camera, with the reason an operator is shown. */
  'analytics.onDidChangeStatus': AnalyticsRunStatusSchema,
  /** Tracks and counts of one analysed frame, for the tiles' overlays. */
  'analytics.onDidUpdateOverlay': AnalyticsOverlaySchema,
  /** A camera's zones, masks or rules were saved (on any workstation). */
  'analytics.onDidChangeScene': z.object({ cameraId: CameraIdSchema, scene: SceneSchema }),
  /** A rule fired; the event is already stored. */
  'events.onDidRaise': AnalyticsEventSchema,
  /** An alert arrived in the queue or changed state (claimed, decided, escalated). */
  'alerts.onDidChange': AlertSchema,
  /** The storage needs a supervisor: the disk is full, a quota forced early deletions, a recorder fails. */
  'recording.onDidAlarm': RecordingAlarmSchema,
  /** A lift of privacy masks was asked, approved, ended or expired. */
  'masks.onDidChangeLift': MaskLiftSchema,
  /** The idle timeout has passed: the screen must hide everything until the password is typed again. */
  'session.onDidLock': z.object({ reason: z.enum(['idle']) }),
  /** The session is over (logout elsewhere, account disabled): back to the sign-in screen. */
  'session.onDidEnd': z.object({ reason: z.enum(['logout', 'disabled', 'expired']) })
} as const

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
