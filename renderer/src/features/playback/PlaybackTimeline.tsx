import { memo, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'
import type { AnalyticsEvent } from '../../../../electron/shared/analytics-events'
import { intlTag, useFormatters } from '../../i18n/format'
import { DEFAULT_LOCALE, isLocale } from '../../i18n'
import { useElementSize } from '../scene/use-element-size'
import type { PlaybackController } from './playback-controller'
import { layoutMarkers, layoutRuns } from './span-layout'
import { axisTicks, DAY_MS, timeToX, xToTime, type TimeWindow } from './timeline-scale'
import type { CameraTimeline } from './use-timeline-data'

export interface TimelineRow {
  cameraId: string
  name: string
  data: CameraTimeline | undefined
}

export interface TimeSelection {
  from: number
  to: number
}

export interface PlaybackTimelineProps {
  controller: PlaybackController
  window: TimeWindow
  rows: TimelineRow[]
  activeCameraId: string | null
  selection: TimeSelection | null
  onSelect: (selection: TimeSelection | null) => void
  /** The playhead released (or a click) at this moment: every camera goes there. */
  onSeek: (time: number) => void
  /** Wheel over the track: a fraction of the window, negative towards the past. */
  onPan: (fraction: number) => void
}

const AXIS_HEIGHT = 24
const ROW_HEIGHT = 30
/** Under this, a press and release is a click on the spot, not a drag. */
const DRAG_THRESHOLD_PX = 3

type Drag = { kind: 'scrub'; pointerId: number } | { kind: 'select'; pointerId: number; anchor: number; startX: number }

/**
 * The shared timeline: one row per camera with its recorded spans, its alerts (click: go there) and
 * its legal holds as bands; a playhead dragged to scrub (the cameras follow on release) and, with
 * Shift, a period selected for a legal hold.
 */
export function PlaybackTimeline(props: PlaybackTimelineProps) {
  const { controller, window, rows, activeCameraId, selection, onSelect, onSeek, onPan } = props
  const { t } = useTranslation()
  const trackRef = useRef<HTMLDivElement>(null)
  const { width } = useElementSize(trackRef)
  const [drag, setDrag] = useState<Drag | null>(null)
  const [draft, setDraft] = useState<TimeSelection | null>(null)
  const height = AXIS_HEIGHT + Math.max(1, rows.length) * ROW_HEIGHT

  // Wheel pans the window; React's wheel listeners are passive and could not keep the page still.
  const onPanRef = useRef(onPan)
  useEffect(() => {
    onPanRef.current = onPan
  })
  useEffect(() => {
    const element = trackRef.current
    if (!element) return
    const onWheel = (event: WheelEvent): void => {
      const delta = Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.deltaY
      if (delta === 0) return
      event.preventDefault()
      const pixels = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? delta * 16 : delta
      onPanRef.current(pixels / Math.max(200, element.clientWidth))
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [])

  const timeAt = (event: PointerEvent): number => {
    const bounds = event.currentTarget.getBoundingClientRect()
    return xToTime(window, width, event.clientX - bounds.left)
  }

  const onPointerDown = (event: PointerEvent<SVGSVGElement>): void => {
    if (event.button !== 0) return
    event.currentTarget.setPointerCapture(event.pointerId)
    const time = timeAt(event)
    if (event.shiftKey) {
      setDrag({ kind: 'select', pointerId: event.pointerId, anchor: time, startX: event.clientX })
      setDraft({ from: time, to: time })
    } else {
      setDrag({ kind: 'scrub', pointerId: event.pointerId })
      controller.setPreview(time)
    }
  }

  const onPointerMove = (event: PointerEvent<SVGSVGElement>): void => {
    if (!drag || drag.pointerId !== event.pointerId) return
    const time = timeAt(event)
    if (drag.kind === 'scrub') controller.setPreview(time)
    else setDraft({ from: Math.min(drag.anchor, time), to: Math.max(drag.anchor, time) })
  }

  const onPointerUp = (event: PointerEvent<SVGSVGElement>): void => {
    if (!drag || drag.pointerId !== event.pointerId) return
    const time = timeAt(event)
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId)
    setDrag(null)
    if (drag.kind === 'scrub') {
      controller.setPreview(null)
      onSeek(time)
    } else {
      setDraft(null)
      const moved = Math.abs(event.clientX - drag.startX) >= DRAG_THRESHOLD_PX
      onSelect(moved ? { from: Math.min(drag.anchor, time), to: Math.max(drag.anchor, time) } : null)
    }
  }

  const onPointerCancel = (): void => {
    setDrag(null)
    setDraft(null)
    controller.setPreview(null)
  }

  const shownSelection = draft ?? selection

  return (
    <div className="timeline" data-testid="playback-timeline">
      <div className="timeline__labels" aria-hidden="true">
        <div className="timeline__axis-label" />
        {rows.map((row) => (
          <div key={row.cameraId} className="timeline__label" data-active={row.cameraId === activeCameraId || undefined} title={row.name}>
            {row.name}
          </div>
        ))}
      </div>
      <div className="timeline__track" ref={trackRef}>
        {width > 0 ? (
          <svg
            className="timeline__svg"
            width={width}
            height={height}
            role="group"
            aria-label={t('playback.timeline.label')}
            aria-describedby="timeline-help"
            data-start={window.start}
            data-end={window.end}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerCancel}
          >
            <Axis window={window} width={width} height={height} />
            {rows.map((row, index) => (
              <TimelineRowShapes
                key={row.cameraId}
                row={row}
                y={AXIS_HEIGHT + index * ROW_HEIGHT}
                window={window}
                width={width}
                onJump={onSeek}
              />
            ))}
            {shownSelection && shownSelection.to > shownSelection.from ? (
              <rect
                className="timeline__selection"
                x={Math.max(0, timeToX(window, width, shownSelection.from))}
                y={AXIS_HEIGHT}
                width={Math.max(1, Math.min(width, timeToX(window, width, shownSelection.to)) - Math.max(0, timeToX(window, width, shownSelection.from)))}
                height={height - AXIS_HEIGHT}
                data-testid="timeline-selection"
              />
            ) : null}
            <Playhead controller={controller} window={window} width={width} height={height} />
          </svg>
        ) : null}
      </div>
      <p id="timeline-help" className="visually-hidden">
        {t('playback.timeline.help')}
      </p>
    </div>
  )
}

function Axis({ window, width, height }: { window: TimeWindow; width: number; height: number }) {
  const { i18n } = useTranslation()
  const ticks = axisTicks(window, width)
  const dayTicks = ticks.length > 1 && ticks[1].time - ticks[0].time >= DAY_MS
  const tag = intlTag(isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE)
  const clock = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' })
  const day = new Intl.DateTimeFormat(tag, { weekday: 'short', day: '2-digit', month: '2-digit' })
  return (
    <g className="timeline__axis" aria-hidden="true">
      <rect className="timeline__axis-band" x={0} y={0} width={width} height={AXIS_HEIGHT} />
      {ticks.map((tick) => (
        <g key={tick.time} data-day={tick.day || undefined}>
          <line className="timeline__tick" x1={tick.x} x2={tick.x} y1={AXIS_HEIGHT - 6} y2={height} />
          <text className="timeline__tick-label" x={tick.x + 3} y={AXIS_HEIGHT - 9}>
            {tick.day || dayTicks ? day.format(tick.time) : clock.format(tick.time)}
          </text>
        </g>
      ))}
    </g>
  )
}

interface TimelineRowShapesProps {
  row: TimelineRow
  y: number
  window: TimeWindow
  width: number
  onJump: (time: number) => void
}

/** One camera's row; redrawn when its data or the window changes, not at every tick of the clock. */
const TimelineRowShapes = memo(function TimelineRowShapes({ row, y, window, width, onJump }: TimelineRowShapesProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const data = row.data
  const spans = data ? layoutRuns(data.spans, window, width) : []
  const holds = data ? data.holds.filter((hold) => hold.releasedAt === null) : []
  const markers = data ? layoutMarkers(data.events, (event) => event.at, window, width) : []

  const jumpTo = (event: AnalyticsEvent): void => onJump(event.at)
  const onMarkerKey = (event: KeyboardEvent, target: AnalyticsEvent): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    event.stopPropagation()
    jumpTo(target)
  }

  return (
    <g
      className="timeline__row"
      transform={`translate(0 ${y})`}
      data-testid={`timeline-row-${row.cameraId}`}
      data-status={data?.status ?? 'loading'}
      data-spans={data?.spans.length ?? 0}
    >
      <rect className="timeline__row-band" x={0} y={0} width={width} height={ROW_HEIGHT} />
      {holds.map((hold) => {
        const x = Math.max(0, timeToX(window, width, hold.from))
        const right = Math.min(width, timeToX(window, width, hold.to))
        if (right < 0 || x > width) return null
        return (
          <rect
            key={hold.id}
            className="timeline__hold"
            x={x}
            y={1}
            width={Math.max(2, right - x)}
            height={ROW_HEIGHT - 2}
            data-testid={`timeline-hold-${hold.id}`}
          >
            <title>{t('playback.timeline.hold', { reference: hold.reference, from: format.dateTime(hold.from), to: format.dateTime(hold.to) })}</title>
          </rect>
        )
      })}
      {spans.map((span) => (
        <rect
          key={span.start}
          className="timeline__span"
          x={span.x}
          y={10}
          width={span.width}
          height={ROW_HEIGHT - 16}
          data-testid={`timeline-span-${row.cameraId}`}
          data-start={span.start}
          data-end={span.end}
        >
          <title>{t('playback.timeline.recorded', { from: format.dateTime(span.start), to: format.dateTime(span.end) })}</title>
        </rect>
      ))}
      {markers.map((marker) => {
        const first = marker.items[0]
        const kind = t(`analytics.eventKinds.${first.kind}`)
        const label =
          marker.items.length === 1
            ? t('playback.timeline.alert', { kind, time: format.dateTime(first.at) })
            : t('playback.timeline.alerts', { count: marker.items.length, time: format.dateTime(first.at) })
        return (
          <g
            key={first.id}
            className="timeline__marker"
            role="button"
            tabIndex={0}
            aria-label={label}
            data-priority={first.priority}
            data-testid={`timeline-event-${first.id}`}
            data-at={first.at}
            transform={`translate(${marker.x} 0)`}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => jumpTo(first)}
            onKeyDown={(event) => onMarkerKey(event, first)}
          >
            <title>{label}</title>
            <rect className="timeline__marker-hit" x={-6} y={0} width={12} height={ROW_HEIGHT} />
            <path className="timeline__marker-shape" d="M -5 1 L 5 1 L 0 9 Z" />
            <line className="timeline__marker-line" x1={0} x2={0} y1={9} y2={ROW_HEIGHT - 2} />
          </g>
        )
      })}
    </g>
  )
})

function Playhead({ controller, window, width, height }: { controller: PlaybackController; window: TimeWindow; width: number; height: number }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const time = useStore(controller.ui, (state) => state.preview ?? state.time)
  const x = timeToX(window, width, time)
  if (x < -1 || x > width + 1) return null
  return (
    <g
      className="timeline__playhead"
      role="slider"
      aria-label={t('playback.timeline.playhead')}
      aria-valuemin={window.start}
      aria-valuemax={window.end}
      aria-valuenow={time}
      aria-valuetext={format.dateTime(time)}
      data-testid="timeline-playhead"
      data-time={time}
      transform={`translate(${x} 0)`}
    >
      <line className="timeline__playhead-line" x1={0} x2={0} y1={0} y2={height} />
      <path className="timeline__playhead-head" d="M -6 0 L 6 0 L 0 8 Z" />
    </g>
  )
}
