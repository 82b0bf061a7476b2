import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { useRecording } from '../../stores/stores-context'
import { RecordingSection, useRecordingPolicy, useRecordingProblemText } from './RecordingSection'

/**
 * The recording of a camera whose configuration is read-only (the demo site's): the same section as
 * in the camera form, on its own.
 */
export function RecordingPolicyDialog({ camera, onClose }: { camera: CameraView; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useRecordingPolicy(camera.id)
  const problemText = useRecordingProblemText()
  const reload = useRecording((state) => state.load)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const problem = form.check()
    if (problem) {
      setError({ code: null, message: problemText(problem) })
      return
    }
    setSaving(true)
    setError(null)
    try {
      await form.save(camera.id)
      void reload()
      onClose()
    } catch (failure) {
      setError(toShownError(failure))
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('cameras.recording.dialogTitle', { name: camera.name })}
      testId="recording-policy-dialog"
    >
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <RecordingSection form={form} testIdPrefix="recording-policy" />
        {error ? <ErrorNote message={error.message} code={error.code} testId="recording-policy-error" /> : null}
        <div className="form__actions">
          <span className="form__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose} data-testid="recording-policy-cancel">
            {t('cameras.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving || form.status !== 'ready'} data-testid="recording-policy-save">
            {saving ? t('cameras.form.saving') : t('cameras.form.save')}
          </button>
        </div>
      </form>
    </Modal>
  )
}
