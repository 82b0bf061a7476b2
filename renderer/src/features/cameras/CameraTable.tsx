import { useTranslation } from 'react-i18next'
import type { CameraHealth, CameraView } from '../../../../electron/shared/camera'
import type { RecordingStatus } from '../../../../electron/shared/recording'
import { Badge } from '../../components/Badge'
import { HealthBadge } from '../../components/HealthBadge'
import { useFormatters } from '../../i18n/format'
import { RecordingStateBadge } from './RecordingStateBadge'

export interface CameraTableProps {
  cameras: CameraView[]
  health: Record<string, CameraHealth>
  /** Each camera's recorder; a camera missing here is not known yet. */
  recording: Record<string, RecordingStatus>
  onEdit: (camera: CameraView) => void
  onRemove: (camera: CameraView) => void
  /** Opens a camera's zones and rules; absent when the person may not change them. */
  onEditScene?: (camera: CameraView) => void
  /** Opens the recording of a read-only (demo) camera; absent when the person may not change it. */
  onEditRecording?: (camera: CameraView) => void
}

export function CameraTable({ cameras, health, recording, onEdit, onRemove, onEditScene, onEditRecording }: CameraTableProps) {
  const { t } = useTranslation()
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="cameras-table">
        <thead>
          <tr>
            <th scope="col">{t('cameras.columns.name')}</th>
            <th scope="col">{t('cameras.columns.id')}</th>
            <th scope="col">{t('cameras.columns.source')}</th>
            <th scope="col">{t('cameras.columns.transport')}</th>
            <th scope="col">{t('cameras.columns.transcode')}</th>
            <th scope="col">{t('cameras.columns.group')}</th>
            <th scope="col">{t('cameras.columns.health')}</th>
            <th scope="col">{t('cameras.columns.recording')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('cameras.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cameras.map((camera) => (
            <CameraRow
              key={camera.id}
              camera={camera}
              health={health[camera.id]}
              recording={recording[camera.id]}
              onEdit={onEdit}
              onRemove={onRemove}
              onEditScene={onEditScene}
              onEditRecording={onEditRecording}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

interface CameraRowProps {
  camera: CameraView
  health: CameraHealth | undefined
  recording: RecordingStatus | undefined
  onEdit: (camera: CameraView) => void
  onRemove: (camera: CameraView) => void
  onEditScene?: (camera: CameraView) => void
  onEditRecording?: (camera: CameraView) => void
}

function CameraRow({ camera, health, recording, onEdit, onRemove, onEditScene, onEditRecording }: CameraRowProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const showReason = health?.reason && (health.state === 'reconnecting' || health.state === 'failed')
  return (
    <tr data-testid={`camera-row-${camera.id}`} data-health={health?.state ?? 'unknown'}>
      <th scope="row">
        <span className="data-table__name">{camera.name}</span>
        {camera.demo ? <Badge tone="demo">{t('badges.demo')}</Badge> : null}
        {!camera.enabled ? <Badge>{t('cameras.disabled')}</Badge> : null}
      </th>
      <td>
        <code>{camera.id}</code>
      </td>
      <td className="data-table__source">
        <code title={camera.source}>{camera.source}</code>
      </td>
      <td>{t(`cameras.transport.${camera.rtspTransport}`)}</td>
      <td>
        {t(`cameras.transcode.${camera.transcode}`)}
        {health?.transcoding ? (
          <>
            {' '}
            <Badge tone="info" title={t('badges.transcodedTitle')}>
              {t('badges.transcoded')}
            </Badge>
          </>
        ) : null}
      </td>
      <td>{camera.group}</td>
      <td>
        <HealthBadge state={health?.state} testId={`camera-health-${camera.id}`} />
        {health ? (
          <span className="data-table__detail">{t('health.since', { time: format.time(health.since) })}</span>
        ) : null}
        {showReason ? (
          <span className="data-table__reason" data-testid={`camera-reason-${camera.id}`}>
            {health.reason?.message}
          </span>
        ) : null}
      </td>
      <td>
        <RecordingCell cameraId={camera.id} status={recording} />
      </td>
      <td className="data-table__actions">
        {/* Zones and rules are kept apart from the camera's configuration: demo cameras have them too. */}
        {onEditScene ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => onEditScene(camera)}
            aria-label={t('cameras.actions.sceneNamed', { name: camera.name })}
            data-testid={`camera-scene-${camera.id}`}
          >
            {t('cameras.actions.scene')}
          </button>
        ) : null}
        {camera.demo && onEditRecording ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => onEditRecording(camera)}
            aria-label={t('cameras.actions.recordingNamed', { name: camera.name })}
            data-testid={`camera-recording-edit-${camera.id}`}
          >
            {t('cameras.actions.recording')}
          </button>
        ) : null}
        {camera.demo ? (
          <span className="data-table__detail">{t('cameras.readOnly')}</span>
        ) : (
          <>
            <button
              type="button"
              className="button button--small"
              onClick={() => onEdit(camera)}
              aria-label={t('cameras.actions.editNamed', { name: camera.name })}
              data-testid={`camera-edit-${camera.id}`}
            >
              {t('cameras.actions.edit')}
            </button>
            <button
              type="button"
              className="button button--small button--danger-ghost"
              onClick={() => onRemove(camera)}
              aria-label={t('cameras.actions.removeNamed', { name: camera.name })}
              data-testid={`camera-remove-${camera.id}`}
            >
              {t('cameras.actions.remove')}
            </button>
          </>
        )}
      </td>
    </tr>
  )
}

/** Whether the camera records, what it keeps and since when, and why not when it does not. */
function RecordingCell({ cameraId, status }: { cameraId: string; status: RecordingStatus | undefined }) {
  const { t } = useTranslation()
  const format = useFormatters()
  if (!status) return <span className="data-table__detail">—</span>
  return (
    <span data-testid={`camera-recording-${cameraId}`} data-state={status.state}>
      <RecordingStateBadge status={status} />
      {status.bytes > 0 ? <span className="data-table__detail">{format.fileSize(status.bytes)}</span> : null}
      {status.oldest !== null ? <span className="data-table__detail">{t('cameras.recording.since', { date: format.until(status.oldest) })}</span> : null}
      {status.problem ? <span className="data-table__reason">{status.problem}</span> : null}
    </span>
  )
}
