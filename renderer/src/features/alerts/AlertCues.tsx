import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAlerts, useCameras } from '../../stores/stores-context'
import { hrefFor } from '../shell/use-hash-route'
import { alertSound } from './alert-sound'
import { useCuePreferences } from './cue-preferences'

export interface AlertCuesProps {
  username: string
  /** Supervisors hear escalations too: those alerts wait for them. */
  supervisor: boolean
}

/**
 * Makes a new alert heard wherever the operator is in the console: a chime (if this workstation has
 * the sound on) and, when the window is not in front, a desktop notification that brings it back to
 * the queue. Renders nothing.
 */
export function AlertCues({ username, supervisor }: AlertCuesProps) {
  const { t } = useTranslation()
  const cue = useAlerts((state) => state.cue)
  const waiting = useAlerts((state) => state.queue.length)
  const cameras = useCameras((state) => state.cameras)
  const [preferences] = useCuePreferences()
  const handled = useRef(cue?.seq ?? 0)
  const notification = useRef<Notification | null>(null)

  // Browsers let a page make sound only after a gesture: the first click or key wakes the audio up.
  useEffect(() => {
    const wake = (): void => alertSound.unlock()
    window.addEventListener('pointerdown', wake, true)
    window.addEventListener('keydown', wake, true)
    return () => {
      window.removeEventListener('pointerdown', wake, true)
      window.removeEventListener('keydown', wake, true)
      notification.current?.close()
    }
  }, [])

  useEffect(() => {
    if (!cue || cue.seq <= handled.current) return
    handled.current = cue.seq
    if (cue.kind === 'escalated' && (!supervisor || cue.alert.escalatedBy === username)) return
    if (preferences.sound) alertSound.play(cue.kind === 'escalated' ? 'escalated' : cue.alert.priority)
    if (!preferences.notifications || typeof Notification === 'undefined' || Notification.permission !== 'granted' || document.hasFocus()) return
    const camera = cameras.find((candidate) => candidate.id === cue.alert.cameraId)?.name ?? cue.alert.cameraId
    const others = waiting - 1
    const body = [
      t('alerts.cues.notificationBody', { kind: t(`analytics.eventKinds.${cue.alert.kind}`), camera, rule: cue.alert.ruleName }),
      others > 0 ? t('alerts.cues.notificationMore', { count: others }) : null
    ]
      .filter(Boolean)
      .join('\n')
    try {
      // One notification at a time, replaced by the next: a burst is not twenty pop-ups.
      notification.current?.close()
      const shown = new Notification(cue.kind === 'escalated' ? t('alerts.cues.notificationTitleEscalated') : t('alerts.cues.notificationTitle'), {
        body,
        tag: 'vigie-alert',
        requireInteraction: cue.alert.priority === 'high'
      })
      shown.onclick = () => {
        window.focus()
        window.location.hash = hrefFor('alerts')
        shown.close()
      }
      notification.current = shown
    } catch {
      // Some shells refuse notifications from a page: the chime and the counter remain.
    }
  }, [cue, cameras, preferences, supervisor, t, username, waiting])

  return null
}
