import { useTranslation } from 'react-i18next'
import type { CameraHealth, CameraView } from '../../../../electron/shared/camera'
import { Badge } from '../../components/Badge'
import { HealthBadge } from '../../components/HealthBadge'
import { startCameraDrag } from './drag'

export interface CameraSidebarProps {
  cameras: CameraView[]
  health: Record<string, CameraHealth>
  /** Keyboard and click path: the camera goes to the first free tile. */
  onPlace: (cameraId: string) => void
}

export function CameraSidebar({ cameras, health, onPlace }: CameraSidebarProps) {
  const { t } = useTranslation()
  return (
    <aside className="wall-sidebar" aria-labelledby="wall-sidebar-title">
      <h2 id="wall-sidebar-title" className="wall-sidebar__title">
        {t('wall.sidebar.title')}
      </h2>
      <p className="wall-sidebar__hint">{t('wall.sidebar.hint')}</p>
      {cameras.length === 0 ? (
        <p className="wall-sidebar__empty">{t('wall.sidebar.empty')}</p>
      ) : (
        <ul className="wall-sidebar__list">
          {cameras.map((camera) => (
            <li key={camera.id}>
              <button
                type="button"
                className="camera-chip"
                draggable
                onDragStart={(event) => startCameraDrag(event, camera.id)}
                onClick={() => onPlace(camera.id)}
                aria-label={t('wall.sidebar.place', { name: camera.name })}
                data-testid={`camera-item-${camera.id}`}
                data-camera-id={camera.id}
                disabled={!camera.enabled}
              >
                <span className="camera-chip__name">{camera.name}</span>
                <span className="camera-chip__meta">
                  <HealthBadge state={health[camera.id]?.state} />
                  {camera.demo ? <Badge tone="demo">{t('badges.demo')}</Badge> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
