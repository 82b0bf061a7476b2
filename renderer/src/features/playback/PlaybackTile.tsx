import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'
import type { MaskLift } from '../../../../electron/shared/recording'
import { Badge } from '../../components/Badge'
import { useFormatters } from '../../i18n/format'
import { useProblemText } from '../wall/use-problem-text'
import type { PlaybackController } from './playback-controller'

export interface PlaybackTileProps {
  index: number
  cameraId: string
  name: string
  demo: boolean
  controller: PlaybackController
  active: boolean
  /** The lift in force on this camera, for the « until » of the masks indicator. */
  lift: MaskLift | null
  onActivate: (cameraId: string) => void
}

/** One camera's recording, in step with the others, with what the operator must know about it. */
export function PlaybackTile({ index, cameraId, name, demo, controller, active, lift, onActivate }: PlaybackTileProps) {
  const { t } = useTranslation()
  const videoRef = useRef<HTMLVideoElement>(null)
  const status = useStore(controller.ui, (state) => state.tiles[cameraId])
  const problemText = useProblemText(status?.problem ?? null)

  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    return controller.attach(cameraId, video)
  }, [controller, cameraId])

  const state = status?.state ?? 'opening'
  const label = t('playback.tile.label', { number: index + 1, name })
  const errorText = state === 'error' ? (status?.error?.message ?? problemText ?? t('playback.tile.failed')) : problemText

  return (
    <div
      className="tile playback-tile"
      role="group"
      aria-label={label}
      data-testid={`playback-tile-${index}`}
      data-camera-id={cameraId}
      data-state={state}
      data-masked={status?.masked ?? undefined}
      data-stream={status?.stream}
      data-active={active || undefined}
      onPointerDown={() => onActivate(cameraId)}
    >
      <div className="tile__media">
        <video
          ref={videoRef}
          className="tile__video"
          data-testid={`playback-video-${index}`}
          aria-label={label}
          muted
          playsInline
          disablePictureInPicture
          disableRemotePlayback
        />
      </div>
      <div className="tile__top">
        <span className="tile__name" title={name}>
          {name}
        </span>
        <span className="tile__badges">
          {demo ? <Badge tone="demo">{t('badges.demo')}</Badge> : null}
          <MasksIndicator index={index} masked={status?.masked ?? null} lift={lift} />
        </span>
      </div>
      <span className="tile__number" aria-hidden="true">
        {index + 1}
      </span>
      {state === 'no-recording' ? (
        <p className="playback-tile__notice" data-testid={`playback-no-recording-${index}`} title={status?.error?.message}>
          {t('playback.tile.noRecording')}
          {status?.error ? <span className="playback-tile__why">{status.error.message}</span> : null}
        </p>
      ) : null}
      {state === 'opening' || state === 'buffering' ? (
        <p className="playback-tile__loading" aria-hidden="true">
          {t('playback.tile.loading')}
        </p>
      ) : null}
      {errorText && state !== 'no-recording' ? (
        <p className="tile__error" role="alert" data-testid={`playback-error-${index}`}>
          {t('playback.tile.error', { message: errorText })}
        </p>
      ) : null}
      <div className="tile__bottom">
        <span className="playback-tile__state">{t(`playback.tile.states.${state}`)}</span>
        {active ? <span className="playback-tile__active">{t('playback.tile.active')}</span> : null}
      </div>
    </div>
  )
}

function MasksIndicator({ index, masked, lift }: { index: number; masked: boolean | null; lift: MaskLift | null }) {
  const { t } = useTranslation()
  const format = useFormatters()
  if (masked === null) return null
  if (masked) {
    return (
      <Badge tone="ok" title={t('playback.tile.maskedTitle')} testId={`playback-masks-${index}`}>
        {t('playback.tile.masked')}
      </Badge>
    )
  }
  // Unmasked without a lift in force: the camera has no privacy mask to apply.
  if (!lift) {
    return (
      <Badge title={t('playback.tile.noMasksTitle')} testId={`playback-masks-${index}`}>
        {t('playback.tile.noMasks')}
      </Badge>
    )
  }
  const text = lift.until !== null ? t('playback.tile.unmaskedUntil', { time: format.until(lift.until) }) : t('playback.tile.unmasked')
  return (
    <Badge tone="warn" title={t('playback.tile.unmaskedTitle')} testId={`playback-masks-${index}`}>
      {text}
    </Badge>
  )
}

/** An empty place in the 2×2 layout. */
export function EmptyPlaybackTile({ index }: { index: number }) {
  const { t } = useTranslation()
  return (
    <div className="tile" data-testid={`playback-tile-${index}`} data-state="empty">
      <div className="tile__empty">
        <span className="tile__empty-title">{t('playback.tile.empty')}</span>
        <span className="tile__empty-hint">{t('playback.tile.emptyHint')}</span>
      </div>
      <span className="tile__number" aria-hidden="true">
        {index + 1}
      </span>
    </div>
  )
}
