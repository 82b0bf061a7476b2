import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraHealth, CameraView } from '../../../../electron/shared/camera'
import { useApi } from '../../api/api-context'
import { Badge } from '../../components/Badge'
import { HealthBadge } from '../../components/HealthBadge'
import { useFormatters } from '../../i18n/format'
import { LiveVideo } from '../../player/LiveVideo'
import type { LiveStats, PlayerProblem } from '../../player/types'
import type { Size } from '../scene/geometry'
import { useElementSize } from '../scene/use-element-size'
import { TileAnalytics } from './TileAnalytics'
import { TileOverlay } from './TileOverlay'
import { useProblemText } from './use-problem-text'

export interface TileLiveProps {
  index: number
  camera: CameraView
  health: CameraHealth | undefined
  /** Whether this tile draws the analytics overlays (a per-tile choice, remembered). */
  overlays: boolean
}

const NO_STATS: LiveStats = { latencyMs: null, framesAdvancing: false }

/** What a tile shows for one camera: name, badges, the live picture, health and latency. Remounted per camera. */
export function TileLive({ index, camera, health, overlays }: TileLiveProps) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const [stats, setStats] = useState<LiveStats>(NO_STATS)
  const [problem, setProblem] = useState<PlayerProblem | null>(null)
  const problemText = useProblemText(problem)
  const mediaRef = useRef<HTMLDivElement>(null)
  const mediaSize = useElementSize(mediaRef)
  const [videoSize, setVideoSize] = useState<Size | null>(null)

  const cameraId = camera.id
  const openUrl = useCallback(async () => (await api.call('live.open', { cameraId })).url, [api, cameraId])

  // The core knows best why a camera is down; the player's own trouble comes second.
  const coreReason = health && (health.state === 'reconnecting' || health.state === 'failed') ? health.reason?.message : undefined
  const errorText = coreReason ?? problemText

  return (
    <>
      <div className="tile__media" ref={mediaRef}>
        <LiveVideo
          className="tile__video"
          openUrl={openUrl}
          onStats={setStats}
          onProblem={setProblem}
          onVideoSize={setVideoSize}
          label={t('wall.tile.labelWithCamera', { number: index + 1, name: camera.name })}
          testId={`tile-video-${index}`}
        />
        {overlays ? <TileOverlay index={index} camera={camera} containerSize={mediaSize} videoSize={videoSize} /> : null}
      </div>
      <div className="tile__top">
        <span className="tile__name" title={camera.name}>
          {camera.name}
        </span>
        <span className="tile__badges">
          {camera.demo ? (
            <Badge tone="demo" title={t('badges.demoTitle')} testId={`tile-demo-${index}`}>
              {t('badges.demo')}
            </Badge>
          ) : null}
          {health?.transcoding ? (
            <Badge tone="info" title={t('badges.transcodedTitle')} testId={`tile-transcoded-${index}`}>
              {t('badges.transcoded')}
            </Badge>
          ) : null}
        </span>
      </div>
      {errorText ? (
        <p className="tile__error" data-testid={`tile-error-${index}`}>
          {errorText}
        </p>
      ) : null}
      <TileAnalytics index={index} camera={camera} />
      <div className="tile__bottom">
        <HealthBadge state={health?.state} testId={`tile-health-${index}`} />
        {stats.latencyMs !== null ? (
          <span className="tile__latency">
            <span className="visually-hidden">{t('wall.tile.latency')} </span>
            <span
              data-testid={`tile-latency-${index}`}
              data-latency-ms={Math.round(stats.latencyMs)}
              data-frames-advancing={stats.framesAdvancing}
              title={t('wall.tile.latency')}
            >
              {t('wall.tile.latencyValue', { value: format.seconds(stats.latencyMs) })}
            </span>
          </span>
        ) : null}
      </div>
    </>
  )
}
