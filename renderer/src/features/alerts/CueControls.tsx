import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { alertSound } from './alert-sound'
import { notificationAccess, useCuePreferences, type NotificationAccess } from './cue-preferences'

/** The workstation's cues for new alerts: sound on or off, desktop notifications asked for on a click. */
export function CueControls() {
  const { t } = useTranslation()
  const [preferences, setPreferences] = useCuePreferences()
  const [access, setAccess] = useState<NotificationAccess>(notificationAccess)

  const toggleSound = (): void => {
    const sound = !preferences.sound
    setPreferences({ sound })
    if (sound) {
      // The click is the gesture browsers want before any sound; a chime says it works.
      alertSound.unlock()
      setTimeout(() => alertSound.play('normal'), 50)
    }
  }

  const enableNotifications = async (): Promise<void> => {
    if (access === 'unsupported') return
    if (access === 'default') {
      const answer = await Notification.requestPermission()
      setAccess(answer)
      if (answer === 'granted') setPreferences({ notifications: true })
      return
    }
    if (access === 'granted') setPreferences({ notifications: !preferences.notifications })
  }

  const notificationsLabel =
    access === 'unsupported'
      ? t('alerts.cues.notificationsUnsupported')
      : access === 'denied'
        ? t('alerts.cues.notificationsDenied')
        : access === 'default'
          ? t('alerts.cues.notificationsEnable')
          : preferences.notifications
            ? t('alerts.cues.notificationsOn')
            : t('alerts.cues.notificationsOff')

  return (
    <div className="cue-controls" role="group" aria-label={t('alerts.cues.sound')}>
      <button
        type="button"
        className="button button--small"
        aria-pressed={preferences.sound}
        onClick={toggleSound}
        title={t('alerts.cues.soundHint')}
        data-testid="alert-sound-toggle"
      >
        <span className="cue-controls__icon" data-on={preferences.sound} aria-hidden="true" />
        {preferences.sound ? t('alerts.cues.soundOn') : t('alerts.cues.soundOff')}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-pressed={access === 'granted' ? preferences.notifications : undefined}
        onClick={() => void enableNotifications()}
        disabled={access === 'unsupported' || access === 'denied'}
        title={t('alerts.cues.notifications')}
        data-testid="alert-notifications-toggle"
        data-access={access}
      >
        {notificationsLabel}
      </button>
    </div>
  )
}
