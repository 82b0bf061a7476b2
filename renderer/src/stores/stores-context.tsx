import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { AlertHistoryState } from './alert-history-store'
import type { AlertsState } from './alerts-store'
import type { AnalyticsState } from './analytics-store'
import type { AppInfoState } from './app-info-store'
import type { AppStores } from './app-stores'
import type { AuditState } from './audit-store'
import type { CamerasState } from './cameras-store'
import type { ComplianceState } from './compliance-store'
import type { EventsState } from './events-store'
import type { HoldsState } from './holds-store'
import type { LapiState } from './lapi-store'
import type { MaskLiftsState } from './mask-lifts-store'
import type { OverlaysState } from './overlays-store'
import type { PlaybackViewState } from './playback-store'
import type { RecordingState } from './recording-store'
import type { ScenesState } from './scenes-store'
import type { SettingsState } from './settings-store'
import type { UsersState } from './users-store'

const StoresContext = createContext<AppStores | null>(null)

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>
}

function useStores(): AppStores {
  const stores = useContext(StoresContext)
  if (!stores) throw new Error('store hook used outside <StoresProvider>')
  return stores
}

// Selectors must return stable values (a field, or useShallow for composed objects).
export function useAppInfo<T>(selector: (state: AppInfoState) => T): T {
  return useStore(useStores().appInfo, selector)
}

export function useCameras<T>(selector: (state: CamerasState) => T): T {
  return useStore(useStores().cameras, selector)
}

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(useStores().settings, selector)
}

export function useUsers<T>(selector: (state: UsersState) => T): T {
  return useStore(useStores().users, selector)
}

export function useAudit<T>(selector: (state: AuditState) => T): T {
  return useStore(useStores().audit, selector)
}

export function useCompliance<T>(selector: (state: ComplianceState) => T): T {
  return useStore(useStores().compliance, selector)
}

export function useAnalytics<T>(selector: (state: AnalyticsState) => T): T {
  return useStore(useStores().analytics, selector)
}

export function useScenes<T>(selector: (state: ScenesState) => T): T {
  return useStore(useStores().scenes, selector)
}

export function useOverlays<T>(selector: (state: OverlaysState) => T): T {
  return useStore(useStores().overlays, selector)
}

export function useEvents<T>(selector: (state: EventsState) => T): T {
  return useStore(useStores().events, selector)
}

export function useRecording<T>(selector: (state: RecordingState) => T): T {
  return useStore(useStores().recording, selector)
}

export function useHolds<T>(selector: (state: HoldsState) => T): T {
  return useStore(useStores().holds, selector)
}

export function useMaskLifts<T>(selector: (state: MaskLiftsState) => T): T {
  return useStore(useStores().maskLifts, selector)
}

export function usePlaybackView<T>(selector: (state: PlaybackViewState) => T): T {
  return useStore(useStores().playbackView, selector)
}

export function useAlerts<T>(selector: (state: AlertsState) => T): T {
  return useStore(useStores().alerts, selector)
}

export function useAlertHistory<T>(selector: (state: AlertHistoryState) => T): T {
  return useStore(useStores().alertHistory, selector)
}

export function useLapi<T>(selector: (state: LapiState) => T): T {
  return useStore(useStores().lapi, selector)
}
