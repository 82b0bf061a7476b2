import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import { TextField } from '../../components/TextField'
import { toggleCamera, type AttachFormValues, type PerimeterInput } from './attach-form'

type PerimeterValues = Pick<AttachFormValues, 'wholeInstallation' | 'cameraIds' | 'cameraIdsText'>

export interface PerimeterFieldProps {
  input: PerimeterInput
  cameras: CameraView[]
  value: PerimeterValues
  onChange: (value: PerimeterValues) => void
}

/**
 * The cameras a document covers: the whole installation, or some cameras (an arrêté préfectoral names
 * them). Unticking « toute l'installation » keeps what was ticked before.
 */
export function PerimeterField({ input, cameras, value, onChange }: PerimeterFieldProps) {
  const { t } = useTranslation()
  return (
    <fieldset className="form__group perimeter-field">
      <legend>{t('compliance.attach.perimeter')}</legend>
      <label className="form__check">
        <input
          type="checkbox"
          checked={value.wholeInstallation}
          onChange={(event) => onChange({ ...value, wholeInstallation: event.target.checked })}
          data-testid="attach-perimeter-all"
        />
        <span>{t('compliance.attach.perimeterAll')}</span>
      </label>
      {value.wholeInstallation ? null : input === 'typed' ? (
        <TextField
          label={t('compliance.attach.cameraIds')}
          value={value.cameraIdsText}
          onChange={(cameraIdsText) => onChange({ ...value, cameraIdsText })}
          hint={t('compliance.attach.cameraIdsHint')}
          autoComplete="off"
          spellCheck={false}
          testId="attach-camera-ids"
        />
      ) : cameras.length === 0 ? (
        <p className="form__hint">{t('compliance.attach.camerasNone')}</p>
      ) : (
        <div className="camera-checklist">
          {cameras.map((camera) => (
            <label key={camera.id} className="form__check">
              <input
                type="checkbox"
                checked={value.cameraIds.includes(camera.id)}
                onChange={(event) => onChange({ ...value, cameraIds: toggleCamera(value.cameraIds, camera.id, event.target.checked) })}
                data-testid={`attach-camera-${camera.id}`}
              />
              <span>
                {camera.name} <code className="form__hint">{camera.id}</code>
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  )
}
