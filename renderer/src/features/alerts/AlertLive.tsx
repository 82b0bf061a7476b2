import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/api-context'
import { LiveVideo } from '../../player/LiveVideo'
import type { PlayerProblem } from '../../player/types'
import { useProblemText } from '../wall/use-problem-text'

/** The camera of the alert, live, beside its recording: what is happening there now. Remounted per camera. */
export function AlertLive({ cameraId, cameraName }: { cameraId: string; cameraName: string }) {
  const { t } = useTranslation()
  const api = useApi()
  const [problem, setProblem] = useState<PlayerProblem | null>(null)
  const problemText = useProblemText(problem)
  const openUrl = useCallback(async () => (await api.call('live.open', { cameraId })).url, [api, cameraId])
  return (
    <div className="alert-live" data-testid="alert-live" data-camera-id={cameraId}>
      <LiveVideo className="alert-live__video" openUrl={openUrl} onProblem={setProblem} label={t('alerts.liveLabel', { camera: cameraName })} testId="alert-live-video" />
      {problemText ? <p className="alert-live__problem">{problemText}</p> : null}
    </div>
  )
}
