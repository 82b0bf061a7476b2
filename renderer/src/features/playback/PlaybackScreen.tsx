import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LegalHold } from '../../../../electron/shared/recording'
import { useApi } from '../../api/api-context'
import { useSession } from '../../stores/session-context'
import { MAX_PLAYBACK_CAMERAS, type PlaybackLayout } from '../../stores/playback-store'
import { useCameras, useHolds, useMaskLifts, usePlaybackView, useRecording } from '../../stores/stores-context'
import { useNow } from '../compliance/use-now'
import { useMayCall, usePermission } from '../session/use-permission'
import { HoldsPanel } from './HoldsPanel'
import { activeLift, liftKey } from './mask-lift'
import { MaskLiftsPanel } from './MaskLiftsPanel'
import { PlaceHoldDialog, type CameraChoice } from './PlaceHoldDialog'
import { PlaybackCameraList } from './PlaybackCameraList'
import { PlaybackController } from './playback-controller'
import { parsePlaybackDetail } from './playback-route'
import { EmptyPlaybackTile, PlaybackTile } from './PlaybackTile'
import { PlaybackTimeline, type TimeSelection } from './PlaybackTimeline'
import { TimelineToolbar } from './TimelineToolbar'
import { clampWindow, followPlayhead, MINUTE_MS, panWindow, windowAround, windowDuration, zoomWindow, type TimeWindow } from './timeline-scale'
import { ShortcutsLegend, TransportBar } from './TransportBar'
import { usePlaybackKeys } from './use-playback-keys'
import { useTimelineData } from './use-timeline-data'

/** Where a fresh screen starts: a minute ago, what the operator most often looks back at. */
const DEFAULT_LOOK_BACK_MS = MINUTE_MS
/** A hold placed without a selection covers this much on each side of the playhead. */
const DEFAULT_HOLD_HALF_MS = 5 * MINUTE_MS
const RECORDING_REFRESH_MS = 30_000

/** The window brought to a moment jumped to: unchanged when it is in view, else centred on it. */
function showTime(window: TimeWindow, time: number, now: number): TimeWindow {
  const margin = windowDuration(window) / 50
  if (time >= window.start + margin && time <= window.end - margin) return window
  return clampWindow(windowAround(time, windowDuration(window), 0.5), now)
}

/**
 * « Relecture »: up to four cameras' recordings played together on one clock, a shared timeline of
 * what was recorded, alerted and held, legal holds and lifts of privacy masks.
 */
