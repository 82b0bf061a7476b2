import { useEffect, useMemo, useState } from 'react'
import type { AnalyticsEvent } from '../../../../electron/shared/analytics-events'
import type { LegalHold, RecordedSpan } from '../../../../electron/shared/recording'
import { useApi } from '../../api/api-context'
import { toShownError, type ShownError } from '../../api/errors'
import { mergeSpans } from './span-layout'
import { fetchRange, windowDuration, type TimeWindow } from './timeline-scale'

/** One camera's row of the timeline: what is recorded, its alerts and its legal holds. */
export interface CameraTimeline {
  status: 'loading' | 'ready' | 'error'
  error: ShownError | null
  /** Merged (see mergeSpans). */
  spans: RecordedSpan[]
  events: AnalyticsEvent[]
  holds: LegalHold[]
  /** The period asked for; `to` no later than when it was asked. */
  from: number
  to: number
}

/** Recordings grow while one watches: the rows are asked again this often when they reach the present. */
export const TIMELINE_REFRESH_MS = 10_000

/**
 * The timeline rows of the cameras shown, for the window shown; asked again when the window moves
 * far enough, every few seconds while it shows the present, and whenever `version` changes (a hold
 * placed or released).
 */
export function useTimelineData(cameraIds: readonly string[], window: TimeWindow, version: number): Record<string, CameraTimeline> {
  const api = useApi()
  const [rows, setRows] = useState<Record<string, CameraTimeline>>({})
  const [tick, setTick] = useState(0)
  const { from, to } = fetchRange(window)
  const key = cameraIds.join(',')
  const ids = useMemo(() => (key === '' ? [] : key.split(',')), [key])

  // Recent periods change as the recorders write: ask again while the present is in view.
  const reachesPresent = to >= Date.now() - windowDuration(window)
  useEffect(() => {
    if (!reachesPresent) return
    const timer = setInterval(() => setTick((value) => value + 1), TIMELINE_REFRESH_MS)
    return () => clearInterval(timer)
  }, [reachesPresent])

  useEffect(() => {
    let current = true
    setRows((previous) => {
      const kept: Record<string, CameraTimeline> = {}
      for (const id of ids) {
        const known = previous[id]
        kept[id] = known ?? { status: 'loading', error: null, spans: [], events: [], holds: [], from, to: from }
      }
      return kept
    })
    for (const cameraId of ids) {
      const askedAt = Date.now()
      api.call('playback.timeline', { cameraId, from, to }).then(
        (answer) => {
          if (!current) return
          setRows((previous) => ({
            ...previous,
            [cameraId]: {
              status: 'ready',
              error: null,
              spans: mergeSpans(answer.spans),
              events: answer.events.filter((event) => event.alert),
              holds: answer.holds,
              from,
              to: Math.min(to, askedAt)
            }
          }))
        },
        (error: unknown) => {
          if (!current) return
          setRows((previous) => ({
            ...previous,
            [cameraId]: { ...(previous[cameraId] ?? { spans: [], events: [], holds: [], from, to: from }), status: 'error', error: toShownError(error) }
          }))
        }
      )
    }
    return () => {
      current = false
    }
  }, [api, ids, from, to, tick, version])

  return rows
}
