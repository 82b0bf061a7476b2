import type { AlertState } from '../../../../electron/shared/alerts'
import type { AlertPriority } from '../../../../electron/shared/scene'
import type { BadgeTone } from '../../components/Badge'

export const PRIORITY_TONE: Record<AlertPriority, BadgeTone> = { low: 'neutral', normal: 'info', high: 'danger' }

export const STATE_TONE: Record<AlertState, BadgeTone> = {
  new: 'info',
  in_review: 'warn',
  escalated: 'danger',
  confirmed: 'ok',
  false_alarm: 'neutral'
}
