import { useId, useState, type ChangeEvent, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CameraView } from '../../../../electron/shared/camera'
import type { CameraProbeResult } from '../../../../electron/shared/contract'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'
import { Modal } from '../../components/Modal'
import { useCameras } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'
import { RecordingSection, useRecordingPolicy, useRecordingProblemText } from './RecordingSection'
import { CAMERA_MODULES, cameraFormFrom, emptyCameraForm, looksRedacted, slugify, toCameraConfig, type CameraFormValues } from './camera-form'

export type CameraFormTarget = { mode: 'add' } | { mode: 'edit'; camera: CameraView }

type ProbeState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; result: CameraProbeResult }
  | { status: 'error'; error: ShownError }

export interface CameraFormDialogProps {
  target: CameraFormTarget
  onClose: () => void
}

/** Add or edit one camera. On any refusal the dialog stays open with everything typed, and says why. */
export function CameraFormDialog({ target, onClose }: CameraFormDialogProps) {
  const { t } = useTranslation()
  const add = useCameras((state) => state.add)
  const update = useCameras((state) => state.update)
  const probe = useCameras((state) => state.probe)
  const ids = useFieldIds()

  const original = target.mode === 'edit' ? target.camera : null
  const [values, setValues] = useState<CameraFormValues>(() => (original ? cameraFormFrom(original) : emptyCameraForm()))
  const [idTouched, setIdTouched] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)
  const [probeState, setProbeState] = useState<ProbeState>({ status: 'idle' })
  // Set once an added camera exists: a second try (its recording refused) updates it instead.
  const [addedId, setAddedId] = useState<string | null>(null)
  const mayConfigureRecording = usePermission('recording.configure')
  const recording = useRecordingPolicy(original?.id ?? null)
  const recordingProblemText = useRecordingProblemText()

  const sourceIsRedactedCopy = original !== null && values.source === original.source && looksRedacted(original.source)

  const set =
    <K extends keyof CameraFormValues>(key: K) =>
    (value: CameraFormValues[K]): void =>
      setValues((current) => ({ ...current, [key]: value }))

  const onNameChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const name = event.target.value
    // The identifier follows the name until the operator types one of their own.
    setValues((current) => ({ ...current, name, id: target.mode === 'add' && !idTouched && addedId === null ? slugify(name) : current.id }))
  }

  const onSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const recordingProblem = mayConfigureRecording ? recording.check() : null
    if (recordingProblem) {
      setError({ code: null, message: recordingProblemText(recordingProblem) })
      return
    }
    setSaving(true)
    setError(null)
    try {
      const config = toCameraConfig(values)
      let cameraId: string
      if (target.mode === 'add' && addedId === null) {
        cameraId = (await add(config)).id
        setAddedId(cameraId)
      } else if (target.mode === 'add') {
        cameraId = (await update(config)).id
      } else {
        // Address untouched: send none, and the core keeps the stored one with its real credentials.
        cameraId = (await update(sourceIsRedactedCopy ? { ...config, source: undefined } : config)).id
      }
      if (mayConfigureRecording) await recording.save(cameraId)
      onClose()
    } catch (failure) {
      setError(toShownError(failure))
      setSaving(false)
    }
  }

  const onTest = async (): Promise<void> => {
    setProbeState({ status: 'running' })
    try {
      const target = sourceIsRedactedCopy && original ? { cameraId: original.id } : { source: values.source, rtspTransport: values.rtspTransport }
      setProbeState({ status: 'done', result: await probe(target) })
    } catch (failure) {
      setProbeState({ status: 'error', error: toShownError(failure) })
    }
  }

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={original ? t('cameras.form.editTitle', { name: original.name }) : t('cameras.form.addTitle')}
      description={t('cameras.form.description')}
      testId="camera-form-dialog"
    >
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="form__field">
          <label htmlFor={ids.name}>{t('cameras.form.name')}</label>
          <input
            id={ids.name}
            type="text"
            value={values.name}
            onChange={onNameChange}
            placeholder={t('cameras.form.namePlaceholder')}
            autoComplete="off"
            required
            data-testid="camera-form-name"
          />
        </div>

        {target.mode === 'add' && addedId === null ? (
          <div className="form__field">
            <label htmlFor={ids.id}>{t('cameras.form.id')}</label>
            <input
              id={ids.id}
              type="text"
              value={values.id}
              onChange={(event) => {
                setIdTouched(true)
                set('id')(event.target.value)
              }}
              aria-describedby={ids.idHint}
              autoComplete="off"
              spellCheck={false}
              required
              data-testid="camera-form-id"
            />
            <p id={ids.idHint} className="form__hint">
              {t('cameras.form.idHint')}
            </p>
          </div>
        ) : null}

        <div className="form__field">
          <label htmlFor={ids.source}>{t('cameras.form.source')}</label>
          <input
            id={ids.source}
            type="text"
            inputMode="url"
            value={values.source}
            onChange={(event) => set('source')(event.target.value)}
            placeholder={t('cameras.form.sourcePlaceholder')}
            aria-describedby={original ? ids.sourceHint : undefined}
            autoComplete="off"
            spellCheck={false}
            required
            data-testid="camera-form-source"
          />
          {original ? (
            <p id={ids.sourceHint} className="form__hint">
              {t('cameras.form.sourceRedactedHint')}
            </p>
          ) : null}
        </div>

        <div className="form__row">
          <div className="form__field">
            <label htmlFor={ids.transport}>{t('cameras.form.transport')}</label>
            <select
              id={ids.transport}
              value={values.rtspTransport}
              onChange={(event) => set('rtspTransport')(event.target.value === 'udp' ? 'udp' : 'tcp')}
              data-testid="camera-form-transport"
            >
              <option value="tcp">{t('cameras.transport.tcp')}</option>
              <option value="udp">{t('cameras.transport.udp')}</option>
            </select>
          </div>
          <div className="form__field">
            <label htmlFor={ids.transcode}>{t('cameras.form.transcode')}</label>
            <select
              id={ids.transcode}
              value={values.transcode}
              onChange={(event) => set('transcode')(event.target.value === 'always' ? 'always' : 'auto')}
              data-testid="camera-form-transcode"
            >
              <option value="auto">{t('cameras.form.transcodeAuto')}</option>
              <option value="always">{t('cameras.form.transcodeAlways')}</option>
            </select>
          </div>
          <div className="form__field">
            <label htmlFor={ids.group}>{t('cameras.form.group')}</label>
            <input
              id={ids.group}
              type="text"
              value={values.group}
              onChange={(event) => set('group')(event.target.value)}
              autoComplete="off"
              data-testid="camera-form-group"
            />
          </div>
        </div>

        <label className="form__check">
          <input
            type="checkbox"
            checked={values.enabled}
            onChange={(event) => set('enabled')(event.target.checked)}
            data-testid="camera-form-enabled"
          />
          {t('cameras.form.enabled')}
        </label>

        <fieldset className="form__fieldset">
          <legend>{t('cameras.form.analytics')}</legend>
          <p className="form__hint">{t('cameras.form.analyticsHint')}</p>
          {CAMERA_MODULES.map((moduleId) => (
            <label key={moduleId} className="form__check">
              <input
                type="checkbox"
                checked={values.analytics.includes(moduleId)}
                onChange={(event) =>
                  set('analytics')(
                    event.target.checked ? [...values.analytics, moduleId] : values.analytics.filter((id) => id !== moduleId)
                  )
                }
                data-testid={`camera-form-module-${moduleId}`}
              />
              {t(`compliance.modules.${moduleId}`)}
            </label>
          ))}
        </fieldset>

        {mayConfigureRecording ? <RecordingSection form={recording} /> : null}

        <ProbeResult state={probeState} />
        {error ? <ErrorNote message={error.message} code={error.code} testId="camera-form-error" /> : null}

        <div className="form__actions">
          <button
            type="button"
            className="button"
            onClick={() => void onTest()}
            disabled={probeState.status === 'running' || values.source.trim() === '' || sourceIsRedactedCopy}
            data-testid="camera-form-test"
          >
            {probeState.status === 'running' ? t('cameras.form.testing') : t('cameras.form.test')}
          </button>
          <span className="form__spacer" />
          <button type="button" className="button button--ghost" onClick={onClose} data-testid="camera-form-cancel">
            {t('cameras.form.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving} data-testid="camera-form-save">
            {saving ? t('cameras.form.saving') : t('cameras.form.save')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

function useFieldIds() {
  const base = useId()
  return {
    name: `${base}-name`,
    id: `${base}-id`,
    idHint: `${base}-id-hint`,
    source: `${base}-source`,
    sourceHint: `${base}-source-hint`,
    transport: `${base}-transport`,
    transcode: `${base}-transcode`,
    group: `${base}-group`
  }
}

function ProbeResult({ state }: { state: ProbeState }) {
  const { t } = useTranslation()
  if (state.status === 'idle' || state.status === 'running') return null
  if (state.status === 'error') {
    return <ErrorNote message={state.error.message} code={state.error.code} testId="camera-probe-error" />
  }
  const { result } = state
  const details =
    result.codec && result.width && result.height
      ? t('cameras.form.probeDetails', { codec: result.codec, width: result.width, height: result.height })
      : null
  return (
    <div className="probe-result" role="status" data-reachable={result.reachable} data-testid="camera-probe-result">
      <strong>{result.reachable ? t('cameras.form.testOk') : t('cameras.form.testFailed')}</strong>
      <span>{result.message}</span>
      {details ? <span className="probe-result__details">{details}</span> : null}
    </div>
  )
}
