import { useTranslation } from 'react-i18next'
import { MAX_PLAYBACK_CAMERAS } from '../../stores/playback-store'
import { useRecording } from '../../stores/stores-context'
import { RecordingStateBadge } from '../cameras/RecordingStateBadge'
import type { CameraChoice } from './PlaceHoldDialog'

export interface PlaybackCameraListProps {
  choices: CameraChoice[]
  /** False for someone who may not list cameras (a DPO): the list comes from holds and lifts. */
  listed: boolean
  selected: readonly string[]
  activeCameraId: string | null
  onToggle: (cameraId: string) => void
}

/** The cameras to play together: four at most, ticked in the order they take the tiles. */
export function PlaybackCameraList({ choices, listed, selected, activeCameraId, onToggle }: PlaybackCameraListProps) {
  const { t } = useTranslation()
  const statuses = useRecording((state) => state.statuses)
  const full = selected.length >= MAX_PLAYBACK_CAMERAS

  return (
    <aside className="wall-sidebar playback-cameras" aria-labelledby="playback-cameras-title">
      <h2 id="playback-cameras-title" className="wall-sidebar__title">
        {t('playback.cameras.title')}
      </h2>
      <p className="wall-sidebar__hint" id="playback-cameras-hint">
        {full ? t('playback.cameras.full', { count: MAX_PLAYBACK_CAMERAS }) : t('playback.cameras.hint', { count: MAX_PLAYBACK_CAMERAS })}
      </p>
      {!listed ? <p className="wall-sidebar__hint">{t('playback.cameras.notListed')}</p> : null}
      {choices.length === 0 ? (
        <p className="wall-sidebar__empty">{t('playback.cameras.empty')}</p>
      ) : (
        <ul className="playback-cameras__list">
          {choices.map((camera) => {
            const checked = selected.includes(camera.id)
            const status = statuses[camera.id]
            return (
              <li key={camera.id}>
                <label className="playback-camera" data-active={camera.id === activeCameraId || undefined} data-testid={`playback-camera-${camera.id}`}>
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={!checked && full}
                    onChange={() => onToggle(camera.id)}
                    aria-describedby="playback-cameras-hint"
                    data-testid={`playback-camera-check-${camera.id}`}
                  />
                  <span className="playback-camera__name">{camera.name}</span>
                  {status ? <RecordingStateBadge status={status} /> : null}
                </label>
              </li>
            )
          })}
        </ul>
      )}
    </aside>
  )
}
