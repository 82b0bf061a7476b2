import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { Alert } from '../../../../electron/shared/alerts'
import { useApi } from '../../api/api-context'
import { useFormatters } from '../../i18n/format'
import { useProblemText } from '../wall/use-problem-text'
import { ClipPlayer, type ClipStatus } from './clip-player'

/** Recorded before the event, and after it: enough to see what led to it and what followed. */
export const CLIP_BEFORE_MS = 5000
export const CLIP_AFTER_MS = 10_000

export interface ClipHandle {
  toggle(): void
}

export interface AlertClipProps {
  alert: Alert
  /** Whether this person may watch recordings at all (playback.view). */
  allowed: boolean
  /** Whether the camera's scene has privacy masks, which the clip must then show burned in (or lifted). */
  hasMasks: boolean
  handle?: Ref<ClipHandle>
}

const IDLE: ClipStatus = { state: 'idle', position: null, masked: null, error: null, problem: null }

/**
 * The recording around the alert, played once from five seconds before to ten seconds after, with a
 * label that says at every moment whether the picture is before or after the event. Remounted per alert.
 */
export function AlertClip({ alert, allowed, hasMasks, handle }: AlertClipProps) {
  const { t } = useTranslation()
  const api = useApi()
  const format = useFormatters()
  const videoRef = useRef<HTMLVideoElement>(null)
  const playerRef = useRef<ClipPlayer | null>(null)
  const [status, setStatus] = useState<ClipStatus>(IDLE)
  const problemText = useProblemText(status.problem)

  const { cameraId, at } = alert
  useEffect(() => {
    const video = videoRef.current
    if (!video || !allowed) return
    const player = new ClipPlayer(video, {
      open: () => api.call('playback.open', { cameraId, at: at - CLIP_BEFORE_MS, speed: 1 }),
      endAt: at + CLIP_AFTER_MS,
      onChange: setStatus
    })
    playerRef.current = player
    void player.start()
    return () => {
      player.dispose()
      playerRef.current = null
    }
  }, [api, cameraId, at, allowed])

  useImperativeHandle(handle, () => ({ toggle: () => playerRef.current?.toggle() }), [])

  const position = status.position
  const offset = position === null ? null : position - at
  const phase = offset === null ? null : Math.abs(offset) < 250 ? 'at' : offset < 0 ? 'pre' : 'post'
  const showVideo = status.state === 'playing' || status.state === 'paused' || status.state === 'ended'

  return (
    <div className="alert-clip" data-state={allowed ? status.state : 'forbidden'} data-testid="alert-clip">
      <div className="alert-clip__media" data-shown={showVideo}>
        <video ref={videoRef} className="alert-clip__video" muted playsInline aria-label={t('alerts.clip.videoLabel')} data-testid="alert-clip-video" />
        {phase ? (
          <span className="alert-clip__phase" data-phase={phase} data-testid="alert-clip-phase">
            {phase === 'at'
              ? t('alerts.clip.atEvent')
              : t(phase === 'pre' ? 'alerts.clip.preRoll' : 'alerts.clip.postRoll', { value: format.seconds(Math.abs(offset ?? 0)) })}
          </span>
        ) : null}
      </div>
      <p className="alert-clip__caption">{t('alerts.clip.label', { before: CLIP_BEFORE_MS / 1000, after: CLIP_AFTER_MS / 1000 })}</p>
      {position !== null ? (
        <progress className="alert-clip__progress" max={CLIP_BEFORE_MS + CLIP_AFTER_MS} value={Math.max(0, Math.min(CLIP_BEFORE_MS + CLIP_AFTER_MS, position - (at - CLIP_BEFORE_MS)))} />
      ) : null}
      {!allowed ? <p className="note">{t('alerts.clip.noPermission')}</p> : null}
      {allowed && status.state === 'opening' ? <p className="alert-clip__status">{t('alerts.clip.opening')}</p> : null}
      {allowed && status.state === 'failed' ? (
        <p className="alert-clip__unavailable" data-testid="alert-clip-unavailable" data-error-code={status.error?.code ?? undefined}>
          {t('alerts.clip.unavailable', { message: status.error?.message ?? problemText ?? '' })}
        </p>
      ) : null}
      {allowed && status.state === 'ended' ? <p className="alert-clip__status">{t('alerts.clip.ended')}</p> : null}
      {allowed && hasMasks && status.masked !== null && showVideo ? <p className="form__hint" data-testid="alert-clip-masks">{t(status.masked ? 'alerts.clip.masked' : 'alerts.clip.unmasked')}</p> : null}
      {allowed ? (
        <div className="alert-clip__controls">
          {status.state === 'playing' || status.state === 'paused' ? (
            <button type="button" className="button button--small" onClick={() => playerRef.current?.toggle()} data-testid="alert-clip-toggle">
              {status.state === 'playing' ? t('alerts.clip.pause') : t('alerts.clip.play')}
              <kbd className="kbd">{t('alerts.shortcuts.keys.space')}</kbd>
            </button>
          ) : null}
          {status.state === 'ended' || status.state === 'failed' ? (
            <button type="button" className="button button--small" onClick={() => playerRef.current?.toggle()} data-testid="alert-clip-replay">
              {t('alerts.clip.replay')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
