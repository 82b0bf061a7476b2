import { createStore, type StoreApi } from 'zustand/vanilla'

export type PlaybackLayout = '1' | '2x2'

/** Four cameras at once, as the 2×2 layout shows them: more would not be watched, only decoded. */
export const MAX_PLAYBACK_CAMERAS = 4

export interface PlaybackViewState {
  /** The cameras played together, in tile order (four at most). */
  cameraIds: string[]
  /** The camera a hold or a lift request is about by default, and the one shown alone in layout 1. */
  activeCameraId: string | null
  layout: PlaybackLayout
  /** The timeline's zoom: how long a stretch it shows, ms. */
  windowMs: number
  /** Where the clock stood when the screen was left, to find it there on coming back. */
  lastTime: number | null
  setCameras(cameraIds: string[]): void
  toggleCamera(cameraId: string): void
  setActive(cameraId: string): void
  setLayout(layout: PlaybackLayout): void
  setWindowMs(windowMs: number): void
  rememberTime(time: number): void
}

export type PlaybackViewStore = StoreApi<PlaybackViewState>

/**
 * What the playback screen was showing, kept for the session: leaving for the journal and coming
 * back finds the same cameras at the same moment. Nothing is stored on the workstation.
 */
export function createPlaybackViewStore(): PlaybackViewStore {
  return createStore<PlaybackViewState>()((set) => ({
    cameraIds: [],
    activeCameraId: null,
    layout: '2x2',
    windowMs: 60 * 60 * 1000,
    lastTime: null,

    setCameras: (ids) =>
      set((state) => {
        const cameraIds = [...new Set(ids)].slice(0, MAX_PLAYBACK_CAMERAS)
        const activeCameraId = state.activeCameraId !== null && cameraIds.includes(state.activeCameraId) ? state.activeCameraId : (cameraIds[0] ?? null)
        return { cameraIds, activeCameraId }
      }),

    toggleCamera: (cameraId) =>
      set((state) => {
        if (state.cameraIds.includes(cameraId)) {
          const cameraIds = state.cameraIds.filter((id) => id !== cameraId)
          return { cameraIds, activeCameraId: state.activeCameraId === cameraId ? (cameraIds[0] ?? null) : state.activeCameraId }
        }
        if (state.cameraIds.length >= MAX_PLAYBACK_CAMERAS) return state
        return { cameraIds: [...state.cameraIds, cameraId], activeCameraId: state.activeCameraId ?? cameraId }
      }),

    setActive: (cameraId) => set((state) => (state.cameraIds.includes(cameraId) ? { activeCameraId: cameraId } : state)),
    setLayout: (layout) => set({ layout }),
    setWindowMs: (windowMs) => set({ windowMs }),
    rememberTime: (lastTime) => set({ lastTime })
  }))
}
