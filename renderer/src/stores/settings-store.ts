import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodInput } from '../../../electron/shared/contract'
import type { RpcClient } from '../../../electron/shared/rpc/client'
import { SettingsSchema, type Locale, type Settings, type WallLayout } from '../../../electron/shared/settings'
import { toShownError, type ShownError } from '../api/errors'
import type { Loadable } from './load-status'

export type Tile = Settings['wall']['tiles'][number]
type SettingsPatch = MethodInput<'settings.update'>

export interface SettingsState extends Loadable {
  /** Defaults until the first load, so screens never deal with a missing value. */
  settings: Settings
  /** The last change the core refused; the store then shows the core's values again. */
  saveError: ShownError | null
  load(): Promise<void>
  setLocale(locale: Locale): void
  setLayout(layout: WallLayout): void
  assignTile(index: number, cameraId: string | null): void
  /** Moves a tile's camera onto another tile, swapping with whatever was there. */
  swapTiles(from: number, to: number): void
  setTiles(tiles: Tile[]): void
  setTileOverlays(index: number, overlays: boolean): void
  setFocusedTile(index: number | null): void
  dismissSaveError(): void
}

export type SettingsStore = StoreApi<SettingsState>

export function createSettingsStore(client: RpcClient): SettingsStore {
  return createStore<SettingsState>()((set, get) => {
    // Changes are sent one after the other so the core applies them in the order the operator made them.
    let saving: Promise<void> = Promise.resolve()

    const save = (patch: SettingsPatch): void => {
      saving = saving.then(async () => {
        const result = await client.request('settings.update', patch)
        if (result.ok) return
        set({ saveError: result.error })
        // Show what the core really holds rather than a change it refused.
        await get().load()
      })
    }

    const updateWall = (wall: Partial<Settings['wall']>): void => {
      set((state) => ({ settings: { ...state.settings, wall: { ...state.settings.wall, ...wall } } }))
      save({ wall })
    }

    const tiles = (): Tile[] => get().settings.wall.tiles

    return {
      status: 'loading',
      error: null,
      settings: SettingsSchema.parse({}),
      saveError: null,

      async load() {
        try {
          const settings = await client.call('settings.get', {})
          set({ status: 'ready', error: null, settings })
        } catch (error) {
          set({ status: 'error', error: toShownError(error) })
        }
      },

      setLocale(locale) {
        set((state) => ({ settings: { ...state.settings, locale } }))
        save({ locale })
      },

      setLayout(layout) {
        // A new layout always shows the whole wall: the focused tile may not even exist in it.
        updateWall({ layout, focusedTile: null })
      },

      assignTile(index, cameraId) {
        updateWall({ tiles: tiles().map((tile, i) => (i === index ? { ...tile, cameraId } : tile)) })
      },

      swapTiles(from, to) {
        if (from === to) return
        const current = tiles()
        const next = current.map((tile, i) => {
          if (i === from) return { ...tile, cameraId: current[to].cameraId }
          if (i === to) return { ...tile, cameraId: current[from].cameraId }
          return tile
        })
        updateWall({ tiles: next })
      },

      setTiles(next) {
        updateWall({ tiles: next })
      },

      setTileOverlays(index, overlays) {
        updateWall({ tiles: tiles().map((tile, i) => (i === index ? { ...tile, overlays } : tile)) })
      },

      setFocusedTile(index) {
        updateWall({ focusedTile: index })
      },

      dismissSaveError() {
        set({ saveError: null })
      }
    }
  })
}
