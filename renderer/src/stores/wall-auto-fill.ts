import type { CameraView } from '../../../electron/shared/camera'
import type { CamerasStore } from './cameras-store'
import type { SettingsStore, Tile } from './settings-store'

/**
 * A wall that shows no existing camera is filled in camera order, so that a new user (or a site that
 * just replaced the demo cameras) sees live video at once. Returns null when the wall already shows
 * something: an operator's arrangement is never overwritten.
 */
export function planAutoFill(tiles: readonly Tile[], cameras: readonly CameraView[]): Tile[] | null {
  const playable = cameras.filter((camera) => camera.enabled).map((camera) => camera.id)
  if (playable.length === 0) return null
  const known = new Set(cameras.map((camera) => camera.id))
  if (tiles.some((tile) => tile.cameraId !== null && known.has(tile.cameraId))) return null
  return tiles.map((tile, index) => ({ ...tile, cameraId: playable[index] ?? null }))
}

/**
 * Checks once per camera list (the first one, then each change announced by the core), never after
 * the operator's own edits: emptying the wall by hand must not make it refill itself.
 */
export function startWallAutoFill(cameras: CamerasStore, settings: SettingsStore): () => void {
  let checkedList: CameraView[] | null = null
  const check = (): void => {
    const camerasState = cameras.getState()
    const settingsState = settings.getState()
    if (camerasState.status !== 'ready' || settingsState.status !== 'ready') return
    if (camerasState.cameras === checkedList) return
    checkedList = camerasState.cameras
    const plan = planAutoFill(settingsState.settings.wall.tiles, camerasState.cameras)
    if (plan) settingsState.setTiles(plan)
  }
  const stopCameras = cameras.subscribe(check)
  const stopSettings = settings.subscribe(check)
  check()
  return () => {
    stopCameras()
    stopSettings()
  }
}
