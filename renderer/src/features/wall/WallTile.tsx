import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraHealth, CameraView } from '../../../../electron/shared/camera'
import type { Tile } from '../../stores/settings-store'
import { useAnalytics } from '../../stores/stores-context'
import { anyModuleRunning } from '../scene/module-run'
import { carriesCamera, isTileDrag, readDrop, startTileDrag, type WallDrop } from './drag'
import { TileLive } from './TileLive'
import { TileMenu } from './TileMenu'

export interface WallTileProps {
  index: number
  tile: Tile
  /** Undefined when the tile is empty, or names a camera that no longer exists. */
  camera: CameraView | undefined
  camerasKnown: boolean
  health: CameraHealth | undefined
  cameras: CameraView[]
  focused: boolean
  onDrop: (index: number, drop: WallDrop) => void
  onAssign: (index: number, cameraId: string | null) => void
  onOverlaysChange: (index: number, overlays: boolean) => void
  onToggleSingleView: (index: number) => void
  /** Opens a camera's zones and rules; absent when the person may not change them. */
  onEditScene?: (camera: CameraView) => void
}

export function WallTile(props: WallTileProps) {
  const { index, tile, camera, camerasKnown, health, cameras, focused } = props
  const { t } = useTranslation()
  const [dropTarget, setDropTarget] = useState(false)
  // dragenter/dragleave fire for every child crossed: count them to know when the pointer really left.
  const dragDepth = useRef(0)

  const number = index + 1
  const label = camera
    ? t('wall.tile.labelWithCamera', { number, name: camera.name })
    : t('wall.tile.label', { number })

  const onDragEnter = (event: DragEvent): void => {
    if (!carriesCamera(event)) return
    dragDepth.current += 1
    setDropTarget(true)
  }
  const onDragOver = (event: DragEvent): void => {
    if (!carriesCamera(event)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = isTileDrag(event) ? 'move' : 'copy'
  }
  const onDragLeave = (): void => {
    dragDepth.current = Math.max(0, dragDepth.current - 1)
    if (dragDepth.current === 0) setDropTarget(false)
  }
  const onDrop = (event: DragEvent): void => {
    event.preventDefault()
    dragDepth.current = 0
    setDropTarget(false)
    const drop = readDrop(event)
    if (drop) props.onDrop(index, drop)
  }
  const withAnalytics = camera !== undefined && camera.enabled && camera.analytics.length > 0
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget) return
    // Enter on the tile itself is the keyboard twin of the double-click.
    if (event.key === 'Enter') {
      event.preventDefault()
      props.onToggleSingleView(index)
    }
    // O shows or hides the analytics overlays, like the button in the tile's corner.
    if ((event.key === 'o' || event.key === 'O') && !event.ctrlKey && !event.metaKey && !event.altKey && withAnalytics) {
      event.preventDefault()
      props.onOverlaysChange(index, !tile.overlays)
    }
  }

  return (
    <div
      className="tile"
      role="group"
      tabIndex={0}
      aria-label={label}
      data-testid={`tile-${index}`}
      data-camera-id={tile.cameraId ?? undefined}
      data-health={tile.cameraId ? (health?.state ?? 'unknown') : undefined}
      data-focused={focused || undefined}
      data-drop-target={dropTarget || undefined}
      onDoubleClick={() => props.onToggleSingleView(index)}
      onKeyDown={onKeyDown}
      onDragEnter={onDragEnter}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      // A tile showing a camera can itself be dragged onto another tile to swap them.
      draggable={tile.cameraId !== null}
      onDragStart={(event) => {
        if (tile.cameraId !== null) startTileDrag(event, tile.cameraId, index)
      }}
    >
      {camera && camera.enabled ? (
        <TileLive key={camera.id} index={index} camera={camera} health={health} overlays={tile.overlays} />
      ) : (
        <TilePlaceholder index={index} tile={tile} camera={camera} camerasKnown={camerasKnown} />
      )}
      <span className="tile__number" aria-hidden="true">
        {number}
      </span>
      {withAnalytics ? (
        <OverlayToggle index={index} camera={camera} pressed={tile.overlays} onChange={(overlays) => props.onOverlaysChange(index, overlays)} />
      ) : null}
      <TileMenu
        index={index}
        cameraId={tile.cameraId}
        cameras={cameras}
        overlays={tile.overlays}
        onAssign={(cameraId) => props.onAssign(index, cameraId)}
        onOverlaysChange={(overlays) => props.onOverlaysChange(index, overlays)}
        onEditScene={camera && props.onEditScene ? () => props.onEditScene?.(camera) : undefined}
      />
      {focused ? <p className="tile__hint">{t('wall.tile.singleViewHint')}</p> : null}
    </div>
  )
}

interface OverlayToggleProps {
  index: number
  camera: CameraView
  pressed: boolean
  onChange: (overlays: boolean) => void
}

/** The overlays' switch in the tile's corner; it says when there is nothing to overlay (no analytics running). */
function OverlayToggle({ index, camera, pressed, onChange }: OverlayToggleProps) {
  const { t } = useTranslation()
  const running = useAnalytics((state) => anyModuleRunning(state.runs[camera.id]))
  return (
    <button
      type="button"
      className="tile__overlay-button"
      aria-pressed={pressed}
      aria-label={t('wall.tile.overlaysToggle', { number: index + 1 })}
      aria-keyshortcuts="O"
      title={running ? t('wall.tile.overlaysTitle') : t('wall.tile.overlaysIdle')}
      data-running={running}
      onClick={() => onChange(!pressed)}
      // Toggling must not also toggle the single view.
      onDoubleClick={(event) => event.stopPropagation()}
      data-testid={`tile-overlays-${index}`}
    >
      <span className="tile__overlay-icon" aria-hidden="true" />
    </button>
  )
}

interface TilePlaceholderProps {
  index: number
  tile: Tile
  camera: CameraView | undefined
  camerasKnown: boolean
}

function TilePlaceholder({ index, tile, camera, camerasKnown }: TilePlaceholderProps) {
  const { t } = useTranslation()
  if (tile.cameraId === null) {
    return (
      <div className="tile__empty">
        <span className="tile__empty-title">{t('wall.tile.empty')}</span>
        <span className="tile__empty-hint">{t('wall.tile.emptyHint')}</span>
      </div>
    )
  }
  // Until the list has arrived, an unknown id is not yet "missing".
  if (!camerasKnown) return <div className="tile__empty" />
  return (
    <div className="tile__empty">
      {camera ? <span className="tile__empty-title">{camera.name}</span> : null}
      <p className="tile__error" data-testid={`tile-error-${index}`}>
        {camera ? t('wall.tile.disabledCamera') : t('wall.tile.missingCamera', { id: tile.cameraId })}
      </p>
    </div>
  )
}
