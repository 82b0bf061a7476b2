import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LegalHold } from '../../../../electron/shared/recording'
import { ErrorNote } from '../../components/ErrorNote'
import { useSession } from '../../stores/session-context'
import { useCameras, useHolds, useMaskLifts } from '../../stores/stores-context'
import { useMayCall, usePermission } from '../session/use-permission'
import { HoldsPanel } from './HoldsPanel'
import { MaskLiftsPanel } from './MaskLiftsPanel'
import { PlaceHoldDialog, type CameraChoice } from './PlaceHoldDialog'
import { playbackHref } from './playback-route'
import { ScreenHeader } from '../../components/ScreenHeader'

/** A hold placed from here, without a timeline, covers the last quarter of an hour by default. */
const DEFAULT_HOLD_MS = 15 * 60_000

/**
 * « Réquisitions »: every legal hold and every lift of privacy masks, across cameras, for the
 * supervisors and the DPO (who approves lifts without watching recordings).
 */
export function RequisitionsScreen() {
  const { t } = useTranslation()
  const cameras = useCameras((state) => state.cameras)
  const holds = useHolds((state) => state.holds)
  const loadHolds = useHolds((state) => state.load)
  const lifts = useMaskLifts((state) => state.lifts)
  const username = useSession((state) => (state.phase.kind === 'signedIn' ? state.phase.session.user.username : ''))
  const mayListHolds = useMayCall('holds.list')
  const mayListLifts = useMayCall('masks.lifts')
  const mayHold = usePermission('recording.hold')
  const mayLift = usePermission('mask.lift')
  const mayPlayBack = usePermission('playback.view')
  const [placing, setPlacing] = useState<{ from: number; to: number } | null>(null)

  useEffect(() => {
    if (mayListHolds) void loadHolds()
  }, [mayListHolds, loadHolds])

  const names = useMemo(() => new Map(cameras.map((camera) => [camera.id, camera.name])), [cameras])
  const cameraName = useCallback((cameraId: string) => names.get(cameraId) ?? cameraId, [names])
  // Without the camera list (a DPO), the cameras of holds and lifts are the ones met.
  const choices: CameraChoice[] = useMemo(() => {
    if (cameras.length > 0) return cameras.map((camera) => ({ id: camera.id, name: camera.name }))
    return [...new Set([...holds.map((hold) => hold.cameraId), ...lifts.map((lift) => lift.cameraId)])].sort().map((id) => ({ id, name: id }))
  }, [cameras, holds, lifts])

  const show = (hold: LegalHold): void => {
    window.location.hash = playbackHref({ cameraIds: [hold.cameraId], at: hold.from })
  }

  return (
    <section className="admin-screen" aria-labelledby="requisitions-title" data-testid="requisitions-screen">
      <ScreenHeader titleId="requisitions-title" title={t('requisitions.title')} intro={t('requisitions.intro')} />
      <div className="requisitions">
        {mayListHolds ? (
          <HoldsPanel
            cameraName={cameraName}
            onPlace={mayHold && choices.length > 0 ? () => setPlacing({ from: Date.now() - DEFAULT_HOLD_MS, to: Date.now() }) : undefined}
            onShow={mayPlayBack ? show : undefined}
          />
        ) : null}
        {mayListLifts ? (
          <MaskLiftsPanel username={username} cameras={choices} cameraName={cameraName} defaultCameraId={null} mayAct={mayLift} />
        ) : null}
        {!mayListHolds && !mayListLifts ? <ErrorNote message={t('requisitions.unavailable')} testId="requisitions-unavailable" /> : null}
      </div>
      {placing && choices.length > 0 ? (
        <PlaceHoldDialog cameras={choices} cameraId={choices[0].id} from={placing.from} to={placing.to} onClose={() => setPlacing(null)} />
      ) : null}
    </section>
  )
}
