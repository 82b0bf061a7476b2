import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DetectorChoice as Choice, DetectorModelId } from '../../../../electron/shared/analytics-events'
import { DETECTOR_MODEL_IDS } from '../../../../electron/shared/analytics-events'
import { useApi } from '../../api/api-context'
import { toShownError, type ShownError } from '../../api/errors'
import { ErrorNote } from '../../components/ErrorNote'

const isModelId = (value: string): value is DetectorModelId => (DETECTOR_MODEL_IDS as readonly string[]).includes(value)

/** The object detector all cameras' analytics use; switching it restarts them on the new model. */
export function DetectorChoice() {
  const { t } = useTranslation()
  const api = useApi()
  const id = useId()
  const [choice, setChoice] = useState<Choice | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)

  useEffect(() => {
    let current = true
    api.call('analytics.detector', {}).then((value) => current && setChoice(value), () => undefined)
    return () => {
      current = false
    }
  }, [api])

  if (!choice) return null
  const select = (modelId: string): void => {
    if (!isModelId(modelId)) return
    setBusy(true)
    setError(null)
    api
      .call('analytics.setDetector', { modelId })
      .then(setChoice, (failure: unknown) => setError(toShownError(failure)))
      .finally(() => setBusy(false))
  }
  return (
    <div className="form__field detector-choice">
      <label htmlFor={id}>{t('cameras.detector.label')}</label>
      <select id={id} value={choice.active} disabled={busy} onChange={(event) => select(event.target.value)} data-testid="detector-choice">
        {choice.models.map((model) => (
          <option key={model.id} value={model.id} disabled={!model.present}>
            {model.present ? model.name : t('cameras.detector.missing', { name: model.name })}
          </option>
        ))}
      </select>
      <p className="form__hint">{t('cameras.detector.hint')}</p>
      {error ? <ErrorNote message={error.message} code={error.code} /> : null}
    </div>
  )
}
