import { useCallback, useSyncExternalStore } from 'react'

/**
 * Whether this workstation chimes and notifies on new alerts. The workstation settings have no place
 * for it yet, so it is kept in the browser's storage, per workstation like the settings would be.
 */
export interface CuePreferences {
  sound: boolean
  notifications: boolean
}

export const CUE_STORAGE_KEY = 'vigie.alerts.cues'
export const DEFAULT_CUES: CuePreferences = { sound: true, notifications: true }

export function parseCuePreferences(raw: string | null): CuePreferences {
  if (!raw) return DEFAULT_CUES
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof CuePreferences, unknown>>
    return {
      sound: typeof value.sound === 'boolean' ? value.sound : DEFAULT_CUES.sound,
      notifications: typeof value.notifications === 'boolean' ? value.notifications : DEFAULT_CUES.notifications
    }
  } catch {
    return DEFAULT_CUES
  }
}

const listeners = new Set<() => void>()
let cached: { raw: string | null; value: CuePreferences } | null = null

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}

export function readCuePreferences(): CuePreferences {
  const raw = storage()?.getItem(CUE_STORAGE_KEY) ?? null
  if (cached?.raw !== raw) cached = { raw, value: parseCuePreferences(raw) }
  return cached.value
}

export function writeCuePreferences(patch: Partial<CuePreferences>): void {
  const next = { ...readCuePreferences(), ...patch }
  try {
    storage()?.setItem(CUE_STORAGE_KEY, JSON.stringify(next))
  } catch {
    // A full or forbidden storage keeps today's choice for this page only.
    cached = { raw: JSON.stringify(next), value: next }
  }
  listeners.forEach((listener) => listener())
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  // Another window of the same workstation changed it.
  const onStorage = (event: StorageEvent): void => {
    if (event.key === CUE_STORAGE_KEY) listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function useCuePreferences(): [CuePreferences, (patch: Partial<CuePreferences>) => void] {
  const value = useSyncExternalStore(subscribe, readCuePreferences, () => DEFAULT_CUES)
  const set = useCallback((patch: Partial<CuePreferences>) => writeCuePreferences(patch), [])
  return [value, set]
}

export type NotificationAccess = 'unsupported' | NotificationPermission

export function notificationAccess(): NotificationAccess {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported'
}
