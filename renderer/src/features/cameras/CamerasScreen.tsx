import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import { ErrorNote } from '../../components/ErrorNote'
import { useCameras, useRecording } from '../../stores/stores-context'
import { SceneEditorDialog } from '../scene/SceneEditorDialog'
import { usePermission } from '../session/use-permission'
import { CameraFormDialog, type CameraFormTarget } from './CameraFormDialog'
import { CameraTable } from './CameraTable'
import { DetectorChoice } from './DetectorChoice'
import { RecordingPolicyDialog } from './RecordingPolicyDialog'
import { RemoveCameraDialog } from './RemoveCameraDialog'
import { StoragePanel } from './StoragePanel'
import { ScreenHeader } from '../../components/ScreenHeader'

/** Recording states move on (bytes, oldest image): asked again this often while the screen is open. */
const RECORDING_REFRESH_MS = 15_000

export function CamerasScreen() {
  const { t } = useTranslation()
  const cameras = useCameras((state) => state.cameras)
  const health = useCameras((state) => state.health)
  const status = useCameras((state) => state.status)
  const error = useCameras((state) => state.error)
  const [formTarget, setFormTarget] = useState<CameraFormTarget | null>(null)
  const [removing, setRemoving] = useState<CameraView | null>(null)
  const mayEditScene = usePermission('scene.manage')
  const [sceneCameraId, setSceneCameraId] = useState<string | null>(null)
  const sceneCamera = sceneCameraId !== null ? cameras.find((camera) => camera.id === sceneCameraId) : undefined
  const mayConfigureRecording = usePermission('recording.configure')
  const recording = useRecording((state) => state.statuses)
  const loadRecording = useRecording((state) => state.load)
  const [recordingCameraId, setRecordingCameraId] = useState<string | null>(null)
  const recordingCamera = recordingCameraId !== null ? cameras.find((camera) => camera.id === recordingCameraId) : undefined

  useEffect(() => {
    void loadRecording()
    const timer = setInterval(() => void loadRecording(), RECORDING_REFRESH_MS)
    return () => clearInterval(timer)
  }, [loadRecording])

  const demoShown = cameras.some((camera) => camera.demo)

  return (
    <section className="admin-screen" aria-labelledby="cameras-title">
      <ScreenHeader titleId="cameras-title" title={t('cameras.title')} intro={t('cameras.intro')}>
        <button type="button" className="button button--primary" onClick={() => setFormTarget({ mode: 'add' })} data-testid="camera-add">
          {t('cameras.add')}
        </button>
      </ScreenHeader>
      <DetectorChoice />
      {demoShown ? (
        <p className="note note--demo" data-testid="cameras-demo-note">
          {t('cameras.demoNote')}
        </p>
      ) : null}
      {error ? <ErrorNote message={t('cameras.loadFailed', { message: error.message })} code={error.code} /> : null}
      {status === 'loading' ? <p>{t('app.loading')}</p> : null}
      {status === 'ready' && cameras.length === 0 ? <p className="empty-state">{t('cameras.empty')}</p> : null}
      {cameras.length > 0 ? (
        <CameraTable
          cameras={cameras}
          health={health}
          recording={recording}
          onEdit={(camera) => setFormTarget({ mode: 'edit', camera })}
          onRemove={setRemoving}
          onEditScene={mayEditScene ? (camera) => setSceneCameraId(camera.id) : undefined}
          onEditRecording={mayConfigureRecording ? (camera) => setRecordingCameraId(camera.id) : undefined}
        />
      ) : null}
      {mayConfigureRecording ? <StoragePanel /> : null}
      {formTarget ? (
        <CameraFormDialog
          target={formTarget}
          onClose={() => {
            setFormTarget(null)
            void loadRecording()
          }}
        />
      ) : null}
      {recordingCamera ? <RecordingPolicyDialog camera={recordingCamera} onClose={() => setRecordingCameraId(null)} /> : null}
      {removing ? <RemoveCameraDialog camera={removing} onClose={() => setRemoving(null)} /> : null}
      {sceneCamera ? <SceneEditorDialog camera={sceneCamera} onClose={() => setSceneCameraId(null)} /> : null}
    </section>
  )
}
