import type { Alert } from '../../shared/alerts'
import type { AnalyticsEvent } from '../../shared/analytics-events'
import type { PipelineEvent } from '../analytics/camera-pipeline'
import type { SnapshotEncoder } from '../analytics/frame/snapshot-encoder'
import type { AlertQueue } from './alert-queue'
import type { EventStore } from './event-store'

export interface EventSinkOptions {
  events: EventStore
  alerts: AlertQueue
  snapshots: Pick<SnapshotEncoder, 'encode'>
  /** Pushes a stored event to the screens that may see its camera. */
  onRaised: (event: AnalyticsEvent) => void
  /** Pushes an alert newly in the review queue. */
  onAlert: (alert: Alert) => void
  log?: (message: string) => void
}

/**
 * Where the analytics' events land: the snapshot is encoded (in its worker), the event stored, then
 * pushed, and an alert enters the review queue. Stored first, then pushed: a screen never shows an
 * event the database does not have. An image that cannot be encoded costs the image, never the event.
 */
export class EventSink {
  constructor(private readonly options: EventSinkOptions) {}

  async store(event: PipelineEvent): Promise<AnalyticsEvent> {
    const { snapshot, ...fields } = event
    const jpeg = snapshot
      ? await this.options.snapshots.encode(snapshot).catch((error: unknown) => {
          this.options.log?.(`[events] snapshot of ${event.cameraId}/${event.ruleId} not encoded: ${(error as Error).message}`)
          return null
        })
      : null
    const stored = await this.options.events.record({
      ...fields,
      snapshot: snapshot && jpeg ? { jpeg, width: snapshot.width, height: snapshot.height } : null
    })
    this.options.onRaised(stored)
    if (stored.alert) this.options.onAlert(await this.options.alerts.add(stored))
    return stored
  }
}
