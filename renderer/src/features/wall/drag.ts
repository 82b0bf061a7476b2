import type { DragEvent } from 'react'

/** A camera being dragged (from the sidebar or from another tile). */
export const CAMERA_DRAG_TYPE = 'application/x-vigie-camera'
/** Present as well when the drag started on a tile: dropping then swaps the two tiles. */
export const TILE_DRAG_TYPE = 'application/x-vigie-tile'

export type WallDrop = { kind: 'camera'; cameraId: string } | { kind: 'tile'; fromIndex: number }

export function startCameraDrag(event: DragEvent, cameraId: string): void {
  event.dataTransfer.setData(CAMERA_DRAG_TYPE, cameraId)
  event.dataTransfer.effectAllowed = 'copy'
}

export function startTileDrag(event: DragEvent, cameraId: string, index: number): void {
  event.dataTransfer.setData(CAMERA_DRAG_TYPE, cameraId)
  event.dataTransfer.setData(TILE_DRAG_TYPE, String(index))
  event.dataTransfer.effectAllowed = 'copyMove'
}

/** During dragover only the types are readable, not the data. */
export function carriesCamera(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(CAMERA_DRAG_TYPE)
}

export function isTileDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(TILE_DRAG_TYPE)
}

export function readDrop(event: DragEvent): WallDrop | null {
  const fromTile = event.dataTransfer.getData(TILE_DRAG_TYPE)
  if (fromTile !== '' && Number.isInteger(Number(fromTile))) return { kind: 'tile', fromIndex: Number(fromTile) }
  const cameraId = event.dataTransfer.getData(CAMERA_DRAG_TYPE)
  return cameraId ? { kind: 'camera', cameraId } : null
}
