import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/format'
import { useRecording } from '../../stores/stores-context'
import { usePermission } from '../session/use-permission'

/**
 * The storage needs a supervisor (disk nearly full, a quota forcing early deletions, a recorder
 * failing): said on every screen until dismissed, the latest alarm in the core's own words.
 */
export function StorageAlarmBanner() {
  const { t } = useTranslation()
  const format = useFormatters()
  const concerned = usePermission('recording.hold')
  const alarm = useRecording((state) => state.alarm)
  const dismiss = useRecording((state) => state.dismissAlarm)
  if (!concerned || !alarm) return null
  return (
    <div className="save-error storage-alarm" role="alert" data-testid="storage-alarm" data-kind={alarm.kind}>
      <span>
        <strong>{t(`alarm.kinds.${alarm.kind}`)}</strong> · {format.time(alarm.at)} · {alarm.message}
      </span>
      <button type="button" className="button button--ghost" onClick={dismiss} data-testid="storage-alarm-dismiss">
        {t('app.dismiss')}
      </button>
    </div>
  )
}