export function PlaybackScreen({ detail }: { detail: string | null }) {
  const { t } = useTranslation()
  const api = useApi()
  const cameras = useCameras((state) => state.cameras)
  const mayListCameras = usePermission('camera.view')
  const mayHold = usePermission('recording.hold')
  const mayLift = usePermission('mask.lift')
  const mayListHolds = useMayCall('holds.list')
  const mayListLifts = useMayCall('masks.lifts')
  const showLifts = mayLift && mayListLifts
  const username = useSession((state) => (state.phase.kind === 'signedIn' ? state.phase.session.user.username : ''))
  const cameraIds = usePlaybackView((state) => state.cameraIds)
  const activeCameraId = usePlaybackView((state) => state.activeCameraId)
  const layout = usePlaybackView((state) => state.layout)
  const windowMs = usePlaybackView((state) => state.windowMs)
  const lastTime = usePlaybackView((state) => state.lastTime)
  const setCameras = usePlaybackView((state) => state.setCameras)
  const toggleCamera = usePlaybackView((state) => state.toggleCamera)
  const setActive = usePlaybackView((state) => state.setActive)
  const setLayout = usePlaybackView((state) => state.setLayout)
  const setWindowMs = usePlaybackView((state) => state.setWindowMs)
  const rememberTime = usePlaybackView((state) => state.rememberTime)
  const holds = useHolds((state) => state.holds)
  const holdsVersion = useHolds((state) => state.version)
  const loadHolds = useHolds((state) => state.load)
  const lifts = useMaskLifts((state) => state.lifts)
  const loadRecording = useRecording((state) => state.load)
  const target = useMemo(() => parsePlaybackDetail(detail), [detail])

  const [initialTime] = useState(() => target?.at ?? lastTime ?? Date.now() - DEFAULT_LOOK_BACK_MS)
  const [controller, setController] = useState<PlaybackController | null>(null)
  const [timeWindow, setTimeWindow] = useState<TimeWindow>(() => clampWindow(windowAround(initialTime, windowMs, 0.5), Date.now()))
  const [selection, setSelection] = useState<TimeSelection | null>(null)
  const [placing, setPlacing] = useState<{ cameraId: string; from: number; to: number } | null>(null)
  const [chosenPanel, setPanel] = useState<'holds' | 'lifts'>('holds')

  // One controller per visit of the screen; the moment reached is kept for the next visit.
  useEffect(() => {
    const created = new PlaybackController({ open: (cameraId, at, speed) => api.call('playback.open', { cameraId, at, speed }) }, initialTime)
    setController(created)
    return () => {
      rememberTime(created.now())
      created.dispose()
    }
  }, [api, initialTime, rememberTime])

  // The address names cameras and a moment (« Voir l'enregistrement » from the journal).
  useEffect(() => {
    if (!controller || !target) return
    if (target.cameraIds.length > 0) setCameras(target.cameraIds)
    if (target.at !== null) {
      const at = target.at
      controller.seek(at)
      setTimeWindow((window) => showTime(window, at, Date.now()))
    }
  }, [controller, target, setCameras])

  useEffect(() => {
    if (mayListHolds) void loadHolds()
  }, [mayListHolds, loadHolds])

  useEffect(() => {
    if (!mayListCameras) return
    void loadRecording()
    const timer = setInterval(() => void loadRecording(), RECORDING_REFRESH_MS)
    return () => clearInterval(timer)
  }, [mayListCameras, loadRecording])

  // While playing, the timeline turns its pages with the playhead.
  useEffect(() => {
    if (!controller) return
    return controller.ui.subscribe((state) => {
      if (!state.playing || state.preview !== null) return
      setTimeWindow((window) => followPlayhead(window, state.time, Date.now()))
    })
  }, [controller])

  usePlaybackKeys(controller)

  const cameraNames = useMemo(() => new Map(cameras.map((camera) => [camera.id, camera])), [cameras])
  const cameraName = useCallback((cameraId: string) => cameraNames.get(cameraId)?.name ?? cameraId, [cameraNames])

  // Someone who may not list cameras (a DPO) still meets them through holds and lift requests.
  const choices: CameraChoice[] = useMemo(() => {
    if (cameras.length > 0) return cameras.filter((camera) => camera.enabled || cameraIds.includes(camera.id)).map((camera) => ({ id: camera.id, name: camera.name }))
    const ids = [...new Set([...cameraIds, ...holds.map((hold) => hold.cameraId), ...lifts.map((lift) => lift.cameraId)])].sort()
    return ids.map((id) => ({ id, name: id }))
  }, [cameras, cameraIds, holds, lifts])

  const rows = useTimelineData(cameraIds, timeWindow, holdsVersion)
  useEffect(() => {
    if (!controller) return
    for (const [cameraId, row] of Object.entries(rows)) {
      if (row.status === 'ready') controller.setSpans(cameraId, { spans: row.spans, from: row.from, to: row.to })
    }
  }, [controller, rows])

  // A lift starting or ending changes the picture the core sends: the camera's player asks again.
  const now = useNow(10_000)
  const liftKeys = useRef<Record<string, string>>({})
  useEffect(() => {
    if (!controller) return
    for (const id of cameraIds) {
      const key = liftKey(lifts, id, now)
      if (liftKeys.current[id] !== undefined && liftKeys.current[id] !== key) controller.reopen(id)
      liftKeys.current[id] = key
    }
  }, [controller, cameraIds, lifts, now])

  const goTo = useCallback(
    (time: number) => {
      controller?.seek(time)
      setTimeWindow((window) => showTime(window, time, Date.now()))
    },
    [controller]
  )

  const zoom = (duration: number): void => {
    setWindowMs(duration)
    setTimeWindow((window) => zoomWindow(window, duration, controller?.now() ?? window.start, Date.now()))
  }

  const openPlaceHold = (): void => {
    const cameraId = activeCameraId ?? choices[0]?.id
    if (!cameraId || !controller) return
    const time = controller.now()
    const range = selection ?? { from: time - DEFAULT_HOLD_HALF_MS, to: Math.min(Date.now(), time + DEFAULT_HOLD_HALF_MS) }
    setPlacing({ cameraId, from: range.from, to: Math.max(range.to, range.from + 1000) })
  }

  const showHold = (hold: LegalHold): void => {
    if (!cameraIds.includes(hold.cameraId)) {
      if (cameraIds.length >= MAX_PLAYBACK_CAMERAS) setCameras([...cameraIds.slice(0, MAX_PLAYBACK_CAMERAS - 1), hold.cameraId])
      else toggleCamera(hold.cameraId)
    }
    setActive(hold.cameraId)
    setSelection({ from: hold.from, to: hold.to })
    goTo(hold.from)
  }

  const panel = !mayListHolds ? 'lifts' : showLifts ? chosenPanel : 'holds'
  const tabs = mayListHolds && showLifts
  const side = mayListHolds || showLifts
  const shown = layout === '1' ? (activeCameraId ? [activeCameraId] : []) : cameraIds
  const slots = layout === '1' ? 1 : MAX_PLAYBACK_CAMERAS

  return (
    <div className="playback-screen" data-testid="playback-screen" data-side={side || undefined}>
      <PlaybackCameraList
        choices={choices}
        listed={mayListCameras}
        selected={cameraIds}
        activeCameraId={activeCameraId}
        onToggle={toggleCamera}
      />
      <section className="playback-main" aria-labelledby="playback-title">
        <div className="wall-toolbar">
          <h1 id="playback-title" className="screen-title">
            {t('playback.title')}
          </h1>
          <LayoutChoice value={layout} onChange={setLayout} />
        </div>
        <div className="wall-grid playback-grid" data-layout={layout} data-testid="playback-grid">
          {Array.from({ length: slots }, (_, index) => {
            const cameraId = shown[index]
            if (!cameraId || !controller) return <EmptyPlaybackTile key={`empty-${index}`} index={index} />
            return (
              <PlaybackTile
                key={cameraId}
                index={index}
                cameraId={cameraId}
                name={cameraName(cameraId)}
                demo={cameraNames.get(cameraId)?.demo ?? false}
                controller={controller}
                active={cameraId === activeCameraId}
                lift={activeLift(lifts, cameraId, now)}
                onActivate={setActive}
              />
            )
          })}
        </div>
        {controller ? (
          <>
            <TransportBar controller={controller} onJump={goTo} />
            <TimelineToolbar
              controller={controller}
              window={timeWindow}
              selection={selection}
              onZoom={zoom}
              onPan={(fraction) => setTimeWindow((window) => panWindow(window, fraction, Date.now()))}
              onNow={() => setTimeWindow((window) => clampWindow(windowAround(Date.now(), windowDuration(window), 0.9), Date.now()))}
              onCentre={() => setTimeWindow((window) => clampWindow(windowAround(controller.now(), windowDuration(window), 0.5), Date.now()))}
              onSelect={setSelection}
              onPlaceHold={mayHold && choices.length > 0 ? openPlaceHold : undefined}
            />
            {cameraIds.length > 0 ? (
              <PlaybackTimeline
                controller={controller}
                window={timeWindow}
                rows={cameraIds.map((cameraId) => ({ cameraId, name: cameraName(cameraId), data: rows[cameraId] }))}
                activeCameraId={activeCameraId}
                selection={selection}
                onSelect={setSelection}
                onSeek={goTo}
                onPan={(fraction) => setTimeWindow((window) => panWindow(window, fraction, Date.now()))}
              />
            ) : (
              <p className="empty-state playback-hint">{t('playback.timeline.noCamera')}</p>
            )}
            <TimelineErrors rows={cameraIds.map((cameraId) => ({ name: cameraName(cameraId), error: rows[cameraId]?.error ?? null }))} />
            <ShortcutsLegend />
          </>
        ) : null}
      </section>
      {side ? (
        <aside className="playback-side" aria-label={t('playback.side.label')}>
          {tabs ? (
            <div className="tabs" role="tablist" aria-label={t('playback.side.label')}>
              <button
                type="button"
                role="tab"
                id="playback-tab-holds"
                className="tabs__tab"
                aria-selected={panel === 'holds'}
                aria-controls="playback-panel"
                onClick={() => setPanel('holds')}
                data-testid="playback-tab-holds"
              >
                {t('playback.side.holds')}
              </button>
              <button
                type="button"
                role="tab"
                id="playback-tab-lifts"
                className="tabs__tab"
                aria-selected={panel === 'lifts'}
                aria-controls="playback-panel"
                onClick={() => setPanel('lifts')}
                data-testid="playback-tab-lifts"
              >
                {t('playback.side.lifts')}
              </button>
            </div>
          ) : null}
          <div id="playback-panel" role={tabs ? 'tabpanel' : undefined} aria-labelledby={tabs ? `playback-tab-${panel}` : undefined}>
            {panel === 'lifts' ? (
              <MaskLiftsPanel username={username} cameras={choices} cameraName={cameraName} defaultCameraId={activeCameraId} mayAct={mayLift} />
            ) : (
              <HoldsPanel cameraName={cameraName} onPlace={mayHold && choices.length > 0 ? openPlaceHold : undefined} onShow={showHold} />
            )}
          </div>
        </aside>
      ) : null}
      {placing ? (
        <PlaceHoldDialog cameras={choices} cameraId={placing.cameraId} from={placing.from} to={placing.to} onClose={() => setPlacing(null)} />
      ) : null}
    </div>
  )
}

