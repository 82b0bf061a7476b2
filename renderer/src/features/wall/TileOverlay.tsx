import { useEffect, useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import type { Scene } from '../../../../electron/shared/scene'
import { SCENE_MAX_AGE_MS } from '../../stores/scenes-store'
import { useAnalytics, useScenes } from '../../stores/stores-context'
import { boxToScreen, containedRect, type Size } from '../scene/geometry'
import { anyModuleRunning } from '../scene/module-run'
import { MaskHatch, SceneShapes, svgId } from '../scene/SceneShapes'
import { useTrackLabel } from './track-label'
import { useFreshOverlay } from './use-fresh-overlay'

export interface TileOverlayProps {
  index: number
  camera: CameraView
  /** The tile's media area, in CSS pixels. */
  containerSize: Size
  /** The picture's own size; nothing is drawn until it is known (nothing to line up with yet). */
  videoSize: Size | null
}

/**
 * What the analytics see, over the live picture: the scene's zones and lines, each tracked object's
 * box with its class and number, and the counters of the counting rules. Drawn only while a module
 * runs on the camera, and only from frames less than a second old.
 */
export function TileOverlay({ index, camera, containerSize, videoSize }: TileOverlayProps) {
  const { t } = useTranslation()
  const trackLabel = useTrackLabel()
  const running = useAnalytics((state) => anyModuleRunning(state.runs[camera.id]))
  const ensureScene = useScenes((state) => state.ensure)
  const scene = useScenes((state) => state.byCamera[camera.id]?.scene ?? null)
  const overlay = useFreshOverlay(camera.id)
  const hatchId = svgId(useId(), 'hatch')

  const cameraId = camera.id
  useEffect(() => {
    if (!running) return
    ensureScene(cameraId)
    // A scene changed on another workstation shows up here within a minute.
    const timer = setInterval(() => ensureScene(cameraId), SCENE_MAX_AGE_MS)
    return () => clearInterval(timer)
  }, [running, cameraId, ensureScene])

  if (!running || !videoSize || containerSize.width === 0) return null
  const rect = containedRect(containerSize, videoSize)
  const counts = overlay?.counts ?? []

  return (
    <>
      <svg className="tile-overlay" width={containerSize.width} height={containerSize.height} aria-hidden="true" data-testid={`tile-overlay-${index}`}>
        <defs>
          <MaskHatch id={hatchId} />
        </defs>
        {scene ? <SceneShapes zones={scene.zones} lines={scene.lines} masks={scene.masks} rect={rect} hatchId={hatchId} variant="tile" /> : null}
        {overlay?.tracks.map((track) => {
          const box = boxToScreen(rect, track.box)
          const label = t('wall.overlay.track', { label: trackLabel(track.label, track.group), id: track.id })
          // Above the box, or inside it when the box touches the top of the picture.
          const labelY = box.y - 4 < rect.y + 12 ? box.y + 13 : box.y - 4
          return (
            <g key={track.id} className="tile-track" data-group={track.group}>
              <rect className="tile-track__box" x={box.x} y={box.y} width={Math.max(1, box.width)} height={Math.max(1, box.height)} />
              <text className="tile-track__label" x={box.x + 2} y={labelY}>
                {label}
              </text>
            </g>
          )
        })}
      </svg>
      {counts.length > 0 ? <TileCounts index={index} counts={counts} scene={scene} /> : null}
    </>
  )
}

interface TileCountsProps {
  index: number
  counts: Array<{ ruleId: string; in: number; out: number; occupancy: number }>
  scene: Scene | null
}

function TileCounts({ index, counts, scene }: TileCountsProps) {
  const { t } = useTranslation()
  return (
    <ul className="tile-counts" aria-label={t('wall.overlay.counts')} data-testid={`tile-counts-${index}`}>
      {counts.map((count) => {
        const rule = scene?.rules.find((candidate) => candidate.id === count.ruleId)
        // Without the scene, say everything the frame carries; with it, only what the rule measures.
        const crossing = rule ? rule.lineId !== undefined : true
        const parts = [
          crossing ? t('wall.overlay.countIn', { count: count.in }) : null,
          crossing ? t('wall.overlay.countOut', { count: count.out }) : null,
          count.occupancy >= 0 ? t('wall.overlay.occupancy', { count: count.occupancy }) : null
        ].filter(Boolean)
        return (
          <li key={count.ruleId} className="tile-counts__line" data-rule-id={count.ruleId}>
            <span className="tile-counts__name">{rule?.name ?? count.ruleId}</span> {parts.join(' · ')}
          </li>
        )
      })}
    </ul>
  )
}
