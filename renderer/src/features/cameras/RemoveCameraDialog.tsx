import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import { useCoreAction } from '../../api/use-core-action'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { useCameras } from '../../stores/stores-context'

export interface RemoveCameraDialogProps {
  camera: CameraView
  onClose: () => void
}

export function RemoveCameraDialog({ camera, onClose }: RemoveCameraDialogProps) {
  const { t } = useTranslation()
  const remove = useCameras((state) => state.remove)
  const { busy: removing, error, run } = useCoreAction(onClose)

  const confirm = (): Promise<void> => run(() => remove(camera.id))

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('cameras.remove.title')}
      description={t('cameras.remove.body', { name: camera.name })}
      testId="camera-remove-dialog"
    >
      {error ? <ErrorNote message={error.message} code={error.code} testId="camera-remove-error" /> : null}
      <div className="form__actions">
        <span className="form__spacer" />
        <button type="button" className="button button--ghost" onClick={onClose} autoFocus data-testid="camera-remove-cancel">
          {t('cameras.remove.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={() => void confirm()}
          disabled={removing}
          data-testid="camera-remove-confirm"
        >
          {removing ? t('cameras.remove.removing') : t('cameras.remove.confirm')}
        </button>
      </div>
    </Modal>
  )
}
