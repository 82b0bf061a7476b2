import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'
import { PLAYBACK_SPEEDS } from '../../../../electron/shared/recording'
import { useFormatters } from '../../i18n/format'
import type { PlaybackController } from './playback-controller'
import { fromLocalInputValue, toLocalInputValue } from './datetime-input'

export interface TransportBarProps {
  controller: PlaybackController
  /** Jumps (date picker): the screen also brings the timeline there. */
  onJump: (time: number) => void
}

/** Play and pause, image by image, ±10 s, the speeds, the moment shown and a date to go to. */
export function TransportBar({ controller, onJump }: TransportBarProps) {
  const { t } = useTranslation()
  const playing = useStore(controller.ui, (state) => state.playing)
  const speed = useStore(controller.ui, (state) => state.speed)
  const waiting = useStore(controller.ui, (state) => state.waiting)
  const atLiveEdge = useStore(controller.ui, (state) => state.atLiveEdge)

  return (
    <div className="transport" role="group" aria-label={t('playback.transport.label')} data-testid="playback-transport">
      <div className="transport__buttons">
        <button
          type="button"
          className="button button--small transport__icon"
          onClick={() => controller.jump(-10_000)}
          aria-label={t('playback.transport.back10')}
          title={t('playback.transport.back10')}
          aria-keyshortcuts="Shift+ArrowLeft"
          data-testid="playback-back10"
        >
          −10 s
        </button>
        <button
          type="button"
          className="button button--small transport__icon"
          onClick={() => controller.step(-1)}
          aria-label={t('playback.transport.stepBack')}
          title={t('playback.transport.stepBack')}
          aria-keyshortcuts="ArrowLeft"
          data-testid="playback-step-back"
        >
          <span aria-hidden="true">◀❙</span>
        </button>
        <button
          type="button"
          className="button button--primary transport__play"
          onClick={() => controller.toggle()}
          aria-pressed={playing}
          aria-label={playing ? t('playback.transport.pause') : t('playback.transport.play')}
          aria-keyshortcuts="Space"
          data-testid="playback-play"
          data-playing={playing}
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          {playing ? t('playback.transport.pause') : t('playback.transport.play')}
        </button>
        <button
          type="button"
          className="button button--small transport__icon"
          onClick={() => controller.step(1)}
          aria-label={t('playback.transport.stepForward')}
          title={t('playback.transport.stepForward')}
          aria-keyshortcuts="ArrowRight"
          data-testid="playback-step-forward"
        >
          <span aria-hidden="true">❙▶</span>
        </button>
        <button
          type="button"
          className="button button--small transport__icon"
          onClick={() => controller.jump(10_000)}
          aria-label={t('playback.transport.forward10')}
          title={t('playback.transport.forward10')}
          aria-keyshortcuts="Shift+ArrowRight"
          data-testid="playback-forward10"
        >
          +10 s
        </button>
      </div>
      <div className="segmented" role="group" aria-label={t('playback.transport.speed')}>
        {PLAYBACK_SPEEDS.map((option) => (
          <button
            key={option}
            type="button"
            className="segmented__option"
            aria-pressed={speed === option}
            title={t('playback.transport.speedTitle', { speed: option })}
            aria-keyshortcuts={String(option)}
            onClick={() => controller.setSpeed(option)}
            data-testid={`playback-speed-${option}`}
          >
            {t('playback.transport.speedOption', { speed: option })}
          </button>
        ))}
      </div>
      <ShownTime controller={controller} />
      <JumpForm controller={controller} onJump={onJump} />
      <p className="transport__status" role="status" data-testid="playback-status">
        {waiting ? t('playback.transport.waiting') : atLiveEdge ? t('playback.transport.liveEdge') : null}
      </p>
    </div>
  )
}

/** The moment shown, to the second, in the language's own way (« 14/03/2026 09:05:12 »). */
function ShownTime({ controller }: { controller: PlaybackController }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const time = useStore(controller.ui, (state) => Math.floor((state.preview ?? state.time) / 1000) * 1000)
  const previewing = useStore(controller.ui, (state) => state.preview !== null)
  return (
    <div className="transport__time">
      <span className="transport__time-label">{t('playback.transport.time')}</span>
      <output className="transport__time-value" data-testid="playback-time" data-time={time} data-preview={previewing || undefined} aria-live="off">
        <time dateTime={new Date(time).toISOString()}>{format.dateTime(time)}</time>
      </output>
    </div>
  )
}

function JumpForm({ controller, onJump }: TransportBarProps) {
  const { t } = useTranslation()
  const [value, setValue] = useState(() => toLocalInputValue(controller.now()))
  const [invalid, setInvalid] = useState(false)

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const time = fromLocalInputValue(value)
    setInvalid(time === null)
    if (time !== null) onJump(time)
  }

  return (
    <form className="transport__jump" onSubmit={submit} noValidate>
      <label className="visually-hidden" htmlFor="playback-jump-input">
        {t('playback.transport.jumpLabel')}
      </label>
      <input
        id="playback-jump-input"
        type="datetime-local"
        step={1}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onFocus={() => {
          // Offered from the moment shown, the usual starting point of a search.
          if (!value) setValue(toLocalInputValue(controller.now()))
        }}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? 'playback-jump-error' : undefined}
        data-testid="playback-jump-input"
      />
      <button type="submit" className="button button--small" data-testid="playback-jump">
        {t('playback.transport.jump')}
      </button>
      {invalid ? (
        <span id="playback-jump-error" className="transport__error" role="alert">
          {t('playback.transport.jumpInvalid')}
        </span>
      ) : null}
    </form>
  )
}

/** The keyboard shortcuts, always in view: a supervisor shows them to a newcomer, not a manual. */
export function ShortcutsLegend() {
  const { t } = useTranslation()
  return (
    <ul className="shortcuts" aria-label={t('playback.shortcuts.label')} data-testid="playback-shortcuts">
      <li>
        <kbd>{t('playback.shortcuts.space')}</kbd> {t('playback.shortcuts.playPause')}
      </li>
      <li>
        <kbd>←</kbd> <kbd>→</kbd> {t('playback.shortcuts.frame')}
      </li>
      <li>
        <kbd>{t('playback.shortcuts.shift')}</kbd>+<kbd>←</kbd> <kbd>→</kbd> {t('playback.shortcuts.tenSeconds')}
      </li>
      <li>
        <kbd>1</kbd> <kbd>2</kbd> <kbd>4</kbd> <kbd>8</kbd> {t('playback.shortcuts.speed')}
      </li>
      <li>
        <kbd>{t('playback.shortcuts.shift')}</kbd>+{t('playback.shortcuts.drag')} {t('playback.shortcuts.select')}
      </li>
    </ul>
  )
}
