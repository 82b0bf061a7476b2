import { useTranslation } from 'react-i18next'
import type { RecordingStatus } from '../../../../electron/shared/recording'
import { Badge, type BadgeTone } from '../../components/Badge'

const TONE: Record<RecordingStatus['state'], BadgeTone> = { recording: 'ok', stopped: 'neutral', failed: 'danger', disabled: 'neutral' }

/** Whether a camera records: « enregistre », « arrêté », « en échec », « désactivé ». */
export function RecordingStateBadge({ status, testId }: { status: RecordingStatus; testId?: string }) {
  const { t } = useTranslation()
  return (
    <Badge tone={TONE[status.state]} title={status.problem ?? t(`cameras.recording.states.${status.state}Title`)} testId={testId}>
      {t(`cameras.recording.states.${status.state}`)}
    </Badge>
  )
}
