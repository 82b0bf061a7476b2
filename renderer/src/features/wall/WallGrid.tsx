import { useEffect } from 'react'
import type { CameraHealth, CameraView } from '../../../../electron/shared/camera'
import { tileCount, type WallLayout } from '../../../../electron/shared/settings'
import type { Tile } from '../../stores/settings-store'
import type { WallDrop } from './drag'
import { WallTile } from './WallTile'

export interface WallGridProps {
  layout: WallLayout
  tiles: Tile[]
  focusedTile: number | null
  cameras: CameraView[]
  camerasKnown: boolean
  health: Record<string, CameraHealth>
  onDrop: (index: number, drop: WallDrop) => void
  onAssign: (index: number, cameraId: string | null) => void
  onOverlaysChange: (index: number, overlays: boolean) => void
  onFocusedTileChange: (index: number | null) => void
  onEditScene?: (camera: CameraView) => void
}

export function WallGrid(props: WallGridProps) {
  const { layout, tiles, cameras, camerasKnown, health, onFocusedTileChange } = props
  const visibleTiles = tiles.slice(0, tileCount(layout))
  const focusedTile = props.focusedTile !== null && props.focusedTile < visibleTiles.length ? props.focusedTile : null
  const cameraById = new Map(cameras.map((camera) => [camera.id, camera]))

  useEffect(() => {
    if (focusedTile === null) return
    const onKeyDown = (event: KeyboardEvent): void => {
      // An open menu or dialog handles its own Escape first and marks the event as used.
      if (event.key === 'Escape' && !event.defaultPrevented) onFocusedTileChange(null)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [focusedTile, onFocusedTileChange])

  const toggleSingleView = (index: number): void => onFocusedTileChange(focusedTile === index ? null : index)

  return (
    // Every visible tile stays mounted in the single view (the others are only hidden), so going back
    // to the wall shows live video at once instead of reconnecting every stream.
    <div className="wall-grid" data-layout={layout} data-single={focusedTile !== null || undefined} data-testid="wall-grid">
      {visibleTiles.map((tile, index) => {
        const camera = tile.cameraId !== null ? cameraById.get(tile.cameraId) : undefined
        return (
          <WallTile
            key={index}
            index={index}
            tile={tile}
            camera={camera}
            camerasKnown={camerasKnown}
            health={tile.cameraId !== null ? health[tile.cameraId] : undefined}
            cameras={cameras}
            focused={focusedTile === index}
            onDrop={props.onDrop}
            onAssign={props.onAssign}
            onOverlaysChange={props.onOverlaysChange}
            onToggleSingleView={toggleSingleView}
            onEditScene={props.onEditScene}
          />
        )
      })}
    </div>
  )
}