function LayoutChoice({ value, onChange }: { value: PlaybackLayout; onChange: (layout: PlaybackLayout) => void }) {
  const { t } = useTranslation()
  const options: PlaybackLayout[] = ['1', '2x2']
  return (
    <div className="segmented" role="group" aria-label={t('playback.layout.label')}>
      {options.map((layout) => (
        <button
          key={layout}
          type="button"
          className="segmented__option"
          aria-pressed={value === layout}
          title={t(`playback.layout.title${layout}`)}
          aria-label={t(`playback.layout.title${layout}`)}
          onClick={() => onChange(layout)}
          data-testid={`playback-layout-${layout}`}
        >
          <span className="layout-icon" data-layout={layout} aria-hidden="true" />
          {t(`playback.layout.option${layout}`)}
        </button>
      ))}
    </div>
  )
}

function TimelineErrors({ rows }: { rows: Array<{ name: string; error: { message: string; code: string | null } | null }> }) {
  const { t } = useTranslation()
  const failed = rows.filter((row) => row.error !== null)
  if (failed.length === 0) return null
  return (
    <ul className="playback-errors">
      {failed.map((row) => (
        <li key={row.name} className="error-note" role="alert">
          {t('playback.timeline.failed', { name: row.name, message: row.error?.message ?? '' })}
        </li>
      ))}
    </ul>
  )
}
