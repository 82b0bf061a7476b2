import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/format'
import type { PlaybackController } from './playback-controller'
import type { TimeSelection } from './PlaybackTimeline'
import { presetOf, PRESET_DURATION_MS, WINDOW_PRESETS, type TimeWindow } from './timeline-scale'

export interface TimelineToolbarProps {
  controller: PlaybackController
  window: TimeWindow
  selection: TimeSelection | null
  onZoom: (durationMs: number) => void
  /** A fraction of the window; negative towards the past. */
  onPan: (fraction: number) => void
  onNow: () => void
  onCentre: () => void
  onSelect: (selection: TimeSelection | null) => void
  /** Absent when the person may not place legal holds. */
  onPlaceHold?: () => void
}

/** The timeline's scale and position, and the period selected (from the playhead, or Shift+drag). */
export function TimelineToolbar({ controller, window, selection, onZoom, onPan, onNow, onCentre, onSelect, onPlaceHold }: TimelineToolbarProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const preset = presetOf(window)

  const markIn = (): void => {
    const time = controller.now()
    onSelect({ from: time, to: selection && selection.to > time ? selection.to : time + 60_000 })
  }
  const markOut = (): void => {
    const time = controller.now()
    onSelect({ from: selection && selection.from < time ? selection.from : time - 60_000, to: time })
  }

  return (
    <div className="timeline-toolbar" data-testid="timeline-toolbar">
      <div className="segmented" role="group" aria-label={t('playback.timeline.zoom')}>
        {WINDOW_PRESETS.map((option) => (
          <button
            key={option}
            type="button"
            className="segmented__option"
            aria-pressed={preset === option}
            onClick={() => onZoom(PRESET_DURATION_MS[option])}
            data-testid={`timeline-zoom-${option}`}
          >
            {t(`playback.timeline.presets.${option}`)}
          </button>
        ))}
      </div>
      <div className="timeline-toolbar__group">
        <button type="button" className="button button--small" onClick={() => onPan(-0.5)} data-testid="timeline-earlier">
          {t('playback.timeline.earlier')}
        </button>
        <button type="button" className="button button--small" onClick={onCentre} data-testid="timeline-centre">
          {t('playback.timeline.centre')}
        </button>
        <button type="button" className="button button--small" onClick={() => onPan(0.5)} data-testid="timeline-later">
          {t('playback.timeline.later')}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onNow} data-testid="timeline-now">
          {t('playback.timeline.now')}
        </button>
      </div>
      <div className="timeline-toolbar__group timeline-toolbar__selection">
        <button type="button" className="button button--small" onClick={markIn} data-testid="timeline-mark-in">
          {t('playback.timeline.markIn')}
        </button>
        <button type="button" className="button button--small" onClick={markOut} data-testid="timeline-mark-out">
          {t('playback.timeline.markOut')}
        </button>
        {selection ? (
          <>
            <span className="timeline-toolbar__range" data-testid="timeline-selection-text" data-from={selection.from} data-to={selection.to}>
              {t('playback.timeline.selection', { from: format.dateTime(selection.from), to: format.dateTime(selection.to) })}
            </span>
            <button type="button" className="button button--small button--ghost" onClick={() => onSelect(null)} data-testid="timeline-clear-selection">
              {t('playback.timeline.clearSelection')}
            </button>
          </>
        ) : (
          <span className="timeline-toolbar__hint">{t('playback.timeline.selectionHint')}</span>
        )}
        {onPlaceHold ? (
          <button type="button" className="button button--small button--primary" onClick={onPlaceHold} data-testid="timeline-place-hold">
            {t('playback.holds.place')}
          </button>
        ) : null}
      </div>
    </div>
  )
}
