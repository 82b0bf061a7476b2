import type { RpcClient } from '../../../electron/shared/rpc/client'
import { createAlertHistoryStore, type AlertHistoryStore } from './alert-history-store'
import { createAlertsStore, type AlertsStore } from './alerts-store'
import { createAnalyticsStore, type AnalyticsStore } from './analytics-store'
import { createAppInfoStore, type AppInfoStore } from './app-info-store'
import { createAuditStore, type AuditStore } from './audit-store'
import { createCamerasStore, type CamerasStore } from './cameras-store'
import { createComplianceStore, type ComplianceStore } from './compliance-store'
import { createEventsStore, type EventsStore } from './events-store'
import { createHoldsStore, type HoldsStore } from './holds-store'
import { createLapiStore, type LapiStore } from './lapi-store'
import { createMaskLiftsStore, type MaskLiftsStore } from './mask-lifts-store'
import { createOverlaysStore, type OverlaysStore } from './overlays-store'
import { createPlaybackViewStore, type PlaybackViewStore } from './playback-store'
import { createRecordingStore, type RecordingStore } from './recording-store'
import { createScenesStore, type ScenesStore } from './scenes-store'
import { createSettingsStore, type SettingsStore } from './settings-store'
import { createUsersStore, type UsersStore } from './users-store'
import { startWallAutoFill } from './wall-auto-fill'

export interface AppStores {
  appInfo: AppInfoStore
  cameras: CamerasStore
  settings: SettingsStore
  users: UsersStore
  audit: AuditStore
  compliance: ComplianceStore
  analytics: AnalyticsStore
  scenes: ScenesStore
  overlays: OverlaysStore
  events: EventsStore
  recording: RecordingStore
  holds: HoldsStore
  maskLifts: MaskLiftsStore
  playbackView: PlaybackViewStore
  alerts: AlertsStore
  alertHistory: AlertHistoryStore
  lapi: LapiStore
}

/**
 * Fresh stores for one signed-in session of one app instance (one window, or one test). Nothing is
 * module-global, so two instances never share state, and the next person to sign in starts empty.
 */
export function createAppStores(client: RpcClient): AppStores {
  return {
    appInfo: createAppInfoStore(client),
    cameras: createCamerasStore(client),
    settings: createSettingsStore(client),
    users: createUsersStore(client),
    audit: createAuditStore(client),
    compliance: createComplianceStore(client),
    analytics: createAnalyticsStore(client),
    scenes: createScenesStore(client),
    overlays: createOverlaysStore(client),
    events: createEventsStore(client),
    recording: createRecordingStore(client),
    holds: createHoldsStore(client),
    maskLifts: createMaskLiftsStore(client),
    playbackView: createPlaybackViewStore(),
    alerts: createAlertsStore(client),
    alertHistory: createAlertHistoryStore(client),
    lapi: createLapiStore(client)
  }
}

export interface StartOptions {
  /** May watch cameras (camera.view). */
  cameras: boolean
  /** May list lifts of privacy masks (they change what the players show, and wait for approvals). */
  lifts: boolean
  /** Is told of storage alarms (supervisors and the DPO). */
  alarms: boolean
  /** Reviews alerts (alert.review): the open queue is followed on every screen, for its sound and count. */
  alerts?: boolean
}

/**
 * Loads what every screen shares and follows the core's events; returns the function that stops it
 * all. Run again after an unlock, so the screens come back with what changed meanwhile. Accounts, the
 * audit trail, compliance, scenes, the events journal and the plate lists load when their screen (or tile) asks.
 */
export function startAppStores(stores: AppStores, options: StartOptions): () => void {
  const stops: Array<() => void> = []
  // The demo flag follows the camera list (the first configured camera replaces the demo site).
  stops.push(stores.appInfo.getState().listen())
  void stores.appInfo.getState().load()
  void stores.settings.getState().load()
  // Someone who may not watch cameras (a DPO) would only collect refusals.
  if (options.cameras) {
    // Listen before loading, so that no event falls between the snapshot and the subscription.
    stops.push(stores.cameras.getState().listen())
    stops.push(startWallAutoFill(stores.cameras, stores.settings))
    void stores.cameras.getState().load()
    // Each tile tells whether its camera's analytics run, and why not.
    stops.push(stores.analytics.getState().listen())
    void stores.analytics.getState().load()
    // What the analytics see, drawn over the tiles that ask for it; the journal's live events.
    stops.push(stores.overlays.getState().listen())
    stops.push(stores.scenes.getState().listen())
    stops.push(stores.events.getState().listen())
  }
  if (options.lifts) {
    // A lift approved or ended on another workstation reaches the panels and the players at once.
    stops.push(stores.maskLifts.getState().listen())
    void stores.maskLifts.getState().load()
  }
  if (options.alarms) stops.push(stores.recording.getState().listen())
  if (options.alerts) {
    stops.push(stores.alerts.getState().listen())
    stops.push(stores.alertHistory.getState().listen())
    void stores.alerts.getState().load()
  }
  return () => stops.forEach((stop) => stop())
}
