import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { tileCount } from '../../../../electron/shared/settings'
import type { CameraView } from '../../../../electron/shared/camera'
import { ErrorNote } from '../../components/ErrorNote'
import { useCameras, useSettings } from '../../stores/stores-context'
import { SceneEditorDialog } from '../scene/SceneEditorDialog'
import { usePermission } from '../session/use-permission'
import { CameraSidebar } from './CameraSidebar'
import type { WallDrop } from './drag'
import { LayoutPicker } from './LayoutPicker'
import { WallGrid } from './WallGrid'

export function WallScreen() {
  const { t } = useTranslation()
  const cameras = useCameras((state) => state.cameras)
  const health = useCameras((state) => state.health)
  const camerasStatus = useCameras((state) => state.status)
  const camerasError = useCameras((state) => state.error)
  const wall = useSettings((state) => state.settings.wall)
  const settingsStatus = useSettings((state) => state.status)
  const settingsError = useSettings((state) => state.error)
  const setLayout = useSettings((state) => state.setLayout)
  const assignTile = useSettings((state) => state.assignTile)
  const swapTiles = useSettings((state) => state.swapTiles)
  const setTileOverlays = useSettings((state) => state.setTileOverlays)
  const setFocusedTile = useSettings((state) => state.setFocusedTile)
  // Supervisors recalibrate zones and thresholds from the wall (the cameras screen is the admin's).
  const mayEditScene = usePermission('scene.manage')
  const [sceneCameraId, setSceneCameraId] = useState<string | null>(null)
  const sceneCamera = sceneCameraId !== null ? cameras.find((camera) => camera.id === sceneCameraId) : undefined
  const editScene = useCallback((camera: CameraView) => setSceneCameraId(camera.id), [])

  const onDrop = useCallback(
    (index: number, drop: WallDrop) => {
      if (drop.kind === 'tile') swapTiles(drop.fromIndex, index)
      else assignTile(index, drop.cameraId)
    },
    [assignTile, swapTiles]
  )

  const placeOnFirstFreeTile = (cameraId: string): void => {
    const visible = wall.tiles.slice(0, tileCount(wall.layout))
    const free = visible.findIndex((tile) => tile.cameraId === null)
    if (free !== -1) assignTile(free, cameraId)
  }

  const ready = settingsStatus === 'ready'
  const loadError = settingsError ?? camerasError

  return (
    <div className="wall-screen">
      <CameraSidebar cameras={cameras} health={health} onPlace={placeOnFirstFreeTile} />
      <section className="wall-main" aria-labelledby="wall-title">
        <div className="wall-toolbar">
          <h1 id="wall-title" className="screen-title">
            {wall.focusedTile !== null && wall.focusedTile < tileCount(wall.layout)
              ? t('wall.singleView', { number: wall.focusedTile + 1 })
              : t('wall.title')}
          </h1>
          {wall.focusedTile !== null ? (
            <button type="button" className="button button--ghost" onClick={() => setFocusedTile(null)} data-testid="wall-back">
              {t('wall.backToWall')}
            </button>
          ) : null}
          <LayoutPicker value={wall.layout} onChange={setLayout} disabled={!ready} />
        </div>
        {loadError ? <ErrorNote message={t('app.loadFailed', { message: loadError.message })} code={loadError.code} /> : null}
        {ready ? (
          <WallGrid
            layout={wall.layout}
            tiles={wall.tiles}
            focusedTile={wall.focusedTile}
            cameras={cameras}
            camerasKnown={camerasStatus === 'ready'}
            health={health}
            onDrop={onDrop}
            onAssign={assignTile}
            onOverlaysChange={setTileOverlays}
            onFocusedTileChange={setFocusedTile}
            onEditScene={mayEditScene ? editScene : undefined}
          />
        ) : (
          <p className="wall-loading">{settingsStatus === 'loading' ? t('app.loading') : null}</p>
        )}
      </section>
      {sceneCamera ? <SceneEditorDialog camera={sceneCamera} onClose={() => setSceneCameraId(null)} /> : null}
    </div>
  )
}
